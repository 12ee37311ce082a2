/**
 * Hostile pages (docs/security.md): a page that registers our element names as custom
 * elements, a page that makes highlighted text editable after load, frames and
 * `display: contents`.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, type BrowserFixture } from './fixtures';

let browser: BrowserFixture;

beforeAll(async () => {
  browser = await openBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** The page's text as a plain browser shows it (a page without the extension: the same file from file://). */
async function plainText(file: string, selector = 'body'): Promise<string> {
  const page = await browser.session.context.newPage();
  await page.goto(`file://${new URL(`../fixtures/${file}`, import.meta.url).pathname}`);
  const text = await page.locator(selector).innerText();
  await page.close();
  return text;
}

describe('a page that registers our element names as custom elements', () => {
  let page: Page;

  beforeAll(async () => {
    page = await browser.session.context.newPage();
    await page.goto(browser.server.url('custom-elements.html'));
    await page.waitForSelector('[data-evlens-entry="ropinirole"]', { state: 'attached' });
    await page.waitForSelector('[data-evlens-claim]', { state: 'attached' });
  });

  it('never runs the page code for our elements, which carry no name the page registered', async () => {
    const state = await page.evaluate(() => {
      const w = window as unknown as { __hijack: { constructed: number; connected: number; seen: string[] } };
      const ours = [...document.querySelectorAll('[data-evlens-mention], [data-evlens-claim]')];
      return {
        hijack: w.__hijack,
        ours: ours.length,
        names: [...new Set(ours.map((el) => el.localName))].sort(),
        defined: ours.filter((el) => el.matches(':defined') && el.localName.includes('-')).length,
      };
    });
    expect(state.ours).toBeGreaterThan(4);
    expect(state.names).toEqual(['evlensclaim', 'evlensmark']);
    expect(state.defined).toBe(0);
    // No element of ours was ever connected under a registered name, and no page code saw an entry id.
    expect(state.hijack.connected).toBe(0);
    expect(state.hijack.seen).toEqual([]);
    // At most one empty, detached probe per name (the check itself): nothing of ours in it.
    expect(state.hijack.constructed).toBeLessThanOrEqual(2);
  });

  it('keeps the reader\'s text exactly', async () => {
    expect(await page.locator('body').innerText()).toBe(await plainText('custom-elements.html'));
  });

  it('shows the tooltip from a host the page cannot upgrade', async () => {
    await page.locator('[data-evlens-entry="ropinirole"]').first().hover();
    const tooltip = page.locator('#evlens-tooltip [role="tooltip"]');
    await tooltip.waitFor({ state: 'visible' });
    await expect(tooltip.textContent()).resolves.toMatch(/ropinirole/i);
    const host = await page.evaluate(() => document.getElementById('evlens-tooltip')!.localName);
    expect(host).toBe('div');
    await page.mouse.move(0, 0);
  });
});
