// The review page's edit form, read into the message the background expects: only the fields the officer
// actually changed, a NIP in its stored form, and a reason the audit log can show the office.
import { nipDigits } from '@/lib/config/nip';
import type { AsnIdentity } from '@/lib/config/schema';
import type { EvidenceEdit } from '@/lib/evidence/edit';
import type { EvidenceView } from '@/lib/evidence/review-query';
import { t } from '@/lib/i18n';

/** Same minimum as a deletion's reason, so every audited change says why in a few words at least. */
export const MIN_REASON = 3;

export interface EditFields {
  category: string;
  note: string;
  asnName: string;
  asnNip: string;
  asnAgency: string;
  reason: string;
}

export type EditErrors = Partial<Record<'reason' | 'asnName' | 'asnNip', string>>;

export type EditDraft =
  | { status: 'invalid'; errors: EditErrors }
  | { status: 'unchanged' }
  | { status: 'ready'; edit: EvidenceEdit; reason: string };

export function fieldsOf(view: EvidenceView): EditFields {
  return {
    category: view.category,
    note: view.note,
    asnName: view.asn?.name ?? '',
    asnNip: view.asn?.nip ?? '',
    asnAgency: view.asn?.agency ?? '',
    reason: '',
  };
}

function sameAsn(a: AsnIdentity | null, b: AsnIdentity | null): boolean {
  return (
    a?.name === b?.name &&
    (a?.nip ?? null) === (b?.nip ?? null) &&
    (a?.agency ?? null) === (b?.agency ?? null)
  );
}

export function reasonError(reason: string): string | undefined {
  return reason.trim().length < MIN_REASON ? t('review_reason_required') : undefined;
}

export function draftEdit(view: EvidenceView, fields: EditFields): EditDraft {
  const errors: EditErrors = {};
  const name = fields.asnName.trim();
  const nip = nipDigits(fields.asnNip);
  const agency = fields.asnAgency.trim();
  if (nip && !/^\d{18}$/.test(nip)) errors.asnNip = t('review_nip_invalid');
  if (!name && (nip || agency)) errors.asnName = t('review_asn_name_required');

  const edit: EvidenceEdit = {};
  if (fields.category !== view.category) edit.category = fields.category;
  if (fields.note !== view.note) edit.note = fields.note;
  const asn = name ? { name, nip: nip || null, agency: agency || null } : null;
  if (!sameAsn(asn, view.asn ?? null)) edit.asn = asn;
  if (Object.keys(errors).length === 0 && Object.keys(edit).length === 0) return { status: 'unchanged' };

  const reason = reasonError(fields.reason);
  if (reason) errors.reason = reason;
  if (Object.keys(errors).length > 0) return { status: 'invalid', errors };
  return { status: 'ready', edit, reason: fields.reason.trim() };
}
