import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { Category } from '@/lib/config/schema';
import { SETTINGS } from '@/lib/config/settings';
import { DEFAULT_CATEGORIES } from '@/lib/evidence/categories';
import { z } from '@/lib/zod';

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

/** The office's categories from storage, or the defaults when none (or none valid) are set. */
export async function storedCategories(): Promise<Category[]> {
  const stored = (await browser.storage.local.get(SETTINGS.categories))[SETTINGS.categories];
  const parsed = z.array(Category).safeParse(stored);
  return parsed.success && parsed.data.length > 0 ? parsed.data : [...DEFAULT_CATEGORIES];
}
