import type { Category, Language } from '@/lib/config/schema';
import type { AuditEntry } from '@/lib/evidence/audit';
import type { EvidenceEdit } from '@/lib/evidence/edit';
import { categoryLabel } from '@/lib/evidence/labels';
import { t } from '@/lib/i18n';
import { formatDateTime } from '@/lib/i18n/dates';

/** One line per changed field of an edit, in the officer's words. */
function changeLines(changes: EvidenceEdit, lang: Language, categories: Category[]): string[] {
  const lines: string[] = [];
  if (changes.category !== undefined)
    lines.push(t('review_change_category', categoryLabel(changes.category, lang, categories)));
  if (changes.note !== undefined)
    lines.push(changes.note ? t('review_change_note', changes.note) : t('review_change_note_cleared'));
  if (changes.asn === null) lines.push(t('review_change_asn_cleared'));
  else if (changes.asn) {
    const { name, nip, agency } = changes.asn;
    lines.push(t('review_change_asn', [name, nip, agency].filter(Boolean).join(' · ')));
  }
  return lines;
}

function entryLines(entry: AuditEntry, lang: Language, categories: Category[]): string[] {
  if (entry.action === 'edit' && entry.changes) return changeLines(entry.changes, lang, categories);
  if (entry.action === 'media') {
    const media = entry.media ?? [];
    const saved = media.filter((m) => m.sha256 !== null).length;
    return [t('review_media_saved', saved, media.length - saved)];
  }
  return [];
}

const ACTION_KEYS: Record<AuditEntry['action'], string> = {
  edit: 'review_action_edit',
  delete: 'review_action_delete',
  media: 'review_action_media',
};

/** What happened to a finding after its capture, oldest first: edits with their reasons, originals saved. */
export function AuditHistory({
  entries,
  lang,
  categories,
}: {
  entries: AuditEntry[];
  lang: Language;
  categories: Category[];
}) {
  if (entries.length === 0) return <p class="meta">{t('review_history_empty')}</p>;
  return (
    <ol class="audit-history">
      {entries.map((entry) => (
        <li key={entry.seq}>
          <div>
            <strong>{t(ACTION_KEYS[entry.action])}</strong>{' '}
            <span class="meta">{formatDateTime(entry.at, lang)}</span>
          </div>
          {entryLines(entry, lang, categories).map((line) => (
            <div key={line} class="change">
              {line}
            </div>
          ))}
          {entry.action !== 'media' && <div class="reason">{t('review_reason_was', entry.reason)}</div>}
        </li>
      ))}
    </ol>
  );
}
