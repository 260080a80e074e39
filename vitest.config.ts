import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    // The JSON report lets .ci/run print one closing 'N passed, N failed' line for the whole suite.
    reporters: ['default', ['json', { outputFile: 'artifacts/test-results/unit.json' }]],
    environment: 'happy-dom',
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx', 'tests/fixtures/**/*.test.ts'],
    setupFiles: ['tests/setup.ts'],
    // Nothing here is a timed assertion: a generous limit keeps a busy shared 2-core machine (file scans,
    // crypto, fake IndexedDB) from failing a test that is merely slow.
    testTimeout: 30_000,
  },
});
