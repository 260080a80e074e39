import { useState } from 'preact/hooks';
import { FileDrop } from '@/components/FileDrop';
import { formatDateTime } from '@/components/format';
import { parseTrustedKeys } from '@/lib/bundle/trusted-keys';
import { type VerifyReport, verifyBundle } from '@/lib/bundle/verify';
import { platformName } from '@/lib/evidence/labels';
import { language, t } from '@/lib/i18n';

/**
 * For the office: drop a bundle (and optionally the officer's registered key), see every check and finding.
 * The checks' own sentences come from lib/bundle in both languages (the CLI prints the same ones).
 */
export function VerifyPage() {
  const [report, setReport] = useState<VerifyReport & { name: string }>();
  const [busy, setBusy] = useState(false);
  const [trusted, setTrusted] = useState<string[]>();

  const check = async (file: File) => {
    setBusy(true);
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      setReport({ ...(await verifyBundle(bytes, { trustedFingerprints: trusted })), name: file.name });
    } finally {
      setBusy(false);
    }
  };

  return (
    <main>
      <header>
        <h1>Netra</h1>
        <p class="subtitle">{t('verify_subtitle')}</p>
      </header>
      <label>
        {t('verify_trusted_key')}{' '}
        <input
          type="file"
          onChange={async (e) => {
            const file = e.currentTarget.files?.[0];
            setTrusted(file ? (await parseTrustedKeys(await file.text())).fingerprints : undefined);
          }}
        />
      </label>
      <FileDrop
        id="bundle"
        hint={t('verify_drop_hint')}
        accept=".zip,application/zip"
        testId="bundle-input"
        onFile={(file) => void check(file)}
      />
      {busy && <p aria-live="polite">{t('verify_checking')}</p>}
      {report && <Report report={report} />}
    </main>
  );
}

function Report({ report }: { report: VerifyReport & { name: string } }) {
  const failed = report.checks.filter((c) => !c.ok);
  return (
    <section aria-live="polite">
      <p class={`verdict ${report.ok ? 'ok' : 'error'}`} data-testid="verdict">
        {report.ok
          ? `✓ ${t('verify_all_passed', report.name)}`
          : `✗ ${t('verify_some_failed', report.name, failed.length)}`}
      </p>
      {report.keyFingerprint && <p>{t('verify_fingerprint', report.keyFingerprint)}</p>}
      <ul class="checks">
        {report.checks.map((c, i) => (
          <li key={i} class={c.ok ? '' : 'error'}>
            {c.ok ? '✓' : '✗'} {language() === 'en' ? c.messageEn : c.message}{' '}
            {c.file && <span class="file">({c.file})</span>}
          </li>
        ))}
      </ul>
      <h2>{t('verify_findings', report.findings.length)}</h2>
      {report.findings.map((e) => (
        <div class="finding" key={e.id}>
          <strong>
            #{e.seq} · {platformName(e.post.platform, language())} · @{e.post.author.handle ?? '?'}
          </strong>{' '}
          <span class="meta">{formatDateTime(e.capturedAt)}</span>
          <p>{e.post.text || t('common_no_text')}</p>
          {e.post.url && <div class="meta">{e.post.url}</div>}
        </div>
      ))}
    </section>
  );
}
