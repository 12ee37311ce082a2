import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    // The JSON report lets .ci/run print one 'N passed, N failed' line over every tier.
    reporters: ['default', 'json'],
    outputFile: { json: 'test-output/unit.json' },
    environment: 'happy-dom',
    include: ['tests/unit/**/*.test.ts?(x)', 'tests/dom/**/*.test.ts?(x)'],
  },
});
