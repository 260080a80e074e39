import type { Language } from '@/lib/config/schema';
import type { Tombstone } from '@/lib/evidence/audit';
import { t } from '@/lib/i18n';
import { formatDateTime } from '@/lib/i18n/dates';

/** The deleted findings: their place in the chain, when and why (the office sees the same). */
export function DeletedList({ tombstones, lang }: { tombstones: Tombstone[]; lang: Language }) {
  if (tombstones.length === 0) return <p class="meta">{t('review_deleted_empty')}</p>;
  return (
    <table class="plain-table">
      <caption class="sr-only">{t('review_deleted_title')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('review_deleted_seq')}</th>
          <th scope="col">{t('review_deleted_at')}</th>
          <th scope="col">{t('common_reason')}</th>
        </tr>
      </thead>
      <tbody>
        {[...tombstones]
          .sort((a, b) => b.seq - a.seq)
          .map((tombstone) => (
            <tr key={tombstone.seq} data-testid="tombstone-row">
              <td>#{tombstone.seq}</td>
              <td>{formatDateTime(tombstone.deletedAt, lang)}</td>
              <td class="verbatim">{tombstone.reason}</td>
            </tr>
          ))}
      </tbody>
    </table>
  );
}
