import { defineConfig } from 'vitest/config';

// Browser tier: the built extension in real Chromium. One browser at a time on a 2-core machine.
export default defineConfig({
  test: {
    // The JSON report lets .ci/run print one 'N passed, N failed' line over every tier.
    reporters: ['default', 'json'],
    outputFile: { json: 'test-output/e2e.json' },
    environment: 'node',
    include: ['tests/e2e/**/*.e2e.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
