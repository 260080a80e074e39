import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';

/**
 * `read()`'s result, read again whenever one of `keys` changes in storage.local (a configuration pack
 * applied, an export, a change made in another extension page): it shows at once.
 */
export function useStorage<T>(keys: readonly string[], read: () => Promise<T>): T | undefined {
  const [value, setValue] = useState<T>();
  // keys and read are fixed per caller: one subscription for the component's life.
  useEffect(() => {
    let live = true;
    const load = () =>
      void read().then((next) => {
        if (live) setValue(next);
      });
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && keys.some((key) => key in changes)) load();
    };
    load();
    browser.storage.onChanged.addListener(onChanged);
    return () => {
      live = false;
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, []);
  return value;
}

/** The raw storage.local values of `keys`. */
export function readLocal(keys: readonly string[]): Promise<Record<string, unknown>> {
  return browser.storage.local.get([...keys]);
}
