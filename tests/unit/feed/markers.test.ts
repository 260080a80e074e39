import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flagPosts } from '@/lib/feed/flag-posts';
import type { IdleDeadline } from '@/lib/feed/match-posts';
import type { MatchInput } from '@/lib/feed-messages';
import { articles, helloStrings, mutationsDelivered, post, recordShadowRoots } from './feed-page';

const budi = {
  id: 'w1',
  name: 'Budi Santoso',
  nip: '198001012005011001',
  agency: 'Dinas Pendidikan',
  position: null,
  platform: 'x',
  handle: 'budi',
  profileUrl: null,
};
const rule = { ruleId: 'r1', term: 'nomor 2', label: 'Nomor urut', kind: 'number', category: null };

/** The background's matcher, as far as these posts go: budi is watchlisted, "nomor 2" is a rule. */
function matcher(items: { key: string; input: MatchInput }[]) {
  const results = [];
  for (const { key, input } of items) {
    const asn = input.accounts.some((a) => a.handle === 'budi') ? [{ role: 'author', entry: budi }] : [];
    const rules = input.text.includes('nomor 2') ? [rule] : [];
    if (asn.length + rules.length > 0) results.push({ key, match: { asn, rules } });
  }
  return { ok: true, results };
}

let roots: Map<Element, ShadowRoot>;
let controller: AbortController;
let idle: Array<(deadline: IdleDeadline) => void>;
const sent: { type: string; items?: { key: string; input: MatchInput }[] }[] = [];
const send = vi.fn(async (message: unknown): Promise<unknown> => {
  const m = message as (typeof sent)[number];
  sent.push(m);
  return m.type === 'feed.match' ? matcher(m.items ?? []) : { ok: true };
});

beforeEach(() => {
  roots = recordShadowRoots();
  controller = new AbortController();
  idle = [];
  sent.length = 0;
  send.mockClear();
});

afterEach(() => {
  controller.abort();
  vi.restoreAllMocks();
  document.body.replaceChildren();
});

function start(matching: boolean) {
  const feed = flagPosts({
    win: window,
    adapter: articles,
    signal: controller.signal,
    send,
    idle: (work) => idle.push(work),
  });
  feed.configure({ language: 'id', strings: helloStrings, matching, categories: [] });
  return feed;
}

/** Runs the idle callbacks (and those they schedule), then lets the replies arrive. */
async function idleTime() {
  while (idle.length > 0) idle.shift()?.({ timeRemaining: () => 50 });
  await mutationsDelivered();
}

const markerOf = (el: Element) => el.querySelector<HTMLElement>('netra-marker');

