import type { Platform, PostSnapshot } from './snapshot';

/**
 * One object per site. Selectors for a site live in its adapter and nowhere else; an adapter is a
 * pure function of the DOM, so it is tested on saved pages.
 */
export interface PlatformAdapter {
  platform: Platform;
  /** Hostnames this adapter serves (exact, lowercase). */
  hosts: readonly string[];
  /** Posts AND comments/replies currently in the DOM, in document order, nothing else. */
  findPosts(root: ParentNode): Element[];
  /** Never throws; fields it cannot read are null and named in `missing`. */
  extract(el: Element, pageUrl: string): PostSnapshot;
  /** Where the flag button goes: an element inside `el` that the host can append to. */
  anchor(el: Element): Element;
}
