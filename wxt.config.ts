import { defineConfig } from 'wxt';
import { QUIET_CHROMIUM_FLAGS, findChromium } from './scripts/lib/find-chromium';

// The production public key for signed dataset updates is a build-time setting (issue 6).
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Tests that need a differently configured build (a test update feed, say) build elsewhere.
  outDir: process.env.EVLENS_OUT_DIR ?? '.output',
  manifest: {
    name: 'Evidence Lens',
    description:
      'Shows what the evidence says about restless legs syndrome and magnesium advice, inline on the page you are reading.',
    permissions: ['storage'],
    icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' },
    action: { default_title: 'Evidence Lens' },
    browser_specific_settings: {
      gecko: {
        id: 'evidence-lens@evidence-lens.org',
        // 140 (desktop ESR) and 142 (Android) are the first to support data_collection_permissions.
        strict_min_version: '140.0',
        data_collection_permissions: { required: ['none'] },
      },
      gecko_android: { strict_min_version: '142.0' },
    },
  },
  // `npm run dev` opens the local Chromium (CHROME_PATH or the usual places) with reload on save.
  webExt: {
    binaries: { chrome: findChromium() ?? 'chromium' },
    // Chromium refuses to start its sandbox as root (containers, CI machines).
    chromiumArgs: [...QUIET_CHROMIUM_FLAGS, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
  },
  zip: {
    excludeSources: ['tests/**', 'docs/**', 'demo-output/**', '.ci/**', 'coverage/**', '**/*.log', '.env*'],
  },
});
