/**
 * Dataset v2 in the built extension: a prescription drug's tooltip says its verdict is for RLS
 * and carries the prescriber caveat; a child's magnesium dose is flagged against the limit for
 * the child's age, and the tooltip names that limit.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitForReport } from '../../scripts/lib/chromium';
import { openBrowser, type BrowserFixture } from './fixtures';
import { TOOLTIP } from './helpers';

let browser: BrowserFixture;
let page: Page;

beforeAll(async () => {
  browser = await openBrowser();
  page = await browser.session.context.newPage();
  const url = browser.server.url('dataset-v2.html');
  await page.goto(url);
  await waitForReport(browser.session, url, { until: (r) => (r.modules ?? []).includes('nlp') && r.flags.length > 0 });
});

afterAll(async () => {
  await browser?.close();
});

async function tooltipOf(selector: string): Promise<ReturnType<Page['locator']>> {
  await page.mouse.move(0, 0);
  await page.locator(TOOLTIP).waitFor({ state: 'detached' }).catch(() => undefined);
  const mention = page.locator(selector).first();
  await mention.scrollIntoViewIfNeeded();
  await mention.hover();
  const tooltip = page.locator(TOOLTIP);
  await tooltip.waitFor({ state: 'visible' });
  return tooltip;
}

describe('dataset v2 in the browser', () => {
  it('shows a prescription drug as a verdict for RLS, with the prescriber caveat', async () => {
    const tooltip = await tooltipOf('evlens-mark[data-evlens-entry="levodopa"]');
    await expect(tooltip.locator('.verdict').textContent()).resolves.toMatch(/For RLS: Not recommended \(conditional\)/);
    await expect(tooltip.locator('.caveats li.prescriber').textContent()).resolves.toMatch(
      /do not stop or change it without talking to your prescriber/,
    );
  });

  it("flags a 5 year old's magnesium dose against the children's limit", async () => {
    const flagged = page.locator('evlens-mark[data-evlens-entry="oral-magnesium"][data-evlens-flagged]');
    await expect(flagged.count()).resolves.toBeGreaterThan(0);
    const tooltip = await tooltipOf('evlens-mark[data-evlens-entry="oral-magnesium"][data-evlens-flagged]');
    const onPage = await tooltip.locator('.on-page').textContent();
    expect(onPage).toContain('300 mg a day');
    expect(onPage).toContain('110 mg/day for ages 4-8 (provisional)');
  });
});
