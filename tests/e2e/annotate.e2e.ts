/**
 * The first vertical slice in a real browser: the built extension annotates the demo page,
 * shows the tooltip on hover and on keyboard focus, and the popup lists what the page holds.
 */
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitForReport } from '../../scripts/lib/chromium';
import type { PageReport } from '../../src/engine/report';
import { citationUrl } from '../../src/ui/citations';
import { VERDICT_LOOKS } from '../../src/ui/verdicts';
import { loadTestDataset } from '../helpers/dataset';
import { FIXTURES_DIR, openBrowser, type BrowserFixture } from './fixtures';

const TOOLTIP = 'evlens-ui [role="tooltip"]';
const dataset = loadTestDataset();
let browser: BrowserFixture;
let page: Page;
let report: PageReport;
let tabId: number;

beforeAll(async () => {
  browser = await openBrowser();
  page = await browser.session.context.newPage();
  const url = browser.server.url('demo-blog.html');
  await page.goto(url);
  ({ report, tabId } = await waitForReport(browser.session, url));
});

afterAll(async () => {
  await browser?.close();
});

describe('annotating the demo page', () => {
  it('wraps every mention in the DOM contract element', async () => {
    const wrapped = await page.$$eval('evlens-mark', (marks) =>
      marks.map((m) => ({ entry: m.getAttribute('data-evlens-entry'), mention: m.getAttribute('data-evlens-mention') })),
    );
    const entries = new Set(wrapped.map((w) => w.entry));
    for (const id of ['oral-magnesium', 'transdermal-magnesium', 'restless-legs-syndrome', 'ropinirole', 'iron']) {
      expect(entries).toContain(id);
    }
    // "cast iron" in the sidebar is a false friend; the menu is never annotated.
    expect(await page.locator('aside li evlens-mark, nav evlens-mark').count()).toBe(0);
    const mentionIds = new Set(wrapped.map((w) => w.mention));
    expect(mentionIds.size).toBe(report.mentions.length);
    // "Restless <em>legs</em>\n syndrome" is one mention in three wrappers.
    const crossElement = report.mentions.find((m) => m.text === "Restless legs syndrome");
    expect(crossElement).toBeDefined();
    await expect(page.locator(`[data-evlens-mention="${crossElement!.id}"]`).count()).resolves.toBe(3);
  });

  it('leaves the textarea, the script and hidden text untouched', async () => {
    const untouched = await page.evaluate(() => ({
      textarea: document.querySelector('textarea')!.value,
      script: document.querySelector('body > script')!.textContent,
      inForbidden: document.querySelectorAll('textarea evlens-mark, script evlens-mark, nav evlens-mark, .visually-hidden evlens-mark').length,
    }));
    expect(untouched.textarea).toBe('Please cover magnesium and RLS in pregnancy.');
    expect(untouched.script).toContain("topic: 'magnesium'");
    expect(untouched.inForbidden).toBe(0);
  });

  it('keeps the visible text identical to the page without the extension', async () => {
    const annotated = await page.evaluate(() => document.body.innerText);
    // Content scripts run on http(s) only, so the file:// copy is the untouched original.
    const original = await browser.session.context.newPage();
    await original.goto(pathToFileURL(resolve(FIXTURES_DIR, 'demo-blog.html')).href);
    const pristine = await original.evaluate(() => document.body.innerText);
    await original.close();
    expect(annotated).toBe(pristine);
  });

  it('shows the tooltip after hovering a mention, with dataset content', async () => {
    await page.mouse.move(0, 0);
    const mention = page.locator('evlens-mark[data-evlens-entry="ropinirole"]').first();
    await mention.scrollIntoViewIfNeeded();
    await mention.hover();
    const tooltip = page.locator(TOOLTIP);
    await tooltip.waitFor({ state: 'visible' });
    await expect(tooltip.locator('.name').textContent()).resolves.toBe('Ropinirole');
    await expect(tooltip.locator('.verdict-label').textContent()).resolves.toBe('Not recommended (conditional)');
    const text = await tooltip.textContent();
    expect(text).toContain('4 mg/day');
    expect(text).toContain('Information, not medical advice.');
    const link = tooltip.locator('.citations a').first();
    await expect(link.getAttribute('target')).resolves.toBe('_blank');
    await expect(link.getAttribute('rel')).resolves.toBe('noopener noreferrer');

    await page.mouse.move(5, 5);
    await tooltip.waitFor({ state: 'detached' });
  });

  it.each(['ropinirole', 'oral-magnesium', 'sedating-antihistamines'])(
    'shows the dataset entry for %s: name, verdict, summary, numbers and working citation links',
    async (entryId) => {
      const entry = dataset.entries.find((e) => e.id === entryId)!;
      const references = new Map(dataset.references.map((r) => [r.id, r]));
      await page.mouse.move(0, 0);
      const mention = page.locator(`evlens-mark[data-evlens-entry="${entryId}"]`).first();
      await mention.scrollIntoViewIfNeeded();
      await mention.hover();
      const tooltip = page.locator(TOOLTIP);
      await tooltip.waitFor({ state: 'visible' });
      await expect(tooltip.locator('.name').textContent()).resolves.toBe(entry.name);
      await expect(tooltip.locator('.verdict-label').textContent()).resolves.toBe(VERDICT_LOOKS[entry.verdict].label);
      await expect(tooltip.locator('.summary').textContent()).resolves.toBe(entry.summary);
      await expect(tooltip.locator('.numbers li').count()).resolves.toBe(entry.numbers.length);
      await expect(tooltip.locator('.caveats li').count()).resolves.toBe(entry.caveats.length);
      const hrefs = await tooltip.locator('.citations a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
      const expected = entry.citations.map((id) => citationUrl(references.get(id)!)).filter(Boolean);
      expect(hrefs).toEqual(expected);
      await expect(tooltip.locator('.meta').textContent()).resolves.toContain(`Dataset ${dataset.version}`);
      await page.mouse.move(5, 5);
      await tooltip.waitFor({ state: 'detached' });
    },
  );

  it('opens the tooltip on keyboard focus and closes it on Escape', async () => {
    await page.mouse.move(0, 0);
    await page.locator('h1').click();
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('data-evlens-entry'));
    expect(focused).toBeTruthy();
    const tooltip = page.locator(TOOLTIP);
    await tooltip.waitFor({ state: 'visible' });
    await expect(tooltip.locator('.card').getAttribute('data-entry')).resolves.toBe(focused);
    await page.keyboard.press('Escape');
    await tooltip.waitFor({ state: 'detached' });
  });
});

