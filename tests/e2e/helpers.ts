/** Small browser-tier helpers: the popup of a tab, the badge, axe, screenshots. */
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import type { BrowserFixture } from './fixtures';

const ROOT = resolve(import.meta.dirname, '../..');
const AXE_SOURCE = readFileSync(resolve(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
/** The tooltip host while a tooltip is open. */
export const TOOLTIP = 'evlens-ui [role="tooltip"]';

export async function openPopup(browser: BrowserFixture, tabId: number): Promise<Page> {
  const popup = await browser.session.context.newPage();
  await popup.setViewportSize({ width: 380, height: 700 });
  await popup.goto(`chrome-extension://${browser.session.extensionId}/popup.html?tabId=${tabId}`);
  return popup;
}

export async function openOptions(browser: BrowserFixture): Promise<Page> {
  const options = await browser.session.context.newPage();
  await options.goto(`chrome-extension://${browser.session.extensionId}/options.html`);
  await options.locator('fieldset').first().waitFor();
  return options;
}

export function badgeOf(browser: BrowserFixture, tabId: number): Promise<{ text: string; color: number[] }> {
  return browser.session.serviceWorker.evaluate(async (id: number) => {
    const { chrome } = globalThis as unknown as {
      chrome: { action: { getBadgeText(d: { tabId: number }): Promise<string>; getBadgeBackgroundColor(d: { tabId: number }): Promise<number[]> } };
    };
    return {
      text: await chrome.action.getBadgeText({ tabId: id }),
      color: await chrome.action.getBadgeBackgroundColor({ tabId: id }),
    };
  }, tabId);
}

/** Runs axe-core (injected through the DevTools protocol, so page CSP does not matter). */
export async function axeViolations(page: Page, include?: string[]): Promise<Array<{ id: string; impact: string; nodes: number }>> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (selectors: string[] | null) => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: Array<{ id: string; impact: string; nodes: unknown[] }> }> } }).axe;
    const context = selectors ? { include: selectors.map((s) => [s]) } : document;
    const result = await axe.run(context, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
  }, include ?? null);
}

export function seriousOrCritical(violations: Array<{ id: string; impact: string }>) {
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/**
 * Saves a screenshot under test-output/screenshots; with UPDATE_SCREENSHOTS=1 also into
 * docs/screenshots (what the README shows).
 */
export async function saveScreenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  const path = resolve(ROOT, 'test-output/screenshots', name);
  mkdirSync(dirname(path), { recursive: true });
  await page.screenshot({ path, fullPage: options.fullPage ?? false });
  if (process.env.UPDATE_SCREENSHOTS === '1') {
    const docs = resolve(ROOT, 'docs/screenshots', name);
    mkdirSync(dirname(docs), { recursive: true });
    copyFileSync(path, docs);
  }
}

/** The page's body as markup, for comparing a page with and without us. */
export function bodyMarkup(page: Page): Promise<string> {
  return page.evaluate(() => new XMLSerializer().serializeToString(document.body));
}

/**
 * Fires a keyboard command as Chromium does when its shortcut is pressed: the extension's
 * `commands.onCommand` listeners get the command and the active tab. (Synthetic key presses
 * from the DevTools protocol never reach the browser's shortcut handling, even headed.)
 */
export async function pressCommand(browser: BrowserFixture, page: Page, command: string): Promise<void> {
  await page.bringToFront();
  await browser.session.serviceWorker.evaluate(async (name: string) => {
    const { chrome } = globalThis as unknown as {
      chrome: {
        tabs: { query(q: object): Promise<Array<{ id?: number }>> };
        commands: { onCommand: { dispatch(name: string, tab: unknown): void } };
      };
    };
    const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
    chrome.commands.onCommand.dispatch(name, tab);
  }, command);
}

/** The shortcut the browser assigned to each of our commands. */
export function commandShortcuts(browser: BrowserFixture): Promise<Record<string, string>> {
  return browser.session.serviceWorker.evaluate(async () => {
    const { chrome } = globalThis as unknown as {
      chrome: { commands: { getAll(): Promise<Array<{ name: string; shortcut: string }>> } };
    };
    return Object.fromEntries((await chrome.commands.getAll()).map((c) => [c.name, c.shortcut]));
  });
}
