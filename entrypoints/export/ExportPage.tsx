import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { downloadFile } from '@/components/download';
import { uploadResultText } from '@/components/upload-text';
import { buildBundle } from '@/lib/bundle/build';
import { bundleSourceFromDb } from '@/lib/bundle/db-source';
import { exportHistory, rememberExport, updateLastExport } from '@/lib/bundle/export-history';
import { deviceSigner } from '@/lib/bundle/signer';
import { type UploadResult, uploadBundle } from '@/lib/bundle/upload';
import { deviceKey } from '@/lib/crypto/device-key-store';
import { EvidenceDb } from '@/lib/evidence/db';
import { Officer } from '@/lib/evidence/schema';
import { isoWithOffset } from '@/lib/evidence/time';
import { language, t } from '@/lib/i18n';

const db = new EvidenceDb();

/** The upload after the download: attempt n of `of` (0 before the first), or how it ended. */
type Upload = { attempt: number; of: number } | { result: UploadResult } | null;

// Phases hold facts, not sentences, so a language change re-renders them in the new language.
type Phase =
  | { step: 'ready'; pending: number }
  | { step: 'building'; done: number; total: number }
  | { step: 'done'; fileName: string; count: number; bytes: number; upload: Upload }
  | { step: 'failed'; reason: string };

async function settings() {
  const stored = await browser.storage.local.get(['officer', 'officeName', 'officeEndpoint']);
  const officer = Officer.safeParse(stored.officer);
  return {
    officer: officer.success ? officer.data : { name: null, nip: null, unit: null },
    office: { name: typeof stored.officeName === 'string' ? stored.officeName : null },
    endpoint:
      typeof stored.officeEndpoint === 'string' && stored.officeEndpoint ? stored.officeEndpoint : null,
  };
}

/** Builds the shift's bundle, saves it as a download, marks the findings exported, then uploads it. */
async function runExport(onPhase: (phase: Phase) => void): Promise<void> {
  const { officer, office, endpoint } = await settings();
  const previous = (await exportHistory()).at(-1)?.next ?? null;
  const key = await deviceKey(db);
  const source = await bundleSourceFromDb(db, {
    officer,
    office,
    extensionVersion: browser.runtime.getManifest().version,
    signer: deviceSigner(key),
    previous,
    onProgress: (done, total) => onPhase({ step: 'building', done, total }),
  });
  const parts: BlobPart[] = [];
  const built = await buildBundle(source, (chunk) => {
    parts.push(chunk.slice());
  });
  const zip = new Blob(parts, { type: 'application/zip' });
  downloadFile(zip, built.fileName, 'application/zip');
  // Marked, never deleted: the findings stay on the device, outside the shift count.
  const exportedAt = isoWithOffset(new Date());
  const ids = source.records.map((r) => r.id);
  await db.evidence.where('id').anyOf(ids).modify({ exportedAt });
  await rememberExport({
    fileName: built.fileName,
    createdAt: exportedAt,
    count: built.count,
    bytes: built.bytes,
    sumsSha256: built.sumsSha256,
    next: built.next,
    upload: { status: 'none', endpoint },
  });
  void browser.runtime.sendMessage({ type: 'stats' }).catch(() => undefined);
  const done = { step: 'done' as const, fileName: built.fileName, count: built.count, bytes: built.bytes };
  if (!endpoint) {
    onPhase({ ...done, upload: null });
    return;
  }
  onPhase({ ...done, upload: { attempt: 0, of: 0 } });
  const result = await uploadBundle(endpoint, zip, built.fileName, {
    onAttempt: (n, of) => onPhase({ ...done, upload: { attempt: n, of } }),
  });
  await updateLastExport({
    upload: {
      status: result.ok ? 'ok' : 'failed',
      endpoint,
      httpStatus: result.httpStatus,
      networkError: result.networkError,
    },
  });
  onPhase({ ...done, upload: { result } });
}

function uploadText(upload: Exclude<Upload, null>): string {
  if ('result' in upload) return uploadResultText(upload.result) ?? '';
  return upload.attempt === 0
    ? t('export_uploading')
    : t('export_uploading_attempt', upload.attempt, upload.of);
}

function megabytes(bytes: number): string {
  const mb = new Intl.NumberFormat(language() === 'en' ? 'en-GB' : 'id-ID', {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(bytes / 1024 / 1024);
  return t('export_size_mb', mb);
}

export function ExportPage() {
  const [phase, setPhase] = useState<Phase>();
  const start = () =>
    runExport(setPhase).catch((error: unknown) =>
      setPhase({ step: 'failed', reason: error instanceof Error ? error.message : String(error) }),
    );
  useEffect(() => {
    void db.evidence
      .filter((e) => e.exportedAt === null)
      .count()
      .then((pending) => {
        setPhase({ step: 'ready', pending });
        if (new URLSearchParams(location.search).has('start') && pending > 0) void start();
      });
  }, []);

  return (
    <main>
      <header>
        <h1>Netra</h1>
        <p class="subtitle">{t('export_subtitle')}</p>
      </header>
      {phase?.step === 'ready' && (
        <section>
          <p>{t('export_pending', phase.pending)}</p>
          <button type="button" class="primary" disabled={phase.pending === 0} onClick={() => void start()}>
            {t('common_export')}
          </button>
        </section>
      )}
      {phase?.step === 'building' && (
        <section aria-live="polite">
          <progress max={phase.total} value={phase.done} />
          <p class="status">{t('export_building', phase.done, phase.total)}</p>
        </section>
      )}
      {phase?.step === 'done' && (
        <section aria-live="polite">
          <p class="ok" data-testid="export-done">
            {t('export_done')}
          </p>
          <dl>
            <dt>{t('export_file')}</dt>
            <dd>{phase.fileName}</dd>
            <dt>{t('export_findings')}</dt>
            <dd>{phase.count}</dd>
            <dt>{t('export_size')}</dt>
            <dd>{megabytes(phase.bytes)}</dd>
            {phase.upload && (
              <>
                <dt>{t('export_upload')}</dt>
                <dd data-testid="upload-status">{uploadText(phase.upload)}</dd>
              </>
            )}
          </dl>
        </section>
      )}
      {phase?.step === 'failed' && (
        <p class="error" role="alert">
          {t('export_failed', phase.reason)}
        </p>
      )}
    </main>
  );
}
