import { useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { TextField } from '@/components/Field';
import { readLocal, useStorage } from '@/components/use-storage';
import { nipDigits } from '@/lib/config/nip';
import { SETTINGS } from '@/lib/config/settings';
import { Officer } from '@/lib/evidence/schema';
import { t } from '@/lib/i18n';
import { nipError } from '../nip';
import { Section } from '../parts/Section';
import { type ShowStatus, StatusLine, useStatus } from '../parts/StatusLine';
import { useFormValues } from '../use-form-values';

const EMPTY: Officer = { name: null, nip: null, unit: null };

async function readOfficer(): Promise<Officer> {
  const parsed = Officer.safeParse((await readLocal([SETTINGS.officer]))[SETTINGS.officer]);
  return parsed.success ? parsed.data : EMPTY;
}

/** Who signs the findings: name, NIP and unit are written into every finding captured from now on. */
export function OfficerSection() {
  const officer = useStorage([SETTINGS.officer], readOfficer);
  const [status, setStatus] = useStatus();
  return (
    <Section id="officer" title={t('options_officer_title')} intro={t('options_officer_intro')}>
      {officer && <OfficerForm officer={officer} onStatus={setStatus} />}
      <StatusLine status={status} testId="officer-status" />
    </Section>
  );
}

const orNull = (text: string) => text.trim() || null;

function OfficerForm({ officer, onStatus }: { officer: Officer; onStatus: ShowStatus }) {
  const { values, set } = useFormValues(
    () => ({ name: officer.name ?? '', nip: officer.nip ?? '', unit: officer.unit ?? '' }),
    officer,
  );
  const { name, nip, unit } = values;
  // The NIP error shows from the first try to save, then follows the typing. Not on blur: the error
  // appearing as the pointer leaves the field would move Simpan away before the click lands.
  const [checked, setChecked] = useState(false);
  const nipInput = useRef<HTMLInputElement>(null);
  const error = checked ? nipError(nip) : null;

  const save = async (e: Event) => {
    e.preventDefault();
    setChecked(true);
    if (nipError(nip)) {
      nipInput.current?.focus();
      onStatus({ kind: 'error', text: t('options_officer_not_saved') });
      return;
    }
    const next = Officer.parse({ name: orNull(name), nip: orNull(nipDigits(nip)), unit: orNull(unit) });
    await browser.storage.local.set({ [SETTINGS.officer]: next });
    onStatus({ kind: 'ok', text: t('options_saved') });
  };

  return (
    <form onSubmit={save} noValidate>
      <TextField
        id="officer-name"
        label={t('options_officer_name')}
        autoComplete="name"
        maxLength={200}
        value={name}
        onValue={set('name')}
        testId="officer-name"
      />
      <TextField
        id="officer-nip"
        label={t('options_officer_nip')}
        hint={t('options_officer_nip_hint')}
        error={error}
        inputRef={nipInput}
        inputMode="numeric"
        autoComplete="off"
        maxLength={40}
        value={nip}
        onValue={set('nip')}
        testId="officer-nip"
      />
      <TextField
        id="officer-unit"
        label={t('options_officer_unit')}
        hint={t('options_officer_unit_hint')}
        autoComplete="organization"
        maxLength={200}
        value={unit}
        onValue={set('unit')}
        testId="officer-unit"
      />
      <div class="buttons">
        <button type="submit" class="primary" data-testid="save-officer">
          {t('common_save')}
        </button>
      </div>
    </form>
  );
}
