import { browser } from 'wxt/browser';
import { Field, TextField } from '@/components/Field';
import { readLocal, useStorage } from '@/components/use-storage';
import { parseOfficeKeyPem } from '@/lib/config/pack';
import { SETTINGS } from '@/lib/config/settings';
import { t } from '@/lib/i18n';
import type { FormErrors } from '../form-result';
import { Fingerprint, fingerprintGroups } from '../parts/Fingerprint';
import { Section } from '../parts/Section';
import { type ShowStatus, StatusLine, useStatus } from '../parts/StatusLine';
import { useFormValues } from '../use-form-values';

interface Office {
  name: string;
  endpoint: string;
  publicKeyPem: string;
  /** Of the stored key; null when none is set (or it no longer parses). */
  fingerprint: string | null;
}

const KEYS = [SETTINGS.officeName, SETTINGS.officeEndpoint, SETTINGS.officePublicKey];
const text = (value: unknown) => (typeof value === 'string' ? value : '');

async function readOffice(): Promise<Office> {
  const stored = await readLocal(KEYS);
  const publicKeyPem = text(stored[SETTINGS.officePublicKey]);
  const parsed = publicKeyPem ? await parseOfficeKeyPem(publicKeyPem) : null;
  return {
    name: text(stored[SETTINGS.officeName]),
    endpoint: text(stored[SETTINGS.officeEndpoint]),
    publicKeyPem,
    fingerprint: parsed?.ok ? parsed.fingerprint : null,
  };
}

/** Only https: bundles carry findings about people and must not travel in clear text. */
export function endpointError(endpoint: string): string | null {
  if (!endpoint) return null;
  try {
    const url = new URL(endpoint);
    if (url.protocol === 'https:' && url.hostname) return null;
  } catch {
    // not a URL at all: same message
  }
  return t('options_office_endpoint_invalid');
}

/** The monitoring office: where bundles are uploaded, and whose key signs configuration packs. */
export function OfficeSection() {
  const office = useStorage(KEYS, readOffice);
  const [status, setStatus] = useStatus();
  return (
    <Section id="office" title={t('options_office_title')} intro={t('options_office_intro')}>
      {office && <OfficeForm office={office} onStatus={setStatus} />}
      <StatusLine status={status} testId="office-status" />
    </Section>
  );
}

function OfficeForm({ office, onStatus }: { office: Office; onStatus: ShowStatus }) {
  const { values, errors, setErrors, set } = useFormValues(
    () => ({ name: office.name, endpoint: office.endpoint, key: office.publicKeyPem }),
    office,
  );
  const { name, endpoint, key: pem } = values;

  const save = async (e: Event) => {
    e.preventDefault();
    const key = pem.trim() ? await parseOfficeKeyPem(pem.trim()) : null;
    const problems: FormErrors<typeof values> = {};
    const endpointProblem = endpointError(endpoint.trim());
    if (endpointProblem) problems.endpoint = endpointProblem;
    if (key && !key.ok) problems.key = key.message;
    setErrors(problems);
    if (Object.keys(problems).length > 0) {
      onStatus({ kind: 'error', text: t('options_not_saved') });
      return;
    }
    const stored: Record<string, string> = {
      [SETTINGS.officeName]: name.trim(),
      [SETTINGS.officeEndpoint]: endpoint.trim(),
      [SETTINGS.officePublicKey]: pem.trim() && `${pem.trim()}\n`,
    };
    // An emptied field is removed, so readers see "not set" rather than an empty string.
    const empty = Object.keys(stored).filter((k) => !stored[k]);
    await browser.storage.local.remove(empty);
    await browser.storage.local.set(Object.fromEntries(Object.entries(stored).filter(([, v]) => v)));
    onStatus({ kind: 'ok', text: t('options_saved') });
  };

  return (
    <form onSubmit={save} noValidate>
      <TextField
        id="office-name"
        label={t('options_office_name')}
        maxLength={200}
        value={name}
        onValue={set('name')}
        testId="office-name"
      />
      <TextField
        id="office-endpoint"
        label={t('options_office_endpoint')}
        hint={t('options_office_endpoint_hint')}
        error={errors.endpoint}
        inputMode="url"
        value={endpoint}
        onValue={set('endpoint')}
        testId="office-endpoint"
      />
      <Field
        id="office-key"
        label={t('options_office_key')}
        hint={t('options_office_key_hint')}
        error={errors.key}
      >
        {(control) => (
          <textarea
            {...control}
            class="pem"
            rows={6}
            spellcheck={false}
            value={pem}
            data-testid="office-key"
            onInput={(e) => set('key')(e.currentTarget.value)}
          />
        )}
      </Field>
      {office.fingerprint ? (
        <div class="office-fingerprint">
          <p class="fp-label">{t('options_office_key_fingerprint')}</p>
          <Fingerprint groups={fingerprintGroups(office.fingerprint)} testId="office-fingerprint" />
        </div>
      ) : (
        <p class="hint office-no-key">{t('options_office_no_key')}</p>
      )}
      <div class="buttons">
        <button type="submit" class="primary" data-testid="save-office">
          {t('common_save')}
        </button>
      </div>
    </form>
  );
}
