/**
 * Wrapping never changes a page's layout: the same fixture (flex and grid containers with
 * direct text, inline-flex, table cells, white-space: pre, ::first-letter, text-transform,
 * CSS columns, a contenteditable box between paragraphs) in Chromium with the built extension
 * and in a plain Chromium shows the same innerText and the same box for every element.
 */
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium, waitForReport } from '../../scripts/lib/chromium';
import { QUIET_CHROMIUM_FLAGS } from '../../scripts/lib/find-chromium';
import { openBrowser, type BrowserFixture } from './fixtures';

interface Snapshot {
  innerText: string;
  boxes: string[];
}

let browser: BrowserFixture;
let plain: Browser;
let ours: Snapshot;
let theirs: Snapshot;
let marked: string[];

/** innerText and every page element's box (ours skipped), to the half pixel. */
function snapshot(page: Page): Promise<Snapshot> {
  return page.evaluate(() => {
    const half = (x: number) => Math.round(x * 2) / 2;
    const boxes: string[] = [];
    for (const el of document.body.querySelectorAll('*')) {
      if (el.localName.startsWith('evlens-')) continue;
      const r = el.getBoundingClientRect();
      boxes.push(`${el.localName}.${el.className} ${half(r.x)},${half(r.y)} ${half(r.width)}x${half(r.height)}`);
    }
    return { innerText: document.body.innerText, boxes };
  });
}

beforeAll(async () => {
  browser = await openBrowser();
  const page = await browser.session.context.newPage();
  const url = browser.server.url('layout.html');
  await page.goto(url);
  await waitForReport(browser.session, url, { until: (r) => r.mentions.length > 0 });
  ours = await snapshot(page);
  marked = await page.evaluate(() =>
    [...document.querySelectorAll('[data-evlens-mention]')].map((el) => el.getAttribute('data-evlens-entry')!),
  );

  plain = await chromium.launch({ executablePath: findChromium()!, headless: true, args: ['--no-sandbox', '--disable-gpu', ...QUIET_CHROMIUM_FLAGS] });
  const viewport = page.viewportSize();
  const plainPage = await (await plain.newContext(viewport ? { viewport } : {})).newPage();
  await plainPage.goto(url);
  theirs = await snapshot(plainPage);
});

afterAll(async () => {
  await plain?.close();
  await browser?.close();
});

describe('layout safety in the browser', () => {
  it('marks mentions in every layout, editable text and inline flex boxes excepted', () => {
    // Not pregabalin: it stands directly in an inline-flex box, where any element would add line breaks to innerText.
    for (const entry of ['gabapentin-enacarbil', 'ropinirole', 'pramipexole', 'rotigotine', 'methadone', 'sedating-antihistamines', 'iv-ferric-carboxymaltose']) {
      expect(marked).toContain(entry);
    }
  });

  it('leaves innerText exactly as a plain browser shows it', () => {
    expect(ours.innerText.split('\n')).toEqual(theirs.innerText.split('\n'));
  });

  it('leaves every element where a plain browser puts it, at the same size', () => {
    expect(ours.boxes).toEqual(theirs.boxes);
  });
});
