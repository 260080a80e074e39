import type { AuditEntry, EvidenceEdit } from '../evidence/audit';
import type { Evidence, ScreenshotRef } from '../evidence/schema';
import type { Account, PostSnapshot } from '../platforms/snapshot';
import { formatIndonesian, formatNip } from './dates';
import { evidencePath, offsetMinutes, screenshotPath } from './format';
import { definitions, escapeHtml, userLink, userText } from './html';
import { actionLabel, categoryLabel, kindLabel, platformLabel, yesNo } from './labels';

// One finding of index.html, laid out as a supervision finding (uraian temuan): what happened, who,
// when, where, and the evidence. Every value from the record goes through escapeHtml / userText.

export type FindingView = Evidence & { asn: EvidenceEdit['asn'] };

function accountHtml(account: Account | null | undefined): string {
  if (!account || (!account.handle && !account.displayName)) return escapeHtml('tidak terbaca');
  const name = account.displayName ? userText(account.displayName) : '';
  const handle = account.handle ? `<code>${userText(account.handle)}</code>` : '';
  return [name, handle].filter(Boolean).join(' · ');
}

/** A time shown on the officer's wall clock (the capture's zone), with the exact ISO value beside it. */
function timeHtml(iso: string | null, offset: number | null): string {
  if (!iso) return escapeHtml('tidak terlihat di halaman');
  return `${escapeHtml(formatIndonesian(iso, offset))} <code>${escapeHtml(iso)}</code>`;
}

function whatHappened(e: FindingView): string {
  const post = e.post;
  const text = post.text
    ? `<div class="teks" dir="auto">${escapeHtml(post.text)}</div>`
    : escapeHtml('(tanpa teks)');
  return definitions([
    ['Kategori', `${escapeHtml(categoryLabel(e.category))} <code>${escapeHtml(e.category)}</code>`],
    ['Jenis', escapeHtml(kindLabel(post.kind))],
    ['Teks', text],
    ['Teks terpotong di halaman', escapeHtml(yesNo(post.textTruncated))],
    [
      'Media',
      post.media.length ? list(post.media.map((m) => `${escapeHtml(m.type)}: ${userLink(m.url)}`)) : null,
    ],
    ['Unggahan induk', post.parent ? parentHtml(post.parent) : null],
    ['Kutipan', post.quoted ? quotedHtml(post.quoted) : null],
    ['Catatan petugas', e.note ? `<div class="teks" dir="auto">${escapeHtml(e.note)}</div>` : null],
    ['Versi', versionHtml(e)],
  ]);
}

function parentHtml(parent: NonNullable<PostSnapshot['parent']>): string {
  return `${userLink(parent.url)} · ${accountHtml(parent.author)}<div class="kutipan" dir="auto">${escapeHtml(parent.textExcerpt)}</div>`;
}

function quotedHtml(quoted: PostSnapshot): string {
  return `${userLink(quoted.url)} · ${accountHtml(quoted.author)}<div class="kutipan" dir="auto">${escapeHtml(quoted.text)}</div>`;
}

function versionHtml(e: FindingView): string | null {
  if (e.version === 1 && !e.versionOf) return null;
  const of = e.versionOf ? ` dari <code>${escapeHtml(e.versionOf)}</code>` : '';
  const changed = e.changed.length ? `; berubah: ${escapeHtml(e.changed.join(', '))}` : '';
  return `versi ${escapeHtml(e.version)}${of}${changed}`;
}

function who(e: FindingView): string {
  const asn = e.asn
    ? [
        userText(e.asn.name),
        e.asn.nip ? `NIP ${escapeHtml(formatNip(e.asn.nip))}` : '',
        userText(e.asn.agency, ''),
      ]
        .filter(Boolean)
        .join(' · ')
    : escapeHtml('belum diidentifikasi petugas');
  return definitions([
    ['Akun', accountHtml(e.post.author)],
    ['Profil', userLink(e.post.author.profileUrl)],
    ['Identitas ASN', asn],
    ['Penulis bersama', e.post.coAuthors?.length ? list(e.post.coAuthors.map(accountHtml)) : null],
    ['Diunggah ulang oleh', e.post.repostedBy ? accountHtml(e.post.repostedBy) : null],
  ]);
}

function when(e: FindingView): string {
  const offset = offsetMinutes(e.capturedAt);
  return definitions([
    ['Waktu unggah', timeHtml(e.post.postedAt, offset)],
    ['Waktu tangkap', timeHtml(e.capturedAt, offset)],
  ]);
}

