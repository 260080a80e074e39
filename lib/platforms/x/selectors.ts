// Every X selector lives here. Each is an array: when X changes its DOM, add the new variant beside the
// old one with a date, and keep both tested. Dates say when a variant was seen in a saved page
// (../shared/fixtures/x, see SOURCES.tsv) or, for "assumed", when it was written without a sample.

/** One selector list as a single `querySelectorAll` string. */
export const any = (list: readonly string[]): string => list.join(', ');

// 2025-02 home timeline; 2025-04 home, profile, status page; 2025-10 bare tweet/quote cells.
// The role=article entries only count when they hold a User-Name (see collect.ts).
export const tweet = ['article[data-testid="tweet"]', '[data-testid="tweet"]'] as const;
export const tweetFallback = ['article[role="article"]', '[role="article"]'] as const;

// 2025-04 home-brocc: the DM drawer's message bubbles carry tweetText/User-Name; the "Timeline: Carousel"
// ScrollSnap list holds tweet-like cards. Nothing inside these is a post an officer flags in the feed.
export const notInFeed = [
  '[data-testid="DMDrawer"]',
  '[data-testid="conversation"]',
  '[data-testid="ScrollSnap-SwipeableList"]',
  '[data-testid="ScrollSnap-List"]',
] as const;

// 2025-02..2025-10 all fixtures: display-name link + "@handle" span (+ time link in timelines).
export const userName = ['[data-testid="User-Name"]'] as const;
// Inside User-Name. 2025-02..2025-10 timelines: the first link is the display name; 2025-04/2025-10 quoted
// tweets have no links there, the first dir=ltr block is the name. The handle is the span starting with "@".
export const displayName = ['a[href]', '[dir="ltr"], [dir="auto"]'] as const;
// 2025-02..2025-10 all fixtures: the avatar container's testid ends with the handle.
export const avatarContainer = ['[data-testid^="UserAvatar-Container-"]'] as const;
export const avatarContainerPrefix = 'UserAvatar-Container-';

// 2025-02..2025-10: the post body. Second entry assumed: the same div carries lang + dir=auto.
export const tweetText = ['[data-testid="tweetText"]', 'div[lang][dir="auto"]'] as const;
// 2025-02 home (div role=link); 2025-04 status-page replies (button). Suffix match: assumed rename.
export const showMore = [
  '[data-testid="tweet-text-show-more-link"]',
  '[data-testid$="show-more-link"]',
] as const;

// 2025-04 profile/thread, 2025-10 quote cells: the quoted tweet is a div[role=link] holding its own
// User-Name, tweetText and an unlinked <time>. The "Show more" div is role=link too: hence the User-Name test.
export const quote = ['div[role="link"]', '[role="link"]:not(a)'] as const;

// 2025-02..2025-10: the permalink is the /status/ link that wraps <time datetime>.
export const time = ['time[datetime]'] as const;
export const statusLink = ['a[href*="/status/"]'] as const;

// 2025-04 home/profile/thread, 2025-10 cells: the "More" (…) button at the right of the header.
export const caret = ['[data-testid="caret"]', 'button[aria-haspopup="menu"][aria-label]'] as const;

// Repost line above the header ("Budi Santoso reposted"). Assumed 2025-10 (no fixture shows one); a link to
// the reposter's profile sits around or inside it.
export const socialContext = ['[data-testid="socialContext"]'] as const;

// 2025-02 home: photos and videos both sit in tweetPhoto; 2025-04 brocc: videoPlayer/videoComponent inside.
// 2025-02..2025-10: photos are wrapped in a /status/ID/photo/N link (fallback if the testid goes).
export const photo = ['[data-testid="tweetPhoto"]', 'a[href*="/photo/"]'] as const;
export const videoPlayer = ['[data-testid="videoPlayer"]', '[data-testid="videoComponent"]'] as const;
// 2025-04 profile/thread, 2025-10 tweet cell: link preview cards.
export const card = ['[data-testid="card.wrapper"]', '[data-testid^="card.layout"]'] as const;

// Promoted tweets have no <time>; X labels them "Ad" (localised). placementTracking around the tweet marks an
// ad too, but 2025-02 home-twooter shows it INSIDE ordinary video media: only count it outside media.
export const placementTracking = ['[data-testid="placementTracking"]'] as const;
export const promotedLabels = ['Ad', 'Ads', 'Promoted', 'Iklan', 'Dipromosikan', 'Promosi', 'Bersponsor'];

// ---- Interaction lists -----------------------------------------------------------------------------------
// "Reposted by" (/<handle>/status/<id>/retweets) and "Liked by" (/<handle>/status/<id>/likes): one UserCell per
// account, in the main column. The quotes list (/status/<id>/quotes, once /retweets/with_comments) holds
// ordinary tweets and is no interaction list. "reposts" is assumed 2025-10 (X kept "retweets" in its URLs).
export const interactionLists: ReadonlyMap<string, 'repost' | 'reaction'> = new Map([
  ['retweets', 'repost'],
  ['reposts', 'repost'],
  ['likes', 'reaction'],
]);

// 2025-02 home-twooter, 2025-04 brocc: the sidebar's "Who to follow" rows are li[role=listitem] UserCells (avatar
// container, name link, "@handle" link, Follow button, bio). List rows: assumed 2025-10, the same testid on a
// div/button with the same inside. Timeline "Who to follow" modules use it too: rows count on list pages only.
export const userCell = ['[data-testid="UserCell"]'] as const;
// Where list rows are: the main column. The sidebar (Who to follow) and hover cards never hold one.
export const listColumn = ['[data-testid="primaryColumn"]'] as const;
export const notInList = ['[data-testid="sidebarColumn"]', '[data-testid="HoverCard"]'] as const;
// 2025-02 home-twooter: button data-testid="<user id>-follow" aria-label="Follow @handle". Assumed 2025-10:
// "<user id>-unfollow" once followed; a button whose label names the account if the testid goes.
export const followButton = [
  '[data-testid$="-follow"]',
  '[data-testid$="-unfollow"]',
  'button[aria-label*="@"]',
] as const;
