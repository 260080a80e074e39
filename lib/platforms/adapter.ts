import type { Platform, PostSnapshot } from './snapshot';

/**
 * One object per site. Selectors for a site live in its adapter and nowhere else; an adapter is a
 * pure function of the DOM, so it is tested on saved pages.
 */
export interface PlatformAdapter {
  platform: Platform;
  /** Bumped when the adapter's selectors or rules change; recorded with every finding. */
  version?: string;
  /** Hostnames this adapter serves (exact, lowercase). */
  hosts: readonly string[];
  /**
   * Posts AND comments/replies in `root` (root itself included when it is one), in document order,
   * nothing else. Runs on every added subtree of the feed: keep it to a few selector queries.
   */
  findPosts(root: ParentNode): Element[];
  /**
   * Optional, live pages only: makes the page reveal what it hides until a pointer or focus arrives
   * (Facebook fills its timestamp link's href on hover/focus). Called at click time, before `extract`;
   * must leave the page as it found it and never throw.
   */
  reveal?(el: Element): Promise<void>;
  /** Never throws; fields it cannot read are null and named in `missing`. */
  extract(el: Element, pageUrl: string): PostSnapshot;
  /** Where the flag button goes: an element inside `el` that the host can append to. */
  anchor(el: Element): Element;
}
