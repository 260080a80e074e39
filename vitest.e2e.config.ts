import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Real browsers with the built extension: one file at a time (they share the loopback ports and
// the two cores), generous timeouts because a cold Chromium start on a loaded machine is slow.
export default defineConfig({
  // Browser tests import lib/ code too (e.g. the bundle verifier), by the same '@/' paths as the extension.
  resolve: { alias: { '@': fileURLToPath(new URL('.', import.meta.url)) } },
  test: {
    // The JSON report lets .ci/run print one closing 'N passed, N failed' line for the whole suite.
    reporters: ['default', ['json', { outputFile: 'artifacts/test-results/e2e.json' }]],
    environment: 'node',
    include: ['tests/e2e/**/*.e2e.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
