/** Pages that change after load: late content, clicks, framework text edits, SPA navigation, churn. */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitForReport } from '../../scripts/lib/chromium';
import { openBrowser, type BrowserFixture } from './fixtures';

let browser: BrowserFixture;

beforeAll(async () => {
  browser = await openBrowser();
});

afterAll(async () => {
  await browser?.close();
});

const entriesIn = (page: Page, selector: string) =>
  page.$$eval(`${selector} evlens-mark`, (marks) => marks.map((m) => m.getAttribute('data-evlens-entry')));

describe('a page that changes after load', () => {
  let page: Page;

  beforeAll(async () => {
    page = await browser.session.context.newPage();
    await page.goto(browser.server.url('dynamic.html'));
    await page.waitForSelector('#first evlens-mark');
  });

  it('annotates a paragraph inserted two seconds after load', async () => {
    await page.waitForSelector('#late evlens-mark[data-evlens-entry="ropinirole"]', { timeout: 8000 });
  });

  it('annotates a paragraph added after a click', async () => {
    await page.click('#add');
    await page.waitForSelector('#clicked evlens-mark[data-evlens-entry="ropinirole"]');
    await expect(page.textContent('#clicked')).resolves.toBe('My neurologist switched me off Requip slowly.');
  });

  it('gives a text node back whole when the page rewrites it, and annotates the new text', async () => {
    await page.click('#rewrite');
    await page.waitForFunction(() => document.querySelectorAll('#rewrite-me evlens-mark').length >= 2);
    await expect(page.textContent('#rewrite-me')).resolves.toBe('Edited: magnesium did nothing for my RLS, but iron did.');
    expect(await entriesIn(page, '#rewrite-me')).toEqual(['oral-magnesium', 'restless-legs-syndrome', 'iron']);
  });

  it('re-scans and re-reports after a history-API navigation', async () => {
    await page.click('#navigate');
    await page.waitForSelector('#page2 evlens-mark[data-evlens-entry="transdermal-magnesium"]');
    const url = new URL('?page=2', page.url()).href;
    // An update scheduled before the navigation may land first; wait for the settled report.
    const { report } = await waitForReport(browser.session, url, { until: (r) => r.mentions.length > 0 });
    expect(report.title).toBe('Living with restless legs: page 2');
    expect(report.relevant).toBe(true);
    expect(report.entries.map((e) => e.id)).toEqual(['transdermal-magnesium']);
  });
});

describe('a page that mutates continuously (1,000 nodes a second)', () => {
  it('stays responsive while our work stays bounded', async () => {
    const page = await browser.session.context.newPage();
    await page.addInitScript(() => {
      (window as unknown as { __longTasks: number[] }).__longTasks = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) (window as unknown as { __longTasks: number[] }).__longTasks.push(entry.duration);
      }).observe({ type: 'longtask', buffered: true });
    });
    await page.goto(browser.server.url('churn.html'));
    await page.waitForTimeout(4000);
    const result = await page.evaluate(() => {
      const w = window as unknown as { __maxLagMs: number; __lateTicks: number; __added: number; __longTasks: number[]; __churn: number };
      clearInterval(w.__churn);
      return {
        maxLagMs: w.__maxLagMs,
        lateTicks: w.__lateTicks,
        added: w.__added,
        longTasks: w.__longTasks,
        marks: document.querySelectorAll('#feed evlens-mark').length,
        nested: document.querySelectorAll('evlens-mark evlens-mark').length,
      };
    });
    expect(result.added).toBeGreaterThan(2500);
    expect(result.nested).toBe(0);
    // New items keep being annotated (every fifth mentions two terms)...
    expect(result.marks).toBeGreaterThan(20);
    // ...and the page never waits on us: no freeze, and its own timer stays on time. The 50 ms target for each of our tasks is a speed target, measured by
    // `npm run bench` (longest task of ours): on this 2-core machine a browser test shares the
    // CPU with the test runner, and a task of ours waiting for it runs long on the clock.
    expect(result.longTasks.filter((ms) => ms >= 200)).toEqual([]);
    // Its timer is late by 100 ms or more at most once (without the extension: 13-44 ms late at
    // most; with it, one hiccup of 80-140 ms right after the language module first runs, with
    // no long task, measured on this machine) and never by 200 ms.
    expect(result.lateTicks).toBeLessThanOrEqual(1);
    expect(result.maxLagMs).toBeLessThan(200);
    // Our own longest slice, scan and language analysis alike, as our content script measured
    // it: a generous bound here, the same as for the page's tasks (a slice preempted by the test
    // runner on 2 cores measured 113 ms in CI); the 50 ms target is npm run bench's, whose 20 s
    // flood measured 263 ms before the whole-page steps were split (docs/performance.md).
    const { report } = await waitForReport(browser.session, page.url(), { until: (r) => (r.timing?.analysisMs ?? 0) > 0 });
    expect(report.timing!.longestSliceMs).toBeLessThan(200);
    await page.close();
  });
});
