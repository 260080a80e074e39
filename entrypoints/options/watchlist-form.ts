import { normalizeHandle, webProfileKey } from '@/lib/config/normalize';
import { WatchlistEntry } from '@/lib/config/schema';
import { t } from '@/lib/i18n';
import { type FormErrors, type FormResult, issueErrors } from './form-result';
import { nipDigits, nipError } from './nip';

/** The watchlist editor's fields, as typed. */
export interface WatchlistValues {
  name: string;
  nip: string;
  agency: string;
  position: string;
  platform: 'x' | 'facebook' | 'instagram';
  handle: string;
  profileUrl: string;
}

export function watchlistValues(entry: WatchlistEntry | null): WatchlistValues {
  return {
    name: entry?.name ?? '',
    nip: entry?.nip ?? '',
    agency: entry?.agency ?? '',
    position: entry?.position ?? '',
    platform: entry?.platform === 'facebook' || entry?.platform === 'instagram' ? entry.platform : 'x',
    handle: entry?.handle ?? '',
    profileUrl: entry?.profileUrl ?? '',
  };
}

const orNull = (text: string) => text.trim() || null;

/**
 * The entry the officer typed, normalised as the CSV import normalises it ("@Budi_S" → "budi_s"), or
 * why it cannot be saved. `id` is kept when editing; `others` are the rest of the list (no duplicates).
 */
export function watchlistEntryFromForm(
  values: WatchlistValues,
  id: string,
  others: readonly WatchlistEntry[],
): FormResult<WatchlistEntry, WatchlistValues> {
  const errors: FormErrors<WatchlistValues> = {};
  if (!values.name.trim()) errors.name = t('options_required');
  const badNip = nipError(values.nip);
  if (badNip) errors.nip = badNip;

  const typedHandle = values.handle.trim();
  const handle = normalizeHandle(values.platform, typedHandle || values.profileUrl);
  if (typedHandle && !handle) errors.handle = t('options_watchlist_handle_invalid');
  const typedUrl = values.profileUrl.trim();
  const profileUrl = typedUrl ? webProfileKey(typedUrl) : null;
  // A URL alone must name a profile on the chosen platform, or the entry could never match a post.
  if (typedUrl && (!profileUrl || (!typedHandle && !handle)))
    errors.profileUrl = t('options_watchlist_url_invalid');
  if (!typedHandle && !typedUrl) errors.handle = t('options_watchlist_account_required');

  const twin = others.find(
    (e) =>
      e.id !== id &&
      e.platform === values.platform &&
      ((handle && e.handle === handle) || (profileUrl && e.profileUrl === profileUrl)),
  );
  if (twin && !errors.handle) errors.handle = t('options_watchlist_duplicate', twin.name);
  if (Object.keys(errors).length > 0) return { ok: false, errors };

  const parsed = WatchlistEntry.safeParse({
    id,
    name: values.name.trim(),
    nip: orNull(nipDigits(values.nip)),
    agency: orNull(values.agency),
    position: orNull(values.position),
    platform: values.platform,
    handle,
    profileUrl,
  });
  if (parsed.success) return { ok: true, item: parsed.data };
  return { ok: false, errors: issueErrors(parsed.error.issues) };
}
