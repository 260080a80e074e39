import { stableId } from '@/lib/config/csv-table';
import { nipDigits } from '@/lib/config/nip';
import { handleFromProfileUrl, normalizeHandle, profileUrlOf } from '@/lib/config/normalize';
import { WatchlistEntry } from '@/lib/config/schema';
import { t } from '@/lib/i18n';
import { type FormErrors, type FormResult, issueErrors } from './form-result';
import { nipError } from './nip';

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
 * why it cannot be saved. `id` is kept when editing (null: a new entry, id as the import makes it);
 * `others` are the rest of the list, where the same account may not appear twice.
 */
export function watchlistEntryFromForm(
  values: WatchlistValues,
  id: string | null,
  others: readonly WatchlistEntry[],
): FormResult<WatchlistEntry, WatchlistValues> {
  const { platform } = values;
  const errors: FormErrors<WatchlistValues> = {};
  if (!values.name.trim()) errors.name = t('options_required');
  const badNip = nipError(values.nip);
  if (badNip) errors.nip = badNip;

  const typedHandle = values.handle.trim();
  const typedUrl = values.profileUrl.trim();
  const fromHandle = typedHandle ? normalizeHandle(platform, typedHandle) : null;
  const fromUrl = typedUrl ? handleFromProfileUrl(platform, typedUrl) : null;
  if (typedHandle && !fromHandle) errors.handle = t('options_watchlist_handle_invalid');
  if (typedUrl && !fromUrl) errors.profileUrl = t('options_watchlist_url_invalid');
  if (fromHandle && fromUrl && fromHandle !== fromUrl) errors.profileUrl = t('options_watchlist_url_differs');
  if (!typedHandle && !typedUrl) errors.handle = t('options_watchlist_account_required');
  const handle = fromHandle ?? fromUrl;

  const twin = others.find((e) => e.id !== id && e.platform === platform && e.handle === handle);
  if (handle && twin) errors.handle = t('options_watchlist_duplicate', twin.name);
  if (!handle || Object.keys(errors).length > 0) return { ok: false, errors };

  const parsed = WatchlistEntry.safeParse({
    id: id ?? stableId(platform, handle),
    name: values.name.trim(),
    nip: orNull(nipDigits(values.nip)),
    agency: orNull(values.agency),
    position: orNull(values.position),
    platform,
    handle,
    profileUrl: fromUrl ? profileUrlOf(platform, fromUrl) : null,
  });
  if (parsed.success) return { ok: true, item: parsed.data };
  return { ok: false, errors: issueErrors(parsed.error.issues) };
}
