import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { SETTINGS } from '@/lib/config/settings';
import { t } from '@/lib/i18n';

/** "Save originals too": the background downloads a finding's images after storing it. */
export function OriginalsToggle() {
  const [on, setOn] = useState<boolean>();
  useEffect(() => {
    void browser.storage.local
      .get(SETTINGS.saveOriginalMedia)
      .then((v) => setOn(v[SETTINGS.saveOriginalMedia] === true));
    // The popup is a window context, where persistent storage can be asked for.
    void navigator.storage?.persist?.();
  }, []);
  if (on === undefined) return null;
  return (
    <label class="toggle">
      <input
        type="checkbox"
        checked={on}
        onChange={(e) => {
          const value = e.currentTarget.checked;
          setOn(value);
          void browser.storage.local.set({ [SETTINGS.saveOriginalMedia]: value });
        }}
      />{' '}
      {t('popup_save_originals')}
    </label>
  );
}
