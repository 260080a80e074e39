import { formatFingerprint } from '../crypto/device-key';
import { type AuditEntry, withEdits } from '../evidence/audit';
import { DEFAULT_CATEGORIES } from '../evidence/categories';
import type { Evidence } from '../evidence/schema';
import { Platform } from '../platforms/snapshot';
import { formatIndonesian, formatNip } from './dates';
import { definitions, escapeHtml, userText } from './html';
import { categoryLabel, platformLabel } from './labels';
import type { BundleManifest } from './manifest';
import { type FindingView, findingSection } from './report-finding';

// index.html: a self-contained, read-only report the office opens from the unzipped folder. No script
// at all, and a CSP that would block one anyway; images by relative path; every value escaped. It is
// a pure function of the manifest, the findings and the audit log: the verifier rebuilds it and
// compares bytes, so a report edited after signing (or by a buggy builder) cannot pass.

const CSP = "default-src 'none'; img-src 'self' data: file:; style-src 'unsafe-inline'";

const STYLE = `
body{font:15px/1.5 system-ui,sans-serif;margin:0 auto;max-width:70em;padding:1em 1.5em;color:#111}
h1{font-size:1.5em}h2{font-size:1.2em;border-bottom:2px solid #333;margin-top:2.5em}h3{font-size:1em;margin:1.2em 0 .3em}
table{border-collapse:collapse;margin:.5em 0}th,td{border:1px solid #999;padding:.2em .5em;text-align:left;vertical-align:top}
td.n{text-align:right}dl{display:grid;grid-template-columns:14em 1fr;gap:.2em 1em;margin:0}dt{font-weight:600}dd{margin:0;min-width:0}
code{font-size:.85em;overflow-wrap:anywhere}
.teks{white-space:pre-wrap;overflow-wrap:anywhere;max-height:24em;overflow:auto;border:1px solid #ccc;padding:.4em;background:#fafafa}
.kutipan{white-space:pre-wrap;overflow-wrap:anywhere;border-left:3px solid #ccc;padding-left:.5em}
figure{margin:.5em 0}img{max-width:100%;height:auto;border:1px solid #999}
@media print{.temuan{break-before:page}.teks{max-height:none;overflow:visible}}
`.trim();

function header(m: BundleManifest, records: readonly Evidence[]): string {
  const range =
    m.shift.from && m.shift.to ? `${formatIndonesian(m.shift.from)} – ${formatIndonesian(m.shift.to)}` : '—';
  const previous = m.previousBundle
    ? `SHA256SUMS <code>${escapeHtml(m.previousBundle.sumsSha256)}</code>, berakhir di #${escapeHtml(m.previousBundle.lastSeq)}`
    : escapeHtml('tidak ada (bundel pertama perangkat ini)');
  return definitions([
    ['Petugas', userText(m.officer.name)],
    ['NIP petugas', escapeHtml(formatNip(m.officer.nip) || '—')],
    ['Unit kerja', userText(m.officer.unit)],
    ['Kantor', userText(m.office.name)],
    ['Giliran jaga', escapeHtml(range)],
    ['Jumlah temuan', escapeHtml(records.length)],
    ['Nomor urut', escapeHtml(`#${m.records.firstSeq} – #${m.records.lastSeq}`)],
    ['Dibuat', escapeHtml(formatIndonesian(m.createdAt))],
    ['Sidik jari kunci perangkat', `<code>${escapeHtml(formatFingerprint(m.device.keyFingerprint))}</code>`],
    ['Bundel sebelumnya', previous],
    ['Versi Netra', escapeHtml(m.extensionVersion)],
  ]);
}

