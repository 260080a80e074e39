// The real pages saved from the live sites live in ../shared/fixtures (never copied into this repo).
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const FIXTURES_DIR = resolve(
  process.env.NETRA_FIXTURES ?? resolve(__dirname, '../../../shared/fixtures'),
);

export function readSharedFixture(relative: string): string {
  const file = resolve(FIXTURES_DIR, relative);
  if (!existsSync(file)) {
    throw new Error(
      `Real-page fixture ${file} is missing: check out ../shared beside the repo or set NETRA_FIXTURES`,
    );
  }
  return readFileSync(file, 'utf8');
}
