// Every Facebook selector lives here. Each is an array: when Facebook changes its DOM, add the new variant
// beside the old one with a date, and keep both tested. Dates say when a variant was seen in a saved page
// (../shared/fixtures/facebook, see SOURCES.tsv) or, for "assumed", when it was written without a sample.
// Facebook's class names are generated and change weekly: only roles, aria-*, data-* hooks and tag names here.

/** One selector list as a single `querySelectorAll` string. */
export const any = (list: readonly string[]): string => list.join(', ');

// 2022-03 feed, 2024-03 profile and hidden timeline: div[role=article][aria-posinset]; 2025-07 feed: the unit
// keeps aria-posinset but drops role=article.
export const unit = ['div[aria-posinset]', '[aria-posinset]'] as const;
// 2022-01..2024-03: units and comments are role=article; a role=article with no unit around it and a post
// header inside counts as a unit (assumed 2024: single-post pages).
export const article = ['[role="article"]'] as const;
// 2022-01 and 2024-03 photo viewers: the column beside the photo holds header, caption, reactions, comments.
// The right-hand sidebar is role=complementary too: it never has an author header with a timestamp.
export const viewerColumn = ['[role="complementary"]'] as const;

// 2025-07 feed: the author block. Inside it sits an h4; both name the same header.
export const profileName = ['[data-ad-rendering-role="profile_name"]'] as const;
// 2024-03 profile (h2; h3 inside the birthday aggregate), 2022-03 feed (h4 original, h5 shares), 2022-01 and
// 2024-03 photo viewers (h2). A heading is a post header only with a profile link inside.
export const heading = ['h2', 'h3', 'h4', 'h5'] as const;

// 2025-07 story_message; 2022-03..2024-03 data-ad-comet-preview / data-ad-preview (both on one div).
export const message = [
  '[data-ad-rendering-role="story_message"]',
  '[data-ad-comet-preview="message"]',
  '[data-ad-preview="message"]',
] as const;
// Where no message hook exists (2024-03 wall posts: blockquote or bare dir=auto blocks; 2022-03 original
// post of a shared aggregate; 2022-01 photo caption), the body is read from these blocks after the header.
export const textBlock = ['blockquote', '[dir="auto"]'] as const;
// Text inside these is UI, not the post: names, links, buttons ("See more", "See translation", "Edit"),
// counters, composer, comment lists, screen-reader-only copies.
export const notText = [
  'a',
  '[role="button"]',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'form',
  'ul',
  '[role="toolbar"]',
  '[aria-hidden="true"]',
  'div[data-visualcompletion="ignore-dynamic"]',
] as const;
// Where a post's body ends: 2022-03..2025-07 reactions bar (toolbar inside ignore-dynamic), composer form,
// 2022-03 "N comentarios" h6.
export const footer = ['[role="toolbar"]', '[data-visualcompletion="ignore-dynamic"]', 'form', 'h6'] as const;

// 2022-01..2025-07 "Actions for this post" / "Acciones para esta publicación" / "可對此貼文採取的動作" and a
// comment's "Delete, hide or report this": localised labels, so by role only.
export const actionsMenu = ['[role="button"][aria-haspopup="menu"]', '[aria-haspopup="menu"]'] as const;

// 2022-01..2025-07 comments: author and avatar links carry comment_id= (base64 of "comment:<post>_<id>").
export const commentAuthorLink = ['a[href*="comment_id="]'] as const;

// 2024-03 amzon41: the timeline under the photo viewer is inside div[hidden]: not on screen, not posts.
export const hidden = ['[hidden]'] as const;

// 2022-01 and 2024-03 photo viewers: the photo itself, left of the column, in the same dialog.
export const viewerPhoto = ['[data-pagelet="MediaViewerPhoto"] img', '[role="main"] img'] as const;

// Assumed 2025 (tests/fixtures/facebook/reactions-dialog.html): "people who reacted" is a dialog with one
// tab per reaction ("Semua", "Suka 12"…); each row has the avatar link, the name link and a reaction icon.
export const dialog = ['[role="dialog"]'] as const;
export const reactionTab = ['[role="tab"]'] as const;
export const reactionIcon = ['img[alt]', '[role="img"][aria-label]', 'img'] as const;

// Assumed 2024: Facebook's hover card over a timestamp ("Jumat, 14 Februari 2024 pukul 10.15").
export const tooltip = ['[role="tooltip"]'] as const;

// Assumed 2024 (no sample): sponsored posts link "Why am I seeing this ad?" to /ads/about.
export const sponsoredLink = ['a[href*="/ads/about"]'] as const;
