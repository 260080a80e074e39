import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildBundle } from '@/lib/bundle/build';
import { formatIndonesian } from '@/lib/bundle/dates';
import { escapeHtml } from '@/lib/bundle/html';
import { verifyBundle } from '@/lib/bundle/verify';
import { HOSTILE, handMadeSource, sealedFindings } from './fixtures';
import { concat, text, throwawayKey } from './helpers';

// index.html built from hostile post text, parsed as a browser would: nothing from the text may become
// markup, and the text itself must read back verbatim.

let html: string;
let doc: Document;
let verified: boolean;

beforeAll(async () => {
  const found = await sealedFindings([
    {
      post: {
        text: HOSTILE.script,
        url: 'javascript:alert(1)',
        author: { handle: '<b>akun</b>', displayName: HOSTILE.rtl, profileUrl: '" onmouseover="alert(1)' },
        media: [{ type: 'image', url: 'https://pbs.example/x.jpg"><script>alert(3)</script>' }],
      },
      note: '</div><script>alert("catatan")</script>',
    },
    { post: { text: HOSTILE.hyperlink }, category: '<i>kategori-kantor</i>' },
    { post: { text: HOSTILE.megabyte } },
  ]);
  const key = await throwawayKey();
  const chunks: Uint8Array[] = [];
  const source = handMadeSource(key, found, {
    officer: { name: 'Rina <img src=x onerror=alert(9)>', nip: null, unit: '"><script>x</script>' },
  });
  await buildBundle(source, (chunk) => {
    chunks.push(chunk);
  });
  const zip = concat(chunks);
  verified = (await verifyBundle(zip)).ok;
  html = text(unzipSync(zip)['index.html']);
  doc = new DOMParser().parseFromString(html, 'text/html');
});

describe('index.html from hostile text', () => {
  it('still verifies: the report is rebuilt byte for byte by the verifier', () => {
    expect(verified).toBe(true);
  });

  it('holds no script, no event handler, no link but http(s), its own anchors and screenshots', () => {
    expect(doc.querySelectorAll('script, iframe, object, embed, svg, form, base').length).toBe(0);
    expect(html).not.toMatch(/<script/i);
    for (const element of doc.querySelectorAll('*')) {
      for (const attribute of element.getAttributeNames()) expect(attribute).not.toMatch(/^on/i);
    }
    for (const a of doc.querySelectorAll('a')) {
      expect(a.getAttribute('href')).toMatch(/^(https?:\/\/|#temuan-\d+$|evidence\/temuan-\d{4}-post\.png$)/);
    }
    for (const img of doc.querySelectorAll('img')) {
      expect(img.getAttributeNames().sort()).toEqual(['alt', 'height', 'loading', 'src', 'width']);
      expect(img.getAttribute('src')).toMatch(/^evidence\/temuan-\d{4}-post\.png$/);
    }
  });

  it('declares a CSP that forbids scripts and remote content', () => {
    const csp = doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content');
    expect(csp).toBe("default-src 'none'; img-src 'self' data: file:; style-src 'unsafe-inline'");
    expect(doc.documentElement.getAttribute('lang')).toBe('id');
  });

  it('shows every text verbatim, the 1 MB one whole, in a scrollable box', () => {
    const boxes = [...doc.querySelectorAll('section.temuan .teks')].map((b) => b.textContent);
    expect(boxes).toContain(HOSTILE.script);
    expect(boxes).toContain('</div><script>alert("catatan")</script>');
    expect(boxes).toContain(HOSTILE.hyperlink);
    expect(boxes).toContain(HOSTILE.megabyte);
    expect(html).toContain('.teks{white-space:pre-wrap;overflow-wrap:anywhere;max-height:24em;overflow:auto');
    expect(doc.querySelectorAll('section.temuan .teks[dir="auto"]').length).toBe(boxes.length);
  });

  it('isolates user text with <bdi>, so an RTL override cannot reorder the labels around it', () => {
    const isolated = [...doc.querySelectorAll('bdi')].map((b) => b.textContent);
    expect(isolated).toContain(HOSTILE.rtl);
    expect(isolated).toContain('<b>akun</b>');
    expect(isolated).toContain('Rina <img src=x onerror=alert(9)>');
    expect(doc.querySelector('h1')?.textContent).toBe('Laporan Temuan Patroli Siber — Netralitas ASN');
  });

  it('shows a javascript: permalink as text, never as a link', () => {
    expect(doc.querySelector('a[href^="javascript"]')).toBeNull();
    expect([...doc.querySelectorAll('code bdi')].map((b) => b.textContent)).toContain('javascript:alert(1)');
  });

  it('lays each finding out as what, who, when, where, evidence; a summary table first', () => {
    const first = doc.querySelector('section.temuan')!;
    expect([...first.querySelectorAll('h3')].map((h) => h.textContent)).toEqual([
      'Apa yang terjadi',
      'Siapa',
      'Kapan',
      'Di mana',
      'Bukti',
    ]);
    expect(first.textContent).toContain('Sabtu, 21 November 2026, 09.11.00 WIB');
    const summary = doc.querySelector('h2 + table')!;
    expect(summary.querySelector('thead')!.textContent).toBe('KategoriXJumlah');
    expect([...summary.querySelectorAll('tbody tr')].map((r) => r.textContent)).toEqual([
      'Mengunggah atau memposting dukungan22',
      '<i>kategori-kantor</i>11',
      'Jumlah33',
    ]);
  });
});

describe('escapeHtml and dates', () => {
  it('escapes the five characters that matter in text and attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;',
    );
  });

  it.each([
    ['2026-11-21T20:15:03.120+07:00', undefined, 'Sabtu, 21 November 2026, 20.15.03 WIB'],
    ['2026-11-21T20:15:03.120+08:00', undefined, 'Sabtu, 21 November 2026, 20.15.03 WITA'],
    ['2026-11-21T20:15:03+09:00', undefined, 'Sabtu, 21 November 2026, 20.15.03 WIT'],
    ['2026-11-21T20:15:03Z', undefined, 'Sabtu, 21 November 2026, 20.15.03 UTC+00:00'],
    ['2026-11-21T20:15:03-05:30', undefined, 'Sabtu, 21 November 2026, 20.15.03 UTC-05:30'],
    ['2026-11-20T23:30:00.000Z', 7 * 60, 'Sabtu, 21 November 2026, 06.30.00 WIB'],
    ['kemarin sore', undefined, 'kemarin sore'],
    ['2026-11-20 03:15', 7 * 60, '2026-11-20 03:15'], // engines parse this differently: shown as is
  ])('%s (offset %s) → %s', (iso, offset, shown) => {
    expect(formatIndonesian(iso, offset)).toBe(shown);
  });
});
