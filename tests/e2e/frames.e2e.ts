/**
 * A claim-frame flag explained in the built extension: the tooltip names the kind of claim,
 * quotes the page's words, gives what the evidence says for RLS and its source; the report the
 * popup reads carries the same explanation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitForReport } from '../../scripts/lib/chromium';
import { openBrowser, type BrowserFixture } from './fixtures';
import type { ReportFlag } from '../../src/engine/report';
import { TOOLTIP } from './helpers';

let browser: BrowserFixture;

beforeAll(async () => {
  browser = await openBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe('claim frames in the browser', () => {
  it('explains an efficacy claim in the tooltip and the report', async () => {
    const page = await browser.session.context.newPage();
    const url = browser.server.url('frames.html');
    await page.goto(url);
    const { report } = await waitForReport(browser.session, url, { until: (r) => r.flags.length > 0 });
    const flag = report.flags.find((f) => f.kind === 'aggravator' && f.frame);
    expect(flag).toMatchObject({ entryId: 'valerian', frame: { kind: 'efficacy', cue: 'cures' } });

    const mark = page.locator('evlens-mark[data-evlens-entry="valerian"][data-evlens-flagged]').first();
    await mark.hover();
    const tooltip = page.locator(TOOLTIP);
    await tooltip.waitFor({ state: 'visible' });
    const text = await tooltip.locator('.finding.frame').textContent();
    expect(text).toContain('Efficacy claim.');
    expect(text).toContain('The page says “cures”.');
    expect(text).toMatch(/The evidence for RLS: Not recommended/);
    expect(text).toMatch(/\(Source: [A-Z0-9-]+/);
    await page.close();
  });

  it('explains a claim only the learned reading found, quoting the words it rests on', async () => {
    const page = await browser.session.context.newPage();
    const url = browser.server.url('frames.html');
    await page.goto(url);
    const potassium = (f: ReportFlag) => f.kind === 'aggravator' && f.entryId === 'potassium';
    const { report } = await waitForReport(browser.session, url, { until: (r) => r.flags.some(potassium) });
    const flag = report.flags.find(potassium);
    const frame = flag?.kind === 'aggravator' ? flag.frame : undefined;
    expect(frame).toMatchObject({ kind: 'efficacy' });
    const cue = frame!.cue;
    expect(cue.length).toBeGreaterThan(0);

    await page.locator('evlens-mark[data-evlens-entry="potassium"][data-evlens-flagged]').first().hover();
    const tooltip = page.locator(TOOLTIP);
    await tooltip.waitFor({ state: 'visible' });
    const text = await tooltip.locator('.finding.frame').textContent();
    expect(text).toContain('Efficacy claim.');
    expect(text).toContain(`The page says “${cue}”.`);
    expect(text).toMatch(/The evidence for RLS:/);
    expect(text).toMatch(/\(Source: [A-Z0-9-]+/);
    await page.close();
  });

  it('holds the day’s total of a split dose against the limit, and says so', async () => {
    const page = await browser.session.context.newPage();
    const url = browser.server.url('frames.html');
    await page.goto(url);
    const { report } = await waitForReport(browser.session, url, { until: (r) => r.flags.some((f) => f.kind === 'dose') });
    expect(report.flags.find((f) => f.kind === 'dose')).toMatchObject({ entryId: 'ropinirole', dailyMg: 6 });

    await page.locator('evlens-mark[data-evlens-entry="ropinirole"][data-evlens-flagged]').first().hover();
    const tooltip = page.locator(TOOLTIP);
    await tooltip.waitFor({ state: 'visible' });
    const text = await tooltip.locator('.finding.flagged').first().textContent();
    expect(text).toContain('“3 mg in the morning and 3 mg at bedtime”, 6 mg a day');
    expect(text).toMatch(/4 mg/);
    await page.close();
  });
});
