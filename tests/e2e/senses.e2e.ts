/**
 * Sense decisions in the built extension: a page that is not about human health gets no marks
 * although it uses our words (a car's RLS trim, magnesium alloy wheels, massage seats); a
 * misspelled drug name on a health page is marked, and its tooltip says what it was read as.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitForReport } from '../../scripts/lib/chromium';
import { openBrowser, type BrowserFixture } from './fixtures';
import { TOOLTIP } from './helpers';

let browser: BrowserFixture;

beforeAll(async () => {
  browser = await openBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe('sense decisions in the browser', () => {
  it('leaves a page that is not about human health unmarked', async () => {
    const page = await browser.session.context.newPage();
    const url = browser.server.url('not-health.html');
    const text = await (await page.goto(url), page.evaluate(() => document.body.innerText));
    // The page is read (it has candidate words) and the verdict is "not a health page".
    await new Promise((done) => setTimeout(done, 1500));
    await expect(page.locator('[data-evlens-mention], [data-evlens-claim]').count()).resolves.toBe(0);
    await expect(page.evaluate(() => document.body.innerText)).resolves.toBe(text);
    await page.close();
  });

  it('marks a misspelled drug name and says what it was read as', async () => {
    const page = await browser.session.context.newPage();
    const url = browser.server.url('misspelling.html');
    await page.goto(url);
    await waitForReport(browser.session, url, { until: (r) => r.mentions.length > 0 });
    const mark = page.locator('evlens-mark[data-evlens-entry="ropinirole"]').first();
    await expect(mark.textContent()).resolves.toBe('ropinerol');
    await mark.hover();
    const tooltip = page.locator(TOOLTIP);
    await tooltip.waitFor({ state: 'visible' });
    await expect(tooltip.locator('.read-as').textContent()).resolves.toBe('“ropinerol” read as Ropinirole');
    await page.close();
  });
});
