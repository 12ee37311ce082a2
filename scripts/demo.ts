/**
 * `npm run demo [-- page.html]`: builds the extension, serves the demo page (or the given
 * file) on 127.0.0.1 and opens it in Chromium with Evidence Lens loaded. It also serves a local
 * signed update feed offering a newer dataset version (the bundled dataset, same content, the
 * version bumped: no evidence is made up), builds the extension against it, and shows the
 * background worker picking it up at install. With a display you get a normal window; without
 * one it runs headless, saves demo-output/annotated.png with a tooltip open and
 * demo-output/popup.png (the popup: the dataset in use, where it came from), and prints the page
 * summary and the update.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import bundled from '../src/dataset/generated/dataset.json';
import type { PageReport } from '../src/engine/report';
import { datasetFeedText } from '../src/update/feed-format';
import { readSigningKey } from '../src/update/feed-sign';
import type { UpdateStatus } from '../src/update/status';
import { buildExtension } from './lib/build';
import { launchWithExtension, waitForReport } from './lib/chromium';
import { publishSignedDataset, startFeedServer } from './lib/feed-server';
import { INSTALL_HINT, findChromium } from './lib/find-chromium';
import { startStaticServer } from './lib/static-server';
import { formatSummary } from './lib/summary';

const ROOT = resolve(import.meta.dirname, '..');
const DEFAULT_PAGE = resolve(ROOT, 'tests/fixtures/demo-blog.html');
const OUTPUT_DIR = resolve(ROOT, 'demo-output');
const OUT_DIR = '.output-demo';
const MANIFEST_PATH = '/feed/manifest.json';
/** The demo's feed offers the bundled dataset under the next version: "2026.12.06" -> "2026.12.06.1". */
const DEMO_VERSION = `${bundled.version}.1`;

async function main(): Promise<void> {
  const page = resolve(process.argv[2] ?? DEFAULT_PAGE);
  const executablePath = findChromium();
  if (!executablePath) {
    console.error(INSTALL_HINT);
    process.exit(1);
  }
  const headless = process.env.DEMO_HEADLESS === '1' || !hasDisplay();

  // A local signed feed (the test key from tests/keys, accepted on 127.0.0.1 only).
  const feed = await startFeedServer();
  const key = await readSigningKey(readFileSync(resolve(ROOT, 'tests/keys/test-feed-private.pem'), 'utf8'));
  await publishSignedDataset(feed, datasetFeedText({ ...bundled, version: DEMO_VERSION }), {
    key,
    published: new Date(),
    manifestPath: MANIFEST_PATH,
  });
  buildExtension([], {
    EVLENS_OUT_DIR: OUT_DIR,
    EVLENS_FEED_URL: feed.url(MANIFEST_PATH),
    EVLENS_FEED_PUBLIC_KEY: readFileSync(resolve(ROOT, 'tests/keys/test-feed-public.txt'), 'utf8').trim(),
  });
  const server = await startStaticServer(dirname(page));
  const session = await launchWithExtension({ headless, executablePath, extensionDir: resolve(ROOT, OUT_DIR, 'chrome-mv3') });
  try {
    // The worker checks the feed at install: wait for it to take the newer dataset.
    const control = await session.context.newPage();
    await control.goto(`chrome-extension://${session.extensionId}/manifest.json`);
    const update = await waitForUpdate(control);
    await control.close();
    const at = update.installedAt === null ? 'an unknown time' : `${new Date(update.installedAt).toISOString().slice(11, 19)} UTC`;
    console.log(
      update.source === 'update'
        ? `\nDataset ${update.version}, updated from ${update.feedUrl} at ${at} (the extension bundles ${bundled.version}).`
        : `\nThe update did not arrive: dataset ${update.version} (bundled); last check: ${JSON.stringify(update.lastCheck)}.`,
    );

    const url = server.url(basename(page));
    const tab = await session.context.newPage();
    await tab.goto(url);
    // The report that follows the language analysis carries the flags.
    const { report } = await waitForReport(session, url, {
      timeoutMs: 20_000,
      until: (r) => r.mentions.length === 0 || (r.timing?.analysisMs ?? 0) > 0,
    });
    console.log(`\n${formatSummary(report)}\n`);
    if (headless) {
      await screenshotWithTooltip(tab, report);
      await screenshotPopup(session, tab);
    } else {
      console.log('Chromium is open with Evidence Lens loaded. Close the window to finish.');
      await new Promise<void>((done) => session.context.on('close', () => done()));
    }
  } finally {
    await session.close().catch(() => undefined);
    await server.close();
    await feed.close();
  }
}

async function waitForUpdate(control: Page): Promise<UpdateStatus> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const status = await control.evaluate(() =>
      (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<UpdateStatus> } } }).chrome.runtime.sendMessage({
        type: 'update:status',
      }),
    );
    if (status.source === 'update' || status.lastCheck?.outcome === 'failed' || Date.now() > deadline) return status;
    await new Promise((done) => setTimeout(done, 100));
  }
}

/** The popup for the demo tab, as the toolbar shows it: the page's summary and the dataset line. */
async function screenshotPopup(session: Awaited<ReturnType<typeof launchWithExtension>>, tab: Page): Promise<void> {
  const tabId = await session.serviceWorker.evaluate(
    async (url) => (await (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<Array<{ id?: number }>> } } }).chrome.tabs.query({ url }))[0]?.id,
    tab.url(),
  );
  const popup = await session.context.newPage();
  await popup.setViewportSize({ width: 420, height: 640 });
  await popup.goto(`chrome-extension://${session.extensionId}/popup.html?tabId=${tabId}`);
  await popup.locator('[data-dataset-version]').waitFor();
  await popup.locator('[data-dataset-version]').scrollIntoViewIfNeeded();
  const path = resolve(OUTPUT_DIR, 'popup.png');
  await popup.screenshot({ path, fullPage: true });
  console.log(`Popup, with the dataset update: ${path} ("${(await popup.locator('[data-dataset-version]').textContent())?.trim()}")`);
  await popup.close();
}

function hasDisplay(): boolean {
  if (process.platform === 'darwin' || process.platform === 'win32') return true;
  return Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

/**
 * Hovers the most informative mention (a flagged dose if the page has one, else a drug) and
 * saves a screenshot.
 */
async function screenshotWithTooltip(tab: import('playwright-core').Page, report: PageReport): Promise<void> {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  const path = resolve(OUTPUT_DIR, 'annotated.png');
  const doses = report.flags.filter((flag) => flag.kind === 'dose');
  const flagged = doses.find((flag) => flag.status === 'over-rls-max') ?? doses[0];
  const preferred = report.entries.find((entry) => entry.kind === 'drug') ?? report.entries[0];
  const selector = flagged
    ? `evlens-mark[data-evlens-mention="${flagged.targetId}"]`
    : preferred && `evlens-mark[data-evlens-entry="${preferred.id}"]`;
  const name = flagged ? flagged.entryName : preferred?.name;
  if (selector) {
    const mention = tab.locator(selector).first();
    // Near the top of the window, so the tooltip opens below it at full height.
    await mention.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await tab.evaluate(() => window.scrollBy(0, -160));
    await mention.hover();
    await tab.locator('evlens-ui [role="tooltip"]').waitFor({ state: 'visible', timeout: 5000 });
    await tab.waitForTimeout(300); // let the fade-in finish
  }
  await tab.screenshot({ path });
  console.log(`Screenshot with ${name ? `the ${name} tooltip open` : 'no mentions'}: ${path}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
