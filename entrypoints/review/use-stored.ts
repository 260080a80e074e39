import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';

/** `read()`'s value, read again whenever storage.local changes (the options page or an export). */
export function useStored<T>(read: () => Promise<T>): T | undefined {
  const [value, setValue] = useState<T>();
  useEffect(() => {
    let live = true;
    const reload = () => void read().then((v) => live && setValue(v));
    const onChanged = (_changes: unknown, area: string) => area === 'local' && reload();
    reload();
    browser.storage.onChanged.addListener(onChanged);
    return () => {
      live = false;
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, []);
  return value;
}
