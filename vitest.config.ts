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
  },
});
