import { defineConfig } from 'wxt';

// The production public key for signed dataset updates is a build-time setting (issue 6).
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
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
        strict_min_version: '128.0',
        data_collection_permissions: { required: ['none'] },
      },
    },
  },
  zip: {
    excludeSources: ['demo-output/**', '.ci/**', 'coverage/**', '**/*.log', '.env*'],
  },
});
