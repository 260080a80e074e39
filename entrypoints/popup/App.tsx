import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { EvidenceCard } from '@/components/EvidenceCard';
import { platformName } from '@/components/format';
import { useLiveQuery } from '@/components/use-live-query';
import { EvidenceDb, shiftEvidence } from '@/lib/evidence/db';
import type { Platform } from '@/lib/platforms/snapshot';

const db = new EvidenceDb();
const LATEST = 30;

/** "Save originals too": the background downloads a finding's images after storing it. */
function OriginalsToggle() {
  const [on, setOn] = useState<boolean>();
  useEffect(() => {
    void browser.storage.local.get('saveOriginalMedia').then((v) => setOn(v.saveOriginalMedia === true));
    // The popup is a window context, where persistent storage can be asked for.
    void navigator.storage?.persist?.();
  }, []);
  if (on === undefined) return null;
  return (
    <label class="toggle">
      <input
        type="checkbox"
        checked={on}
        onChange={(e) => {
          const value = e.currentTarget.checked;
          setOn(value);
          void browser.storage.local.set({ saveOriginalMedia: value });
        }}
      />{' '}
      Simpan juga gambar/video asli unggahan
    </label>
  );
}

export function App() {
  const shift = useLiveQuery(async () => {
    const findings = await shiftEvidence(db);
    const latest = findings.slice(0, LATEST);
    const screenshots = await db.screenshots.bulkGet(latest.map((e) => e.screenshots[0]?.id ?? ''));
    return { findings, latest, screenshots };
  });

  if (!shift) return <main aria-busy="true" />;
  const perPlatform = new Map<Platform, number>();
  for (const e of shift.findings)
    perPlatform.set(e.post.platform, (perPlatform.get(e.post.platform) ?? 0) + 1);

  return (
    <main>
      <header>
        <h1>Netra</h1>
        <p class="subtitle">Temuan giliran jaga ini</p>
      </header>
      <section class="summary" aria-label="Ringkasan">
        <p class="count">
          <strong data-testid="finding-count">{shift.findings.length}</strong> temuan
        </p>
        <ul class="platforms">
          {[...perPlatform].map(([platform, count]) => (
            <li key={platform}>
              {platformName(platform)}: {count}
            </li>
          ))}
        </ul>
      </section>
      {shift.findings.length === 0 ? (
        <p class="empty">
          Belum ada temuan. Buka X, Facebook atau Instagram, lalu klik tombol bendera pada unggahan yang
          melanggar.
        </p>
      ) : (
        <ol class="findings" aria-label="Temuan terbaru">
          {shift.latest.map((evidence, i) => (
            <EvidenceCard key={evidence.id} evidence={evidence} screenshot={shift.screenshots[i]} />
          ))}
        </ol>
      )}
      {shift.findings.length > LATEST && (
        <p class="more">dan {shift.findings.length - LATEST} temuan lainnya</p>
      )}
      <div class="actions">
        <button
          type="button"
          class="primary"
          data-testid="export"
          disabled={shift.findings.length === 0}
          onClick={() => void browser.tabs.create({ url: browser.runtime.getURL('/export.html?start') })}
        >
          Ekspor
        </button>
        <a href={browser.runtime.getURL('/verify.html')} target="_blank" rel="noopener">
          Verifikasi bundel
        </a>
      </div>
      <OriginalsToggle />
    </main>
  );
}
