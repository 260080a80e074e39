import type { PlatformAdapter } from './adapter';
import { facebookAdapter } from './facebook';
import { instagramAdapter } from './instagram';
import type { PostSnapshot } from './snapshot';
import { xAdapter } from './x';

/** Every site Netra flags on. Facebook and Instagram join here. */
export const adapters: readonly PlatformAdapter[] = [xAdapter, instagramAdapter, facebookAdapter];

/** The adapter serving `hostname` (`www.` ignored), or undefined on any other site. */
export function adapterForHost(hostname: string): PlatformAdapter | undefined {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  const bare = host.startsWith('www.') ? host.slice(4) : host;
  return adapters.find((adapter) => adapter.hosts.includes(host) || adapter.hosts.includes(bare));
}

function hostOf(pageUrl: string): string | null {
  try {
    return new URL(pageUrl).hostname;
  } catch {
    return null;
  }
}

/** Snapshots of every post and reply in `root` as the adapter for `pageUrl`'s site reads them; [] elsewhere. */
export function extractPosts(root: ParentNode, pageUrl: string): PostSnapshot[] {
  const host = hostOf(pageUrl);
  const adapter = host ? adapterForHost(host) : undefined;
  if (!adapter) return [];
  return adapter.findPosts(root).map((post) => adapter.extract(post, pageUrl));
}
