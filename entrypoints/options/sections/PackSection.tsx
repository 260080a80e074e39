import { useState } from 'preact/hooks';
import { FileDrop } from '@/components/FileDrop';
import { ImportReport } from '@/components/ImportReport';
import { readLocal, useStorage } from '@/components/use-storage';
import { applyConfigPack } from '@/lib/config/config-store';
import type { ImportProblem } from '@/lib/config/import';
import { type ConfigPack, importConfigPack, type PackSignature, parseOfficeKeyPem } from '@/lib/config/pack';
import { SETTINGS } from '@/lib/config/settings';
import { t } from '@/lib/i18n';
import { formatDateTime } from '@/lib/i18n/dates';
import { z } from '@/lib/zod';
import { errorText, formatCount } from '../format';
import { Fingerprint, fingerprintGroups } from '../parts/Fingerprint';
import { Section } from '../parts/Section';
import { type Status, StatusLine } from '../parts/StatusLine';

/** What applyConfigPack records of the pack in force. */
const AppliedPack = z.object({
  issuedAt: z.string(),
  importedAt: z.string(),
  office: z.object({ name: z.nullable(z.string()) }),
});
type AppliedPack = z.infer<typeof AppliedPack>;

interface Stored {
  applied: AppliedPack | null;
  /** Once set, only packs signed with this key are accepted. */
  trustedKey: string | null;
}

const KEYS = [SETTINGS.configPack, SETTINGS.officePublicKey];

async function readStored(): Promise<Stored> {
  const stored = await readLocal(KEYS);
  const applied = AppliedPack.safeParse(stored[SETTINGS.configPack]);
  const key = stored[SETTINGS.officePublicKey];
  return {
    applied: applied.success ? applied.data : null,
    trustedKey: typeof key === 'string' && key ? key : null,
  };
}

type Step =
  | { step: 'idle' }
  | { step: 'ready'; pack: ConfigPack; fingerprint: string | null; signature: PackSignature }
  | { step: 'refused'; problems: ImportProblem[] };

/** The office's whole configuration in one (signed) file: checked and summarised, applied on confirm. */
export function PackSection() {
  const stored = useStorage(KEYS, readStored);
  const [state, setState] = useState<Step>({ step: 'idle' });
  const [summary, setSummary] = useState<Status | null>(null);

  const read = async (file: File) => {
    try {
      // Read afresh: the key may have been saved a moment ago in the Kantor section.
      const { trustedKey } = await readStored();
      const result = await importConfigPack(new Uint8Array(await file.arrayBuffer()), trustedKey);
      if (!result.ok) {
        setState({ step: 'refused', problems: result.problems });
        setSummary({ kind: 'error', text: t('options_import_refused', file.name, result.problems.length) });
        return;
      }
      const [pack] = result.items;
      const key = pack.office.publicKeyPem ? await parseOfficeKeyPem(pack.office.publicKeyPem) : null;
      setState({
        step: 'ready',
        pack,
        fingerprint: key?.ok ? key.fingerprint : null,
        signature: result.signature,
      });
      setSummary({ kind: 'ok', text: t('options_pack_ready', file.name) });
    } catch (error) {
      setState({ step: 'idle' });
      setSummary({ kind: 'error', text: t('options_import_failed', file.name, errorText(error)) });
    }
  };
  const apply = async (pack: ConfigPack) => {
    try {
      await applyConfigPack(pack);
      setState({ step: 'idle' });
      setSummary({ kind: 'ok', text: t('options_pack_applied', pack.office.name) });
    } catch (error) {
      setSummary({ kind: 'error', text: t('options_save_failed', errorText(error)) });
    }
  };

  return (
    <Section id="pack" title={t('options_pack_title')} intro={t('options_pack_intro')}>
      <p data-testid="pack-current">
        {stored?.applied
          ? t(
              'options_pack_current',
              stored.applied.office.name ?? '—',
              formatDateTime(stored.applied.issuedAt),
              formatDateTime(stored.applied.importedAt),
            )
          : t('options_pack_none')}
      </p>
      {stored?.trustedKey && <p class="hint">{t('options_pack_key_required')}</p>}
      <FileDrop
        id="pack-file"
        testId="pack-file"
        accept=".json,application/json"
        hint={t('options_pack_drop')}
        onFile={(file) => void read(file)}
      />
      <StatusLine status={summary} testId="pack-status" />
      {state.step === 'ready' && (
        <PackSummary
          {...state}
          onApply={() => void apply(state.pack)}
          onCancel={() => {
            setState({ step: 'idle' });
            setSummary(null);
          }}
        />
      )}
      {state.step === 'refused' && (
        <ImportReport title={t('options_pack_unchanged')} problems={state.problems} testId="pack-report" />
      )}
    </Section>
  );
}

interface PackSummaryProps {
  pack: ConfigPack;
  fingerprint: string | null;
  signature: PackSignature;
  onApply: () => void;
  onCancel: () => void;
}

const SIGNATURE_KEYS: Record<PackSignature, string> = {
  'office-key': 'options_pack_signed_verified',
  'pack-key': 'options_pack_signed_pack_key',
  unchecked: 'options_pack_signed_unchecked',
  unsigned: 'options_pack_unsigned',
};

function PackSummary({ pack, fingerprint, signature, onApply, onCancel }: PackSummaryProps) {
  return (
    <div class="pack-summary" data-testid="pack-summary">
      <dl>
        <dt>{t('options_pack_office')}</dt>
        <dd>{pack.office.name}</dd>
        <dt>{t('options_pack_issued')}</dt>
        <dd>{formatDateTime(pack.issuedAt)}</dd>
        <dt>{t('options_pack_contents')}</dt>
        <dd>
          {t(
            'options_pack_counts',
            formatCount(pack.categories.length),
            formatCount(pack.rules.length),
            formatCount(pack.watchlist.length),
          )}
        </dd>
        <dt>{t('options_pack_signature')}</dt>
        <dd data-testid="pack-signature">{t(SIGNATURE_KEYS[signature])}</dd>
        <dt>{t('options_pack_key')}</dt>
        <dd>{fingerprint ? <Fingerprint groups={fingerprintGroups(fingerprint)} /> : t('common_none')}</dd>
      </dl>
      <p class="warning">{t('options_pack_replaces')}</p>
      <div class="buttons">
        <button type="button" class="primary" data-testid="pack-apply" onClick={onApply}>
          {t('options_pack_apply')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('common_cancel')}
        </button>
      </div>
    </div>
  );
}
