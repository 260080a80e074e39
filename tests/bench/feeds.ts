// The feeds `npm run bench` measures, in the order it runs and reports them.
import type { FeedId, FeedShape } from './feed-dom';
import { facebookFeed } from './feed-facebook';
import { instagramFeed } from './feed-instagram';
import { xFeed } from './feed-x';

export type { FeedId, FeedShape } from './feed-dom';

export const FEEDS: readonly FeedShape[] = [xFeed, facebookFeed, instagramFeed];

/** Part B's seed post (there before the measured feed starts) uses an index past the measured ones. */
export const SEED_INDEX = 1_000_000;

export function feedById(id: FeedId): FeedShape {
  const feed = FEEDS.find((f) => f.id === id);
  if (!feed) throw new Error(`no feed ${id}`);
  return feed;
}

/** Flaggable items (posts and their comments) in cells `from` … `to - 1`. */
export function itemsBetween(feed: FeedShape, from: number, to: number): number {
  let items = 0;
  for (let i = from; i < to; i++) items += feed.itemsIn(i);
  return items;
}
