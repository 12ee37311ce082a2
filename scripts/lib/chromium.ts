/** Launches Chromium with the built extension loaded, and reads what the extension reported. */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import type { PageReport } from '../../src/engine/report';
import { INSTALL_HINT, QUIET_CHROMIUM_FLAGS, findChromium } from './find-chromium';
import { waitForStoredReport } from './stored-report';

export { INSTALL_HINT, findChromium };

export const EXTENSION_DIR = resolve(import.meta.dirname, '../..', process.env.EVLENS_OUT_DIR ?? '.output', 'chrome-mv3');

export interface ExtensionSession {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  close(): Promise<void>;
}

export async function launchWithExtension(options: {
  headless: boolean;
  extensionDir?: string;
  executablePath?: string;
  colorScheme?: 'light' | 'dark';
}): Promise<ExtensionSession> {
  const executablePath = options.executablePath ?? findChromium();
  if (!executablePath) throw new Error(INSTALL_HINT);
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension at ${extensionDir}: run "npm run build" first.`);
  }
  const profile = mkdtempSync(join(tmpdir(), 'evlens-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: options.headless,
    colorScheme: options.colorScheme ?? 'light',
    viewport: { width: 1280, height: 900 },
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-gpu',
      ...QUIET_CHROMIUM_FLAGS,
    ],
  });
  const serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(serviceWorker.url()).host;
  return {
    context,
    extensionId,
    serviceWorker,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Waits until the extension has reported on the page at `url`, and returns the report with
 * the tab id Chromium gave the page (read from the background's per-tab store, so tests need
 * no "tabs" permission the product does not need).
 */
export function waitForReport(
  session: ExtensionSession,
  url: string,
  options: { timeoutMs?: number; until?: (report: PageReport) => boolean } = {},
): Promise<{ tabId: number; report: PageReport }> {
  const readSession = () =>
    session.serviceWorker.evaluate(() => (globalThis as unknown as ExtensionGlobals).chrome.storage.session.get(null));
  return waitForStoredReport(readSession, url, options);
}

/** The slice of the extension API that our service-worker `evaluate` calls use. */
export interface ExtensionGlobals {
  chrome: {
    storage: Record<'local' | 'session', { get(keys?: string | string[] | null): Promise<Record<string, unknown>> }>;
  };
}