/** Counts per category (rows) and platform (columns), with totals. */
function summary(views: readonly FindingView[]): string {
  const platforms = Platform.options.filter((p) => views.some((v) => v.post.platform === p));
  const known: string[] = DEFAULT_CATEGORIES.map((c) => c.id);
  const used = new Set(views.map((v) => v.category));
  const categories = [
    ...known.filter((c) => used.has(c)),
    ...[...used].filter((c) => !known.includes(c)).sort(),
  ];
  const count = (category: string | null, platform: string | null) =>
    views.filter(
      (v) =>
        (category === null || v.category === category) && (platform === null || v.post.platform === platform),
    ).length;
  const cells = (category: string | null) =>
    [...platforms, null].map((p) => `<td class="n">${escapeHtml(count(category, p))}</td>`).join('');
  const head = ['Kategori', ...platforms.map(platformLabel), 'Jumlah']
    .map((h) => `<th>${escapeHtml(h)}</th>`)
    .join('');
  const rows = categories.map((c) => `<tr><th>${escapeHtml(categoryLabel(c))}</th>${cells(c)}</tr>`);
  rows.push(`<tr><th>Jumlah</th>${cells(null)}</tr>`);
  return `<table><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function index(views: readonly FindingView[]): string {
  const rows = views.map(
    (v) =>
      `<tr><td><a href="#temuan-${escapeHtml(v.seq)}">#${escapeHtml(v.seq)}</a></td>` +
      `<td>${escapeHtml(formatIndonesian(v.capturedAt))}</td><td>${escapeHtml(platformLabel(v.post.platform))}</td>` +
      `<td>${userText(v.post.author.handle ?? v.post.author.displayName)}</td><td>${escapeHtml(categoryLabel(v.category))}</td></tr>`,
  );
  const head = ['No.', 'Waktu tangkap', 'Platform', 'Akun', 'Kategori'].map((h) => `<th>${h}</th>`).join('');
  return `<table><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function deletions(m: BundleManifest): string {
  if (m.tombstones.length === 0) return '';
  const rows = m.tombstones.map(
    (t) =>
      `<tr><td>#${escapeHtml(t.seq)}</td><td><code>${escapeHtml(t.evidenceId)}</code></td>` +
      `<td>${escapeHtml(formatIndonesian(t.deletedAt))}</td><td>${userText(t.reason)}</td></tr>`,
  );
  const head = ['No.', 'ID temuan', 'Dihapus', 'Alasan'].map((h) => `<th>${h}</th>`).join('');
  return (
    '<h2>Temuan yang dihapus</h2><p>Penghapusan tercatat dalam rantai hash dan di audit.json; isi temuannya tidak ikut.</p>' +
    `<table><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>`
  );
}

/** The whole report. `audit` is the bundle's audit log: edits are applied, and listed per finding. */
export function reportHtml(
  manifest: BundleManifest,
  records: readonly Evidence[],
  audit: readonly AuditEntry[],
): string {
  const entries = [...audit].sort((a, b) => a.seq - b.seq);
  const views = records.map((r) => withEdits(r, entries));
  const title = `Laporan temuan patroli siber — ${manifest.officer.name ?? 'petugas'} — #${manifest.records.firstSeq}–#${manifest.records.lastSeq}`;
  return (
    '<!doctype html>\n<html lang="id"><head><meta charset="utf-8">' +
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(CSP)}">` +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    '<meta name="referrer" content="no-referrer">' +
    `<title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body>` +
    '<h1>Laporan Temuan Patroli Siber — Netralitas ASN</h1>' +
    header(manifest, records) +
    '<p>Keaslian bundel ini diperiksa dengan SHA256SUMS, SHA256SUMS.sig dan officer.pub.pem (lihat FORMAT.md Netra), bukan dengan halaman ini.</p>' +
    `<h2>Ringkasan</h2>${summary(views)}` +
    `<h2>Daftar temuan</h2>${index(views)}` +
    deletions(manifest) +
    views
      .map((v) =>
        findingSection(
          v,
          entries.filter((a) => a.evidenceId === v.id),
        ),
      )
      .join('\n') +
    '\n</body></html>\n'
  );
}
