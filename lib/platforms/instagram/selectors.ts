// Every Instagram selector lives here. Each is an array: when Instagram changes its DOM, add the new variant
// beside the old one with a date, and keep both tested. Dates say when a variant was seen in a saved page
// (../shared/fixtures/instagram, see SOURCES.tsv) or, for "assumed", when it was written without a sample.
// Instagram's class names are generated hashes: only tags, roles, aria-*, dir and URL shapes are used.

/** One selector list as a single `querySelectorAll` string. */
export const any = (list: readonly string[]): string => list.join(', ');

// 2024-01 and 2025-04 home feed: one <article> per post. 2025-02..2026-03 post modals:
// div[role=dialog] article[role=presentation]. The full post page (2025-09) has no article: collect.ts
// climbs from the post's time link instead.
export const article = ['article'] as const;

// 2024-01..2026-03: every time sits in <time datetime> (ISO UTC); the post's own time is the one inside its
// permalink link (feed header; the bottom of modals and post pages), a comment's inside its /c/ID/ link.
export const time = ['time[datetime]'] as const;
// Links that may hold a post or comment time; collect.ts parses the href to tell them apart.
export const postLink = [
  'a[href*="/p/"]',
  'a[href*="/reel/"]',
  'a[href*="/reels/"]',
  'a[href*="/tv/"]',
] as const;

// 2024-01..2026-03: profile links are a[href="/<username>/"] (relative in 2025-04 feed-brocc, absolute
// elsewhere), role=link. The avatar is a link too, without text (or a span[role=link] without href).
export const link = ['a[href]'] as const;

// 2025-02..2026-03 modals: the post header is a <header>. Feed articles and the full post page have none:
// there the first profile link with text outside the media is the author.
export const header = ['header'] as const;
// 2024-01 feed: "A and B" collab authors share one span[dir=auto]; 2026-03 reel modal: same, one span deeper.
export const authorLine = ['span[dir="auto"]'] as const;

// Links that are not the author even though they point to a profile: tagged people in the media (2024-01
// feed: inside the aria-hidden media box; 2025-04 feed-brocc: same), carousel items (li).
export const notAuthorArea = ['[aria-hidden="true"]', 'li', 'section'] as const;

// Media: 2024-01..2025-09 carousel items are li > img, single photos and videos sit in the media box
// (div[role=button][aria-hidden=true] in feeds and post pages, article > div[role=presentation] in modals);
// 2024-01 sponsored: the photo is wrapped in the ad's link. Avatars sit in span[role=link] or in profile
// links, the liked-by faces in the liked_by link (read.ts checks links by their href): those are not media.
export const mediaExclude = ['[role="link"]:not(a)', 'header', 'section'] as const;

// 2025-02..2026-03 modals: the caption is the h1 of the first comment row (with an unlinked <time>).
export const captionHeading = ['h1[dir="auto"]', 'h1'] as const;
// 2024-01..2025-09: caption, comment text and author names are span[dir=auto]; "more" is a div[role=button].
export const textSpan = ['span[dir="auto"]'] as const;
export const button = ['button', '[role="button"]'] as const;

// Sponsored posts (2024-01 feed-tonykanyi article 3): no <time>, author links carry ?enable_persistent_cta=…,
// the call to action goes through facebook.com/ads/ig_redirect. The label is localised: last resort.
export const sponsoredLink = [
  'a[href*="enable_persistent_cta=true"]',
  'a[href*="/ads/ig_redirect"]',
] as const;
export const sponsoredLabels = ['Sponsored', 'Bersponsor', 'Disponsori', 'Iklan', 'Реклама', 'Patrocinado'];

// Comment rows: 2025-02..2026-03 modals put each in an li (ul > div[role=button] > li); 2025-09 post page
// uses bare divs (collect.ts climbs from the time link).
export const commentRow = ['li'] as const;

// "More options" (…) button of the post header, localised (2024-01..2026-03 en, 2025-09 ru). Anchor only:
// when the label is unknown the author row is used instead.
export const moreOptions = [
  'svg[aria-label="More options"]',
  'svg[aria-label="More Options"]',
  'svg[aria-label="Opsi lainnya"]',
  'svg[aria-label="Opsi Lainnya"]',
  'svg[aria-label="Дополнительно"]',
] as const;

// Liked-by list (assumed 2026-03, no saved sample; tests/fixtures/instagram/liked-by-dialog.html models it):
// a dialog (or the /p/CODE/liked_by/ page's main) titled "Likes", one row per account: avatar, username
// link, full name, Follow button. Recognised by the page URL (…/liked_by/) or by the localised title.
export const dialog = ['[role="dialog"]'] as const;
export const likesTitle = ['h1', 'h2', '[role="heading"]'] as const;
export const likesTitles = ['Likes', 'Suka', 'Disukai', 'Menyukai', 'Yang menyukai', 'Отметки «Нравится»'];
export const pageMain = ['main', '[role="main"]'] as const;
