import { useEffect, useRef, useState } from 'preact/hooks';
import { AsnCombobox } from '@/components/AsnCombobox';
import { Field } from '@/components/Field';
import type { Category, Language } from '@/lib/config/schema';
import { NOTE_MAX } from '@/lib/evidence/edit';
import { categoryLabel } from '@/lib/evidence/labels';
import type { EvidenceView } from '@/lib/evidence/review-query';
import { t } from '@/lib/i18n';
import { draftEdit, type EditErrors, type EditFields, fieldsOf } from './edit-draft';
import { type Announce, searchWatchlist, sendEdit } from './requests';

/**
 * The audited edit of a finding: category, note and ASN identity, with a required reason. When the finding's
 * edits change (`revision`), the form shows the finding as it now reads, keeping its place and focus.
 */
export function EditForm({
  view,
  revision,
  categories,
  lang,
  announce,
}: {
  view: EvidenceView;
  /** The number of the finding's audit entries: it changes when an edit lands. */
  revision: number;
  categories: Category[];
  lang: Language;
  announce: Announce;
}) {
  const [fields, setFields] = useState<EditFields>(() => fieldsOf(view));
  const [errors, setErrors] = useState<EditErrors>({});
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    setFields(fieldsOf(view));
    setErrors({});
  }, [view.id, revision]);
  const set = (patch: Partial<EditFields>) => setFields((f) => ({ ...f, ...patch }));
  const categoryIds = categories.map((c) => c.id);
  if (!categoryIds.includes(view.category)) categoryIds.push(view.category);

  const submit = async (event: Event) => {
    event.preventDefault();
    const draft = draftEdit(view, fields);
    if (draft.status === 'unchanged') {
      setErrors({});
      announce({ tone: 'info', text: t('review_edit_unchanged') });
      return;
    }
    if (draft.status === 'invalid') {
      setErrors(draft.errors);
      announce({ tone: 'error', text: t('review_edit_invalid') });
      form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    setErrors({});
    setBusy(true);
    announce({ tone: 'info', text: t('review_saving') });
    const outcome = await sendEdit(view.id, draft.edit, draft.reason);
    setBusy(false);
    announce(
      outcome.ok
        ? { tone: 'ok', text: t('review_saved', view.seq) }
        : { tone: 'error', text: outcome.message },
    );
  };

  return (
    <form
      ref={form}
      class="edit-form"
      aria-labelledby="edit-title"
      onSubmit={(e) => void submit(e)}
      noValidate
    >
      <h3 id="edit-title">{t('review_edit_title')}</h3>
      <Field id="edit-category" label={t('common_category')}>
        {(control) => (
          <select
            {...control}
            data-testid="edit-category"
            value={fields.category}
            onChange={(e) => set({ category: e.currentTarget.value })}
          >
            {categoryIds.map((id) => (
              <option key={id} value={id}>
                {categoryLabel(id, lang, categories)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="edit-note" label={t('common_note')}>
        {(control) => (
          <textarea
            {...control}
            data-testid="edit-note"
            rows={3}
            maxLength={NOTE_MAX}
            value={fields.note}
            onInput={(e) => set({ note: e.currentTarget.value })}
          />
        )}
      </Field>
      <fieldset class="asn">
        <legend>{t('review_asn')}</legend>
        <Field
          id="edit-asn-name"
          label={t('review_asn_name')}
          hint={t('review_asn_name_hint')}
          error={errors.asnName}
        >
          {(control) => (
            <AsnCombobox
              control={control}
              value={fields.asnName}
              lang={lang}
              search={searchWatchlist}
              onInput={(asnName) => set({ asnName })}
              onPick={(entry) =>
                set({ asnName: entry.name, asnNip: entry.nip ?? '', asnAgency: entry.agency ?? '' })
              }
            />
          )}
        </Field>
        <Field
          id="edit-asn-nip"
          label={t('review_asn_nip')}
          hint={t('review_asn_nip_hint')}
          error={errors.asnNip}
        >
          {(control) => (
            <input
              {...control}
              data-testid="edit-asn-nip"
              inputMode="numeric"
              maxLength={30}
              value={fields.asnNip}
              onInput={(e) => set({ asnNip: e.currentTarget.value })}
            />
          )}
        </Field>
        <Field id="edit-asn-agency" label={t('review_asn_agency')}>
          {(control) => (
            <input
              {...control}
              data-testid="edit-asn-agency"
              maxLength={200}
              value={fields.asnAgency}
              onInput={(e) => set({ asnAgency: e.currentTarget.value })}
            />
          )}
        </Field>
      </fieldset>
      <Field
        id="edit-reason"
        label={t('review_edit_reason')}
        hint={t('review_edit_reason_hint')}
        error={errors.reason}
      >
        {(control) => (
          <textarea
            {...control}
            data-testid="edit-reason"
            rows={2}
            maxLength={2_000}
            required
            value={fields.reason}
            onInput={(e) => set({ reason: e.currentTarget.value })}
          />
        )}
      </Field>
      <button type="submit" class="primary" data-testid="edit-save" disabled={busy}>
        {t('review_edit_save')}
      </button>
    </form>
  );
}
