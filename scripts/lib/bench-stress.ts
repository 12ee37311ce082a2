/**
 * The two stress cases of issue 15: a page that adds 1,000 nodes a second for 20 s, and a page
 * with 10,000 mentions. For each, in real Chromium, the page's long tasks (PerformanceObserver,
 * every task of 50 ms or more, ours and the page's) with the extension and, in the same run,
 * without it; and what our content script measured of itself (its longest slice).
 */
import type { BrowserContext, Page } from 'playwright-core';
import { waitForReport, type ExtensionSession } from './chromium';
import { pageWithMentions } from './bench-pages';

export const FLOOD_SECONDS = 20;

/** 1,000 new nodes a second (10 every 10 ms) for FLOOD_SECONDS, every fifth mentioning a term; the page keeps the newest 500. */
export function floodPage(seconds = FLOOD_SECONDS): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Live sleep-health ticker</title></head><body><main>
<h1>Live ticker: sleep and restless legs news</h1><p>Updates about RLS and magnesium research appear below.</p><div id="feed"></div></main>
<script>
const feed = document.getElementById('feed');
let n = 0;
const stopAt = performance.now() + ${seconds * 1000};
window.__flood = setInterval(() => {
  if (performance.now() > stopAt) { clearInterval(window.__flood); window.__floodDone = true; return; }
  for (let i = 0; i < 10; i++) {
    const p = document.createElement('p');
    p.textContent = n % 5 === 0 ? 'Item ' + n + ': a reader asks about magnesium for RLS.' : 'Item ' + n + ': weather update.';
    feed.append(p);
    if (feed.childElementCount > 500) feed.firstElementChild.remove();
    n++;
  }
}, 10);
</script></body></html>
`;
}

export const STRESS_PAGES = [
  { name: 'stress/flood.html', html: floodPage() },
  { name: 'stress/mentions-10k.html', html: pageWithMentions(10_000) },
];

export interface StressRow {
  page: string;
  mentions: number;
  /** Long tasks (≥ 50 ms) on the page with the extension, and their longest. */
  longTasks: number;
  longestTaskMs: number;
  /** The same page in the same run without the extension. */
  baselineLongTasks: number;
  baselineLongestTaskMs: number;
  /** Our longest slice, as our content script measured it. */
  ourLongestSliceMs: number;
  ourScanMs: number;
  ourAnalysisMs: number;
  note: string | null;
}

const OBSERVE_LONG_TASKS = () => {
  const w = window as unknown as { __longTasks: number[] };
  w.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) w.__longTasks.push(entry.duration);
  }).observe({ type: 'longtask', buffered: true });
};

async function longTasksOn(context: BrowserContext, url: string, settle: (page: Page) => Promise<void>): Promise<number[]> {
  const page = await context.newPage();
  await page.addInitScript(OBSERVE_LONG_TASKS);
  await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
  await settle(page);
  const tasks = await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
  await page.close();
  return tasks;
}

export async function benchStress(
  session: ExtensionSession,
  plain: BrowserContext,
  urlOf: (name: string) => string,
  log: (line: string) => void = console.log,
): Promise<StressRow[]> {
  const rows: StressRow[] = [];
  for (const { name } of STRESS_PAGES) {
    const url = urlOf(name);
    const flood = name === 'stress/flood.html';
    const settle = async (page: Page) => {
      if (flood) await page.waitForFunction(() => (window as unknown as { __floodDone?: boolean }).__floodDone, null, { timeout: 60_000, polling: 500 });
      await page.waitForTimeout(1500); // the last batch, the analysis, the report
    };
    let report: Awaited<ReturnType<typeof waitForReport>>['report'] | undefined;
    const withUs = await longTasksOn(session.context, url, async (page) => {
      await settle(page);
      report = (
        await waitForReport(session, url, {
          timeoutMs: 60_000,
          until: (r) => r.timing !== undefined && (flood || r.mentions.length === 0 || r.timing.analysisMs > 0),
        })
      ).report;
    });
    const without = await longTasksOn(plain, url, settle);
    const timing = report?.timing;
    const row: StressRow = {
      page: name,
      mentions: report?.mentions.length ?? 0,
      longTasks: withUs.length,
      longestTaskMs: round(Math.max(0, ...withUs)),
      baselineLongTasks: without.length,
      baselineLongestTaskMs: round(Math.max(0, ...without)),
      ourLongestSliceMs: round(timing?.longestSliceMs ?? NaN),
      ourScanMs: round(timing?.scanMs ?? NaN),
      ourAnalysisMs: round(timing?.analysisMs ?? NaN),
      note: report?.note ?? null,
    };
    log(
      `${name.padEnd(28)} mentions ${String(row.mentions).padStart(6)}  long tasks ${row.longTasks} (longest ${row.longestTaskMs} ms), without us ${row.baselineLongTasks} (longest ${row.baselineLongestTaskMs} ms); our longest slice ${row.ourLongestSliceMs} ms, scan ${row.ourScanMs} ms, analysis ${row.ourAnalysisMs} ms${row.note ? `; note: ${row.note}` : ''}`,
    );
    rows.push(row);
  }
  return rows;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
