import { existsSync, readFileSync } from 'node:fs';
import { defineConfig } from 'wxt';
import { QUIET_CHROMIUM_FLAGS, findChromium } from './scripts/lib/find-chromium';
import { FEED_CONFIG_FILE, FEED_ENV, FEED_SETTINGS_DEFINE, feedHostPermission, resolveFeedSettings } from './src/update/feed-settings';

// Signed dataset updates: the official feed URL and its public keys are committed in
// feed.config.json, so every build has them. The environment overrides them for tests and forks
// (EVLENS_FEED_URL, EVLENS_FEED_PUBLIC_KEY, EVLENS_FEED_TIMEOUT_MS; EVLENS_FEED_CONFIG names
// another file; EVLENS_FEED=off builds without a feed, with only the bundled dataset).
// The test key's private half is in git: refuse it for any feed that is not on 127.0.0.1.
const TEST_KEY_FILE = 'tests/keys/test-feed-public.txt';
const CONFIG_FILE = process.env[FEED_ENV.config] ?? FEED_CONFIG_FILE;
const { settings: feed, origin: feedOrigin } = resolveFeedSettings(
  process.env,
  existsSync(CONFIG_FILE) ? readFileSync(CONFIG_FILE, 'utf8') : null,
  existsSync(TEST_KEY_FILE) ? [readFileSync(TEST_KEY_FILE, 'utf8').trim()] : [],
);

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Tests that need a differently configured build (a test update feed, say) build elsewhere.
  outDir: process.env.EVLENS_OUT_DIR ?? '.output',
  vite: () => ({
    define: { [FEED_SETTINGS_DEFINE]: JSON.stringify(feed) },
    resolve: {
      // @wxt-dev/storage talks to @wxt-dev/browser; point it at the polyfill too, so our code,
      // WXT's internals and the storage library share one promise-based browser object.
      alias: [{ find: /^@wxt-dev\/browser$/, replacement: '@wxt-dev/webextension-polyfill/browser' }],
    },
  }),
  manifest: {
    name: 'Evidence Lens',
    description:
      'Shows what the evidence says about restless legs syndrome and magnesium advice, inline on the page you are reading.',
    // storage: settings, reports, the dataset in use. scripting: inject the tooltip UI and the
    // language analysis only into pages that mention something (host access: the same pages
    // the content script already reads).
    // alarms: the daily dataset update check, only in builds that have a feed.
    permissions: ['storage', 'scripting', ...(feed ? (['alarms'] as const) : [])],
    // The feed's host is listed on its own so updates never depend on the page patterns above.
    host_permissions: ['http://*/*', 'https://*/*', ...(feed ? [feedHostPermission(feed)] : [])],
    commands: {
      'next-mention': {
        suggested_key: { default: 'Alt+Shift+J' },
        description: 'Go to the next highlighted mention and open its evidence',
      },
      'toggle-highlights': {
        suggested_key: { default: 'Alt+Shift+H' },
        description: 'Hide or show Evidence Lens highlights on this page',
      },
    },
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
  hooks: {
    'build:before': () => {
      console.log(
        feed
          ? `Dataset updates: on, from ${feed.manifestUrl} (${feedOrigin === 'config' ? CONFIG_FILE : 'environment'}; ${feed.publicKeys.length} trusted key(s), ${feed.timeoutMs} ms timeout)`
          : `Dataset updates: off in this build (${feedOrigin === 'off' ? `${FEED_ENV.off}=off` : `no ${CONFIG_FILE}`})`,
      );
    },
  },
  zip: {
    // What AMO reviewers need to rebuild the add-on; never our test output or signing keys.
    excludeSources: [
      'tests/**',
      'docs/**',
      'demo-output/**',
      'test-output/**',
      'bench-output/**',
      'feed-keys/**',
      'feed-output/**',
      'release-output/**',
      '**/*-private.pem',
      '.ci/**',
      'coverage/**',
      '**/*.log',
      '.env*',
    ],
  },
});
