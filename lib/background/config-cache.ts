import { browser } from 'wxt/browser';
import { loadConfig } from '../config/config-store';
import { buildMatcher, type Matcher } from '../config/matcher';
import type { Category, Rule, WatchlistEntry } from '../config/schema';
import { SETTINGS } from '../config/settings';

export interface LoadedConfig {
  watchlist: WatchlistEntry[];
  rules: Rule[];
  categories: Category[];
  /** Compiled on first use (a few hundred ms for thousands of rules): feed.hello does not wait for it. */
  matcher(): Matcher;
}

export function withLazyMatcher(config: Omit<LoadedConfig, 'matcher'>): LoadedConfig {
  let built: Matcher | null = null;
  return { ...config, matcher: () => (built ??= buildMatcher(config.rules, config.watchlist)) };
}

const WATCHED: string[] = [SETTINGS.watchlist, SETTINGS.rules, SETTINGS.categories];

/**
 * The office's configuration as the background uses it: read from storage.local and compiled into one
 * matcher on first use, rebuilt when the options page or a configuration pack changes it. One
 * automaton serves every tab (content scripts send posts here instead of building their own).
 */
export function configCache(): { get(): Promise<LoadedConfig> } {
  let loading: Promise<LoadedConfig> | null = null;
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && WATCHED.some((key) => key in changes)) loading = null;
  });
  return {
    get: () => {
      if (loading) return loading;
      const load = loadConfig().then(withLazyMatcher);
      load.catch(() => {
        if (loading === load) loading = null;
      });
      loading = load;
      return load;
    },
  };
}
