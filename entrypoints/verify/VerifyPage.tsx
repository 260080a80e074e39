import { useState } from 'preact/hooks';
import { formatDateTime, platformName } from '@/components/format';
import { parseTrustedKeys } from '@/lib/bundle/trusted-keys';
import { type VerifyReport, verifyBundle } from '@/lib/bundle/verify';

/** For the office: drop a bundle (and optionally the officer's registered key), see every check and finding. */
export function VerifyPage() {
  const [report, setReport] = useState<VerifyReport & { name: string }>();
  const [busy, setBusy] = useState(false);
  const [over, setOver] = useState(false);
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
        <p class="subtitle">Verifikasi bundel temuan</p>
      </header>
      <label>
        Kunci petugas terdaftar (opsional, berkas sidik jari atau PEM):{' '}
        <input
          type="file"
          onChange={async (e) => {
            const file = e.currentTarget.files?.[0];
            setTrusted(file ? (await parseTrustedKeys(await file.text())).fingerprints : undefined);
          }}
        />
      </label>
      {/* A label: a click anywhere on the zone opens the file picker, and a file can be dropped on it. */}
      <label
        class={`drop${over ? ' over' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          const file = e.dataTransfer?.files[0];
          if (file) void check(file);
        }}
      >
        <span class="drop-hint">Letakkan berkas bundel (.zip) di sini, atau pilih:</span>
        <input
          type="file"
          accept=".zip,application/zip"
          data-testid="bundle-input"
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            if (file) void check(file);
          }}
        />
      </label>
      {busy && <p aria-live="polite">Memeriksa…</p>}
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
          ? `✓ ${report.name}: semua pemeriksaan lolos.`
          : `✗ ${report.name}: ${failed.length} pemeriksaan gagal.`}
      </p>
      {report.keyFingerprint && <p>Sidik jari kunci petugas: {report.keyFingerprint}</p>}
      <ul class="checks">
        {report.checks.map((c, i) => (
          <li key={i} class={c.ok ? '' : 'error'}>
            {c.ok ? '✓' : '✗'} {c.message} {c.file && <span class="file">({c.file})</span>}
          </li>
        ))}
      </ul>
      <h2>Temuan ({report.findings.length})</h2>
      {report.findings.map((e) => (
        <div class="finding" key={e.id}>
          <strong>
            #{e.seq} · {platformName(e.post.platform)} · @{e.post.author.handle ?? '?'}
          </strong>{' '}
          <span class="meta">{formatDateTime(e.capturedAt)}</span>
          <p>{e.post.text || '(tanpa teks)'}</p>
          {e.post.url && <div class="meta">{e.post.url}</div>}
        </div>
      ))}
    </section>
  );
}
