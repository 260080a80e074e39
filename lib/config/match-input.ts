import type { MatchAccount, MatchInput } from '../feed-messages';
import type { Account, PostKind, PostSnapshot } from '../platforms/snapshot';

// The content script's half of matching: what of a snapshot the background's matcher needs. Types only,
// so the content script bundle gains a few lines and no schema or matcher code.

const MAX_TEXT = 20_000;

/** The role of the snapshot's own author: a comment's author comments, a reaction row's reacts. */
const AUTHOR_ROLE: Record<PostKind, MatchAccount['role']> = {
  post: 'author',
  reply: 'commenter',
  comment: 'commenter',
  reaction: 'reactor',
  repost: 'reposter',
};

function accountOf(role: MatchAccount['role'], account: Account): MatchAccount[] {
  if (account.handle === null && account.profileUrl === null) return [];
  return [{ role, handle: account.handle, profileUrl: account.profileUrl }];
}

/** Cut to `max` code units without leaving half of a surrogate pair at the end. */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const last = text.charCodeAt(max - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? max - 1 : max);
}

export function matchInputFromSnapshot(s: PostSnapshot): MatchInput {
  const accounts = [
    ...accountOf(AUTHOR_ROLE[s.kind], s.author),
    ...(s.coAuthors ?? []).flatMap((account) => accountOf('coauthor', account)),
    ...(s.repostedBy ? accountOf('reposter', s.repostedBy) : []),
  ];
  const text = s.quoted?.text ? `${s.text}\n${s.quoted.text}` : s.text;
  return { platform: s.platform, kind: s.kind, accounts, text: cut(text, MAX_TEXT) };
}
