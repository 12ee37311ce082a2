import { defineConfig } from 'vitest/config';

// Firefox tier: the Firefox build in Debian's firefox-esr over WebDriver BiDi (puppeteer-core).
// One browser at a time on a 2-core machine.
export default defineConfig({
  test: {
    // The JSON report lets .ci/run print one 'N passed, N failed' line over every tier.
    reporters: ['default', 'json'],
    outputFile: { json: 'test-output/firefox.json' },
    environment: 'node',
    include: ['tests/e2e-firefox/**/*.e2e.ts'],
    globalSetup: ['tests/e2e-firefox/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 90_000,
  },
});
