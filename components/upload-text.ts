import type { UploadResult } from '@/lib/bundle/upload';
import { t } from '@/lib/i18n';

/**
 * An upload's outcome in the officer's language. `fallback` is the uploader's Indonesian sentence,
 * shown as it is for export records written before the facts behind it were kept.
 */
export function uploadResultText(
  result: Pick<UploadResult, 'ok'> & Partial<Pick<UploadResult, 'httpStatus' | 'networkError'>>,
  fallback: string | null = null,
): string | null {
  const { ok, httpStatus, networkError } = result;
  if (typeof httpStatus === 'number') {
    if (ok) return t('upload_sent', httpStatus);
    return `${t('upload_http', httpStatus)} ${t('upload_kept')}`;
  }
  if (typeof networkError === 'string') return `${t('upload_unreachable', networkError)} ${t('upload_kept')}`;
  return fallback;
}