function where(e: FindingView): string {
  return definitions([
    ['Platform', escapeHtml(platformLabel(e.post.platform))],
    ['Tautan permanen', userLink(e.post.url, 'tidak terlihat di halaman')],
    ['Halaman', userLink(e.post.pageUrl)],
  ]);
}

function screenshotHtml(shot: ScreenshotRef, seq: number): string {
  const path = screenshotPath(shot.id);
  const role = shot.role === 'post' ? 'unggahan' : 'seluruh layar';
  const clipped = shot.clipped ? '; sebagian unggahan tidak tertangkap' : '';
  return (
    // Linked to itself: the office opens the full-size picture with a click.
    `<figure><a href="${escapeHtml(path)}"><img src="${escapeHtml(path)}" alt="Tangkapan layar ${escapeHtml(role)}, temuan #${escapeHtml(seq)}"` +
    ` width="${escapeHtml(shot.width)}" height="${escapeHtml(shot.height)}" loading="lazy"></a>` +
    `<figcaption>${escapeHtml(`Tangkapan layar ${role}, ${shot.width}×${shot.height} px, ${shot.size} bita${clipped}`)}` +
    `<br><code>${escapeHtml(path)}</code> SHA-256 <code>${escapeHtml(shot.sha256)}</code></figcaption></figure>`
  );
}

function evidenceHtml(e: FindingView, history: readonly AuditEntry[]): string {
  const shots = e.screenshots.length
    ? e.screenshots.map((s) => screenshotHtml(s, e.seq)).join('')
    : `<p>${escapeHtml('Tidak ada tangkapan layar.')}</p>`;
  const missing = [...e.post.missing, ...e.missing];
  return (
    shots +
    definitions([
      ['Berkas rekaman', `<code>${escapeHtml(evidencePath(e.id))}</code>`],
      ['Hash rekaman (SHA-256)', `<code>${escapeHtml(e.hash)}</code>`],
      ['Hash sebelumnya', `<code>${escapeHtml(e.prevHash ?? '— (awal rantai)')}</code>`],
      ['Tidak terbaca', missing.length ? escapeHtml(missing.join(', ')) : null],
      ['Riwayat', history.length ? list(history.map(historyHtml)) : null],
      [
        'Asal',
        escapeHtml(
          `Netra ${e.provenance.extensionVersion}, adapter ${e.provenance.adapterVersion}, ` +
            `${e.provenance.browser}, ${e.provenance.os}, DPR ${e.provenance.devicePixelRatio}`,
        ),
      ],
    ])
  );
}

function historyHtml(entry: AuditEntry): string {
  const changes = entry.changes ? ` (${changesHtml(entry.changes)})` : '';
  const media = entry.media?.length ? ` (${escapeHtml(entry.media.length)} berkas media)` : '';
  return `${escapeHtml(formatIndonesian(entry.at))}: ${escapeHtml(actionLabel(entry.action))} — ${userText(entry.reason)}${changes}${media}`;
}

function changesHtml(changes: EvidenceEdit): string {
  const parts: string[] = [];
  if (changes.category !== undefined) parts.push(`kategori: ${escapeHtml(categoryLabel(changes.category))}`);
  if (changes.note !== undefined) parts.push(`catatan: ${userText(changes.note)}`);
  if (changes.asn === null) parts.push('identitas ASN dihapus');
  else if (changes.asn) {
    const nip = changes.asn.nip ? `, NIP ${escapeHtml(formatNip(changes.asn.nip))}` : '';
    parts.push(`ASN: ${userText(changes.asn.name)}${nip}, ${userText(changes.asn.agency)}`);
  }
  return parts.join('; ');
}

function list(items: string[]): string {
  return `<ul>${items.map((item) => `<li>${item}</li>`).join('')}</ul>`;
}

/** The section of one finding; `history` holds the audit entries about it. */
export function findingSection(e: FindingView, history: readonly AuditEntry[]): string {
  return (
    `<section class="temuan" id="temuan-${escapeHtml(e.seq)}">` +
    `<h2>${escapeHtml(`Temuan #${e.seq} — ${categoryLabel(e.category)}`)}</h2>` +
    `<h3>Apa yang terjadi</h3>${whatHappened(e)}` +
    `<h3>Siapa</h3>${who(e)}` +
    `<h3>Kapan</h3>${when(e)}` +
    `<h3>Di mana</h3>${where(e)}` +
    `<h3>Bukti</h3>${evidenceHtml(e, history)}` +
    '</section>'
  );
}
