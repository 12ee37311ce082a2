/**
 * Launches Firefox (Debian's firefox-esr) over WebDriver BiDi with puppeteer-core, installs the
 * built Firefox extension as a temporary add-on (BiDi webExtension.install), and opens its pages.
 * No separate driver: Firefox speaks BiDi itself.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

const USUAL_LOCATIONS = ['/usr/bin/firefox-esr', '/usr/bin/firefox', '/Applications/Firefox.app/Contents/MacOS/firefox'];

export const FIREFOX_INSTALL_HINT = [
  'No Firefox found. Install one, or point FIREFOX_PATH at it:',
  '  Debian/Ubuntu:  sudo apt-get update && sudo apt-get install -y firefox-esr',
  '  macOS:          brew install --cask firefox',
  '  any system:     FIREFOX_PATH=/path/to/firefox npm run test:firefox',
].join('\n');

export function findFirefox(): string | undefined {
  const fromEnv = process.env.FIREFOX_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
  return USUAL_LOCATIONS.find((path) => existsSync(path));
}

/** The add-on id in wxt.config.ts (browser_specific_settings.gecko.id). */
export const GECKO_ID = 'evidence-lens@evidence-lens.org';
/**
 * Firefox gives each install a random moz-extension:// host; this pref fixes ours, so tests
 * know where the popup and options pages live.
 */
export const EXTENSION_UUID = '3c5e8a1e-6b0f-4d7e-9a51-0f2d4e7b9c11';

export interface FirefoxSession {
  browser: Browser;
  origin: string;
  /** Opens an extension page (popup.html, options.html…) in a new tab. */
  openExtensionPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

export async function launchFirefoxWithExtension(options: { extensionDir: string }): Promise<FirefoxSession> {
  const executablePath = findFirefox();
  if (!executablePath) throw new Error(FIREFOX_INSTALL_HINT);
  const extensionDir = resolve(options.extensionDir);
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension at ${extensionDir}: run "npm run build:firefox" first.`);
  }
  const browser = await puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath,
    headless: true,
    // BiDi refuses to navigate a tab to moz-extension:// URLs unless system access is allowed.
    args: ['-remote-allow-system-access'],
    defaultViewport: { width: 1280, height: 900 },
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
      // A closed network: no update pings, telemetry or captive-portal checks.
      'app.update.enabled': false,
      'extensions.update.enabled': false,
      'network.captive-portal-service.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
    },
  });
  try {
    const id = await browser.installExtension(extensionDir);
    if (id !== GECKO_ID) throw new Error(`Installed add-on ${id}, expected ${GECKO_ID}`);
  } catch (error) {
    await browser.close();
    throw error;
  }
  const origin = `moz-extension://${EXTENSION_UUID}`;
  return {
    browser,
    origin,
    async openExtensionPage(path) {
      const page = await browser.newPage();
      const url = `${origin}/${path.replace(/^\//, '')}`;
      // Firefox loads extension pages in the extension process; the BiDi navigation it starts
      // never reports 'load' to puppeteer, so poll the document instead of awaiting goto.
      page.goto(url, { timeout: 60_000 }).catch(() => undefined);
      const base = url.split('?')[0]!;
      const deadline = Date.now() + 10_000;
      for (;;) {
        const state = await page
          .evaluate(() => ({ href: location.href, ready: document.readyState }))
          .catch(() => null);
        if (state && state.href.startsWith(base) && state.ready === 'complete') return page;
        if (Date.now() > deadline) throw new Error(`Firefox did not open ${url}`);
        await new Promise((done) => setTimeout(done, 50));
      }
    },
    async close() {
      await browser.close();
    },
  };
}
