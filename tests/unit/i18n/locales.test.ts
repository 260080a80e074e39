import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DICTIONARIES } from '@/lib/i18n';

// The two locale files must say the same things: every key in both, nothing empty, the same $n
// substitutions, and every key the code asks for by name present (t('key') falls back to the key itself,
// so a typo would otherwise reach the officer's screen unnoticed).

const root = join(import.meta.dirname, '..', '..', '..');
const { id, en } = DICTIONARIES;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** `t('literal_key'` calls (not `x.t(`, not a template string), with the file they are in. */
function keysUsed(): { key: string; file: string }[] {
  const call = /(?<![\w.$])t\(\s*['"]([^'"]+)['"]/g;
  return ['entrypoints', 'components', 'lib'].flatMap((dir) =>
    sourceFiles(join(root, dir)).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(call)].map((m) => ({ key: m[1]!, file: relative(root, file) })),
    ),
  );
}

const placeholders = (message: string) => [...new Set(message.match(/\$[1-9]/g) ?? [])].sort();

describe('the locale files', () => {
  it('have exactly the same keys in Indonesian and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(id).sort());
  });

  it('have no empty message', () => {
    const empty = Object.entries({ ...prefixed('id', id), ...prefixed('en', en) })
      .filter(([, entry]) => entry.message.trim() === '')
      .map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it('use the same $n substitutions in both languages', () => {
    const differing = Object.keys(id).filter(
      (key) => en[key] && placeholders(id[key]!.message).join() !== placeholders(en[key]!.message).join(),
    );
    expect(differing).toEqual([]);
  });

  it('hold every key the code looks up by name', () => {
    const used = keysUsed();
    // The scan itself works: it finds this project's own calls.
    expect(used.map((u) => u.key)).toContain('popup_start_shift');
    expect(used.filter(({ key }) => !(key in id)).map(({ key, file }) => `${file}: ${key}`)).toEqual([]);
  });
});

function prefixed(lang: string, messages: Record<string, { message: string }>) {
  return Object.fromEntries(Object.entries(messages).map(([key, entry]) => [`${lang}:${key}`, entry]));
}
