#!/usr/bin/env node
// Adds (or replaces) messages in public/_locales/{id,en}/messages.json from a JSON file shaped
// { "key": ["Indonesian text", "English text"], … }. Several people may run it at once: a mkdir lock
// keeps each read-merge-write whole. Usage: node tests/tools/add-messages.mjs strings.json
import { mkdirSync, readFileSync, rmdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const lock = join(root, 'public', '_locales', '.lock');
const input = JSON.parse(readFileSync(process.argv[2], 'utf8'));

for (const [key, pair] of Object.entries(input)) {
  if (!/^[A-Za-z0-9_]+$/.test(key)) throw new Error(`bad key ${key}`);
  if (!Array.isArray(pair) || pair.length !== 2 || !pair.every((s) => typeof s === 'string' && s.length))
    throw new Error(`${key}: expected ["id", "en"]`);
}

for (let i = 0; ; i++) {
  try {
    mkdirSync(lock);
    break;
  } catch {
    if (i > 200) throw new Error(`lock ${lock} held too long`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
try {
  for (const [index, lang] of ['id', 'en'].entries()) {
    const file = join(root, 'public', '_locales', lang, 'messages.json');
    const messages = JSON.parse(readFileSync(file, 'utf8'));
    for (const [key, pair] of Object.entries(input)) messages[key] = { message: pair[index] };
    writeFileSync(file, `${JSON.stringify(messages, null, 2)}\n`);
  }
} finally {
  rmdirSync(lock);
}
console.log(`added ${Object.keys(input).length} messages`);