describe('markers', () => {
  it("marks the posts that matched, on a line under their flag button's row, and flags nothing", async () => {
    const [budiPost, aniPost, ciciPost] = [
      post('budi', 'pagi'),
      post('ani', 'cuaca cerah'),
      post('cici', 'coblos nomor 2 ya'),
    ];
    document.body.append(budiPost, aniPost, ciciPost);
    start(true);
    await idleTime();

    expect(sent.filter((m) => m.type === 'feed.match')).toHaveLength(1);
    expect(markerOf(aniPost)).toBeNull();
    const budiMarker = markerOf(budiPost) as HTMLElement;
    expect(budiMarker.dataset.asn).toBe('Budi Santoso');
    expect(budiMarker.dataset.terms).toBe('');
    const row = budiPost.querySelector('netra-flag')?.parentElement;
    expect(budiMarker.previousElementSibling).toBe(row);
    expect(markerOf(ciciPost)?.dataset.terms).toBe('nomor 2');

    const note = roots.get(budiMarker)?.querySelector('[role="note"]');
    expect(note?.textContent).toBe('ASN terdaftar: Budi Santoso, Dinas Pendidikan');
    expect(note?.getAttribute('aria-label')).toBe(
      'Catatan Netra, bukan penandaan: ASN terdaftar: Budi Santoso, Dinas Pendidikan',
    );
    expect(note?.querySelector('button, [tabindex]')).toBeNull();
    // A marker informs; it never captures.
    expect(sent.some((m) => m.type === 'capture')).toBe(false);
    for (const flag of document.querySelectorAll<HTMLElement>('netra-flag'))
      expect(flag.dataset.state).toBe('idle');
  });

  it('shows the first ASN and how many more, and the matched terms', async () => {
    const other = { ...budi, id: 'w2', name: 'Sri Wahyuni', agency: null };
    send.mockImplementationOnce(async (message) => {
      const items = (message as { items: { key: string }[] }).items;
      return {
        ok: true,
        results: [
          {
            key: items[0]?.key,
            match: {
              asn: [
                { role: 'author', entry: budi },
                { role: 'reposter', entry: other },
              ],
              rules: [rule],
            },
          },
        ],
      };
    });
    const p = post('budi', 'x');
    document.body.append(p);
    start(true);
    await idleTime();
    const marker = markerOf(p) as HTMLElement;
    expect(marker.dataset.asn).toBe('Budi Santoso|Sri Wahyuni');
    const badges = [...(roots.get(marker)?.querySelectorAll('.badge') ?? [])].map((b) => b.textContent);
    expect(badges).toEqual(['ASN terdaftar: Budi Santoso, Dinas Pendidikan +1', 'Cocok: nomor 2']);
    expect(roots.get(marker)?.querySelector('[role="note"]')?.getAttribute('aria-label')).toContain(
      'Budi Santoso, Dinas Pendidikan; Sri Wahyuni',
    );
  });

  it('renders names and terms as text, never as markup', async () => {
    const hostile = { ...budi, name: '<img src=x onerror=alert(1)>' };
    send.mockImplementationOnce(async (message) => {
      const items = (message as { items: { key: string }[] }).items;
      return {
        ok: true,
        results: [{ key: items[0]?.key, match: { asn: [{ role: 'author', entry: hostile }], rules: [] } }],
      };
    });
    const p = post('budi', 'x');
    document.body.append(p);
    start(true);
    await idleTime();
    const root = roots.get(markerOf(p) as HTMLElement);
    expect(root?.querySelector('img')).toBeNull();
    expect(root?.querySelector('.badge')?.textContent).toContain('<img src=x onerror=alert(1)>');
  });

  it('extracts and sends nothing when there is nothing to match', async () => {
    const extract = vi.spyOn(articles, 'extract');
    document.body.append(post('budi', 'coblos nomor 2'));
    start(false);
    await idleTime();
    expect(extract).not.toHaveBeenCalled();
    expect(sent).toHaveLength(0);
    expect(document.querySelector('netra-marker')).toBeNull();
  });

  it('sends at most 50 posts per message, in idle time only', async () => {
    for (let i = 0; i < 120; i++) document.body.append(post(`a${i}`, `post ${i}`));
    start(true);
    expect(sent).toHaveLength(0);
    await idleTime();
    const batches = sent.filter((m) => m.type === 'feed.match').map((m) => m.items?.length ?? 0);
    expect(Math.max(...batches)).toBeLessThanOrEqual(50);
    expect(batches.reduce((a, b) => a + b, 0)).toBe(120);
  });

  /** 120 watchlisted posts, and one idle slice: one batch sent and answered, the rest still queued. */
  async function oneSliceOf120() {
    const posts = Array.from({ length: 120 }, (_, i) => post('budi', `post ${i}`));
    document.body.append(...posts);
    start(true);
    idle.shift()?.({ timeRemaining: () => 50 });
    await mutationsDelivered();
    expect(sent.filter((m) => m.type === 'feed.match')).toHaveLength(1);
    return posts;
  }

  it('draws the markers together when the matching runs dry, not one answer at a time', async () => {
    const posts = await oneSliceOf120();
    expect(document.querySelectorAll('netra-marker')).toHaveLength(0);
    await idleTime();
    expect(posts.filter((p) => markerOf(p)?.dataset.asn === 'Budi Santoso')).toHaveLength(120);
  });

  it('still draws what it has within a second while the matching goes on', async () => {
    await oneSliceOf120();
    expect(document.querySelectorAll('netra-marker')).toHaveLength(0);
    // The page never goes idle again (the next slice is not run): the answered batch is drawn anyway.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(document.querySelectorAll('netra-marker')).toHaveLength(50);
    await idleTime();
    expect(document.querySelectorAll('netra-marker')).toHaveLength(120);
  });

  it('marks a post again when the site drops the marker, without asking again', async () => {
    const p = post('budi', 'pagi');
    document.body.append(p);
    start(true);
    await idleTime();
    markerOf(p)?.remove();
    await mutationsDelivered();
    // watchFeed's batch runs on the next frame (or its 100 ms timeout).
    await new Promise((resolve) => setTimeout(resolve, 120));
    await idleTime();
    expect(markerOf(p)?.dataset.asn).toBe('Budi Santoso');
    expect(p.querySelectorAll('netra-flag')).toHaveLength(1);
    expect(sent.filter((m) => m.type === 'feed.match')).toHaveLength(1);
  });

  it('asks again for posts whose match went unanswered, the next time the site renders them', async () => {
    send.mockImplementationOnce(async (message) => {
      sent.push(message as (typeof sent)[number]);
      return null;
    });
    const p = post('budi', 'pagi');
    document.body.append(p);
    start(true);
    await idleTime();
    expect(markerOf(p)).toBeNull();
    p.querySelector('netra-flag')?.remove();
    await new Promise((resolve) => setTimeout(resolve, 120));
    await idleTime();
    expect(markerOf(p)?.dataset.asn).toBe('Budi Santoso');
    expect(sent.filter((m) => m.type === 'feed.match')).toHaveLength(2);
  });

  it('takes the markers down and matches again when the configuration changes', async () => {
    const p = post('budi', 'pagi');
    document.body.append(p);
    const feed = start(true);
    await idleTime();
    expect(markerOf(p)).not.toBeNull();
    feed.configure({ language: 'id', strings: helloStrings, matching: false, categories: [] });
    expect(markerOf(p)).toBeNull();
    feed.configure({ language: 'id', strings: helloStrings, matching: true, categories: [] });
    await idleTime();
    expect(markerOf(p)).not.toBeNull();
    expect(sent.filter((m) => m.type === 'feed.match')).toHaveLength(2);
  });
});
