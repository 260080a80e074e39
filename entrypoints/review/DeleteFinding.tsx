import { useState } from 'preact/hooks';
import { Field } from '@/components/Field';
import { Modal } from '@/components/Modal';
import type { EvidenceView } from '@/lib/evidence/review-query';
import { t } from '@/lib/i18n';
import { reasonError } from './edit-draft';
import { type Announce, sendDelete } from './requests';

/** "Hapus temuan…" and its confirmation: the reason is required and goes into the audit log. */
export function DeleteFinding({
  view,
  announce,
  onDeleted,
}: {
  view: EvidenceView;
  announce: Announce;
  onDeleted: () => void;
}) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const close = () => {
    setOpen(false);
    setReason('');
    setError(undefined);
  };

  const confirm = async (event: Event) => {
    event.preventDefault();
    const invalid = reasonError(reason);
    setError(invalid);
    if (invalid) return;
    setBusy(true);
    const outcome = await sendDelete(view.id, reason.trim());
    setBusy(false);
    if (!outcome.ok) {
      setError(outcome.message);
      announce({ tone: 'error', text: outcome.message });
      return;
    }
    close();
    announce({ tone: 'ok', text: t('review_deleted', view.seq) });
    onDeleted();
  };

  return (
    <div class="delete">
      <button type="button" class="danger" data-testid="delete-open" onClick={() => setOpen(true)}>
        {t('review_delete_open')}
      </button>
      {open && (
        <Modal labelledBy="delete-title" onClose={close} class="delete-dialog">
          <form onSubmit={(e) => void confirm(e)} noValidate>
            <h2 id="delete-title" class="dialog-title">
              {t('review_delete_title', view.seq)}
            </h2>
            <p>{t('review_delete_explain')}</p>
            <Field
              id="delete-reason"
              label={t('common_reason')}
              hint={t('review_delete_reason_hint')}
              error={error}
            >
              {(control) => (
                <textarea
                  {...control}
                  data-testid="delete-reason"
                  data-autofocus
                  rows={3}
                  maxLength={2_000}
                  required
                  value={reason}
                  onInput={(e) => setReason(e.currentTarget.value)}
                />
              )}
            </Field>
            <div class="dialog-actions">
              <button type="button" onClick={close}>
                {t('common_cancel')}
              </button>
              <button type="submit" class="danger" data-testid="delete-confirm" disabled={busy}>
                {t('review_delete_confirm')}
              </button>
            </div>
          </form>
        </Modal>
      )}
    </div>
  );
}
