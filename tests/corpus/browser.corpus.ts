/**
 * Real Chromium, built extension, 30 corpus pages (the health pages first, then the known
 * traps): no error from our script, the visible text identical to a browser without the
 * extension, no wrapper in a never-touch element, and the report agreeing with the DOM.
 * Requests leave 127.0.0.1 never: the pages' own scripts and trackers are cut off.
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, waitForReport, type ExtensionSession } from '../../scripts/lib/chromium';
import { findChromium, QUIET_CHROMIUM_FLAGS } from '../../scripts/lib/find-chromium';
import { startStaticServer, type StaticServer } from '../../scripts/lib/static-server';
import { CORPUS_DIR, NEVER_TOUCH_SELECTOR, readCorpus } from './corpus';

const TRAPS = ['readability/nytimes-3.html', 'readability/bug-1255978.html', 'readability/tumblr.html', 'readability/wikia.html'];
const pages = [
  ...readCorpus()
    .filter((page) => page.path.startsWith('health/'))
    .slice(0, 30 - TRAPS.length)
    .map((page) => page.path),
  ...TRAPS,
];

let server: StaticServer;
let session: ExtensionSession;
let plainBrowser: Browser;
let plain: BrowserContext;

beforeAll(async () => {
  server = await startStaticServer(CORPUS_DIR);
  session = await launchWithExtension({ headless: true });
  plainBrowser = await chromium.launch({
    executablePath: findChromium(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', ...QUIET_CHROMIUM_FLAGS],
  });
  plain = await plainBrowser.newContext({ viewport: { width: 1280, height: 900 } });
  for (const context of [session.context, plain]) {
    await context.route('**/*', (route) =>
      route.request().url().startsWith(server.origin) ? route.continue() : route.abort(),
    );
  }
});

afterAll(async () => {
  await plainBrowser?.close();
  await session?.close();
  await server?.close();
});

describe.each(pages)('%s', (path) => {
  it('annotates in Chromium without changing what the page shows', async () => {
    const url = server.url(path);
    const page = await session.context.newPage();
    const ourErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() !== 'log' && /evidence lens/i.test(message.text())) ourErrors.push(message.text());
    });
    await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
    const { report } = await waitForReport(session, url, { timeoutMs: 20_000 });

    await settled(page);
    const inPage = await page.evaluate((neverTouch) => {
      const ids = new Set([...document.querySelectorAll('evlens-mark')].map((m) => m.getAttribute('data-evlens-mention')));
      return {
        text: document.body.innerText,
        mentionIds: ids.size,
        forbidden: document.querySelectorAll(neverTouch).length,
      };
    }, NEVER_TOUCH_SELECTOR);

    const reference = await plain.newPage();
    await reference.goto(url, { waitUntil: 'load', timeout: 30_000 });
    const referenceText = await settled(reference);
    await reference.close();
    await page.close();

    expect(ourErrors).toEqual([]);
    expect(inPage.forbidden).toBe(0);
    expect(inPage.mentionIds).toBe(report.mentions.length);
    expect(inPage.text).toBe(referenceText);
    if (TRAPS.includes(path)) expect(report.mentions).toEqual([]);
  });
});

/** Some pages keep building their menus after load: wait until the visible text stops changing. */
async function settled(page: Page): Promise<string> {
  let previous = await page.evaluate(() => document.body.innerText);
  for (let i = 0; i < 20; i++) {
    await page.waitForTimeout(250);
    const current = await page.evaluate(() => document.body.innerText);
    if (current === previous) return current;
    previous = current;
  }
  return previous;
}
