import { attempter } from '../blank';
import type { PostSnapshot } from '../snapshot';
import { isComment, postsAround } from './collect';
import { AUTHOR_FIELDS, accountOf, blank, missingOf, pagePostUrl } from './fields';
import { parentOf, readPost } from './post';
import { readReactor } from './reaction-rows';
import * as sel from './selectors';

// One row of "people who reacted": evidence that this account reacted to the post. The dialog does not name
// its post, so the parent is the page's own post (a photo or single-post page: its URL, and the post when it
// is in the DOM), else unknown: url null and 'parent.url' missing. A reaction has no permalink, id or time of
// its own on Facebook: those stay null without being "missing".

const DIALOG = sel.any(sel.dialog);

/** The post the dialog belongs to, when the page says which: the post whose permalink is the page URL. */
function dialogPost(row: Element, pageUrl: string): Element | null {
  const page = pagePostUrl(pageUrl);
  if (!page) return null;
  const dialog = row.closest(DIALOG);
  const doc = row.ownerDocument;
  const containers = doc.querySelectorAll(
    `${sel.any(sel.unit)}, ${sel.any(sel.article)}, ${sel.any(sel.viewerColumn)}`,
  );
  for (const container of containers) {
    if (dialog?.contains(container) || isComment(container)) continue;
    for (const post of postsAround(container)) {
      if (readPost(post, pageUrl, false).url === page) return post;
    }
  }
  return null;
}

export function readReaction(row: Element, pageUrl: string): PostSnapshot {
  const reaction: PostSnapshot = { ...blank(pageUrl), kind: 'reaction' };
  const failed = new Set<string>();
  const attempt = attempter(failed);
  const extra: string[] = [];
  attempt([...AUTHOR_FIELDS, 'text'], () => {
    const reactor = readReactor(row);
    reaction.author = accountOf(reactor.nameLink);
    reaction.text = reactor.reaction ?? '';
    if (!reactor.reaction) extra.push('text');
  });
  attempt(['parent'], () => {
    const { parent, missing } = parentOf(dialogPost(row, pageUrl), pageUrl);
    reaction.parent = parent;
    extra.push(...missing);
  });
  const missing = missingOf(reaction, extra, failed);
  reaction.missing = missing.filter((field) => field !== 'url' && field !== 'postId' && field !== 'postedAt');
  return reaction;
}
