import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createFlagButton } from '@/lib/feed/flag-button';
import { sayHello } from '@/lib/feed/hello';
import { setFallbackLookup, text, useStrings } from '@/lib/feed/strings';
import { recordShadowRoots } from './feed-page';

beforeEach(() => {
  useStrings({}, '');
  setFallbackLookup(() => '');
});

const idleLabel = (roots: Map<Element, ShadowRoot>, host: Element) =>
  roots.get(host)?.querySelector('button')?.getAttribute('aria-label');

describe('feed strings', () => {
  it('come from feed.hello, with $1…$9 filled in', async () => {
    const send = vi.fn(async () => ({
      ok: true,
      language: 'en',
      strings: { feed_toast_failed: 'The finding was not saved: $1' },
      matching: true,
      categories: [{ id: 'posting', label: 'Supportive post' }],
    }));
    const hello = await sayHello(send);
    expect(send).toHaveBeenCalledWith({ type: 'feed.hello' });
    expect(hello).toEqual({
      language: 'en',
      strings: { feed_toast_failed: 'The finding was not saved: $1' },
      matching: true,
      categories: [{ id: 'posting', label: 'Supportive post' }],
    });
    useStrings(hello?.strings ?? {}, 'en');
    expect(text('feed_toast_failed', 'disk full')).toBe('The finding was not saved: disk full');
  });

  it('fall back to the browser’s i18n until hello answers, and to the key when nothing knows it', () => {
    const lookup = vi.fn((key: string, subs: string[]) =>
      key === 'feed_version_n' ? `versi ${subs[0]}` : '',
    );
    setFallbackLookup(lookup);
    expect(text('feed_version_n', 3)).toBe('versi 3');
    expect(lookup).toHaveBeenCalledWith('feed_version_n', ['3']);
    expect(text('feed_unknown')).toBe('feed_unknown');
    useStrings({ feed_version_n: 'version $1' }, 'en');
    expect(text('feed_version_n', 3)).toBe('version 3');
  });

  it('hello that fails or answers nonsense is no hello', async () => {
    expect(await sayHello(async () => Promise.reject(new Error('no receiver')))).toBeNull();
    expect(await sayHello(async () => ({ ok: true, strings: 'x' }))).toBeNull();
    expect(await sayHello(async () => undefined)).toBeNull();
  });

  it('label the flag button, and relabel it when the officer’s strings arrive', () => {
    const roots = recordShadowRoots();
    setFallbackLookup((key) => (key === 'feed_flag_idle' ? 'Flag violation' : ''));
    const early = createFlagButton(document, () => undefined);
    expect(idleLabel(roots, early.host)).toBe('Flag violation');
    useStrings({ feed_flag_idle: 'Tandai pelanggaran' }, 'id');
    expect(idleLabel(roots, createFlagButton(document, () => undefined).host)).toBe('Tandai pelanggaran');
    early.relabel();
    expect(idleLabel(roots, early.host)).toBe('Tandai pelanggaran');
    vi.restoreAllMocks();
  });
});
