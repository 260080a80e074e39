import type { ExportRecord } from '@/lib/bundle/export-history';
import type { UploadResult } from '@/lib/bundle/upload';
import { t } from '@/lib/i18n';

/**
 * An upload's outcome in the officer's language, from its facts. An export record written before the
 * facts were kept has only its Indonesian sentence (`detail`), shown as it is.
 */
export function uploadResultText(
  result: Pick<UploadResult, 'ok'> & Pick<ExportRecord['upload'], 'httpStatus' | 'networkError' | 'detail'>,
): string | null {
  const { ok, httpStatus, networkError, detail } = result;
  if (typeof httpStatus === 'number') {
    if (ok) return t('upload_sent', httpStatus);
    return `${t('upload_http', httpStatus)} ${t('upload_kept')}`;
  }
  if (typeof networkError === 'string') return `${t('upload_unreachable', networkError)} ${t('upload_kept')}`;
  return detail ?? null;
}
