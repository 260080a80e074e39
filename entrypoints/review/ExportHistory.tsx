import { uploadResultText } from '@/components/upload-text';
import { useStorage } from '@/components/use-storage';
import { EXPORT_HISTORY_KEY, type ExportRecord, exportHistory } from '@/lib/bundle/export-history';
import type { Language } from '@/lib/config/schema';
import { t } from '@/lib/i18n';
import { formatDateTime } from '@/lib/i18n/dates';

const UPLOAD_KEYS: Record<ExportRecord['upload']['status'], string> = {
  none: 'review_upload_none',
  ok: 'review_upload_ok',
  failed: 'review_upload_failed',
};

/** Every bundle exported from this device, newest first. */
export function ExportHistory({ lang }: { lang: Language }) {
  const history = useStorage([EXPORT_HISTORY_KEY], exportHistory);
  if (!history) return <p aria-busy="true">{t('common_loading')}</p>;
  if (history.length === 0) return <p class="meta">{t('review_exports_empty')}</p>;
  return (
    <table class="plain-table">
      <caption class="sr-only">{t('review_exports_title')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('review_export_file')}</th>
          <th scope="col">{t('review_export_created')}</th>
          <th scope="col">{t('review_export_count')}</th>
          <th scope="col">{t('review_export_size')}</th>
          <th scope="col">{t('review_export_upload')}</th>
        </tr>
      </thead>
      <tbody>
        {[...history].reverse().map((record) => (
          <tr key={record.fileName + record.createdAt}>
            <td class="file">{record.fileName}</td>
            <td>{formatDateTime(record.createdAt, lang)}</td>
            <td>{record.count}</td>
            <td>{t('review_megabytes', (record.bytes / 1024 / 1024).toFixed(2))}</td>
            <td>
              {t(UPLOAD_KEYS[record.upload.status])}
              {record.upload.status !== 'none' && <UploadDetail upload={record.upload} />}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function UploadDetail({ upload }: { upload: ExportRecord['upload'] }) {
  const text = uploadResultText({ ...upload, ok: upload.status === 'ok' });
  return text ? <div class="meta">{text}</div> : null;
}