describe('the popup', () => {
  it('lists the same mentions as the page, by entry', async () => {
    const popup = await browser.session.context.newPage();
    await popup.goto(`chrome-extension://${browser.session.extensionId}/popup.html?tabId=${tabId}`);
    await popup.locator('.entries').waitFor();
    const rows = await popup.$$eval('.entry', (items) =>
      items.map((li) => ({ id: li.getAttribute('data-entry'), count: Number.parseInt(li.querySelector('.count')?.textContent ?? '', 10) })),
    );
    const onPage = await page.$$eval('evlens-mark', (marks) => {
      const counts = new Map<string, Set<string>>();
      for (const m of marks) {
        const set = counts.get(m.getAttribute('data-evlens-entry')!) ?? new Set();
        set.add(m.getAttribute('data-evlens-mention')!);
        counts.set(m.getAttribute('data-evlens-entry')!, set);
      }
      return [...counts].map(([id, mentions]) => ({ id, count: mentions.size }));
    });
    expect(rows.sort((a, b) => a.id!.localeCompare(b.id!))).toEqual(onPage.sort((a, b) => a.id.localeCompare(b.id)));
    await expect(popup.locator('.summary').textContent()).resolves.toContain(`${report.mentions.length} mentions`);
    await popup.close();
  });
});
