/**
 * `npm run bench [-- --limit N] [-- --skip-update]`: loads the built extension in real Chromium
 * over synthetic pages, the demo page and the real-page corpus (CORPUS_DIR), and reports per
 * page our content script's main-thread time (setup + scan/wrap), the language analysis time
 * (claims, doses), our longest task, the JS heap we add, which lazily loaded modules the page
 * pulled in, and, in the same run, the baseline of running compromise over the page's whole
 * text. Then the signed-update benchmark (verify + swap of a 1 MB dataset, against an unverified
 * baseline). Writes bench-output/results.json and a Markdown table to bench-output/results.md.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { cpus, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { buildExtension } from './lib/build';
import { syntheticPages } from './lib/bench-pages';
import { benchStress, STRESS_PAGES, type StressRow } from './lib/bench-stress';
import { benchUpdate, type UpdateBenchResult } from './lib/bench-update';
import { EXTENSION_DIR, launchWithExtension, waitForReport } from './lib/chromium';
import { findChromium, INSTALL_HINT, QUIET_CHROMIUM_FLAGS } from './lib/find-chromium';
import { startStaticServer } from './lib/static-server';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = resolve(ROOT, 'bench-output');
const CORPUS_DIR = resolve(process.env.CORPUS_DIR ?? resolve(ROOT, '../shared/corpus'));
// The full compromise build (UMD, defines window.nlp); the package does not export this path.
const SYNTHETIC_RUNS = 5;
const COMPROMISE = resolve(ROOT, 'node_modules/compromise/builds/compromise.js');
const DEMO_PAGE = 'demo/demo-blog.html';

interface Row {
  page: string;
  textKB: number;
  mentions: number;
  setupMs: number;
  scanMs: number;
  ourMs: number;
  /** The language analysis (claims, doses), on pages that loaded it. */
  nlpMs: number;
  longestSliceMs: number;
  /** Lazily loaded modules the page pulled in ("reader", "ui", "nlp"). */
  modules: string;
  /** The whole-page pre-scan's decision: no-candidate, nothing-to-annotate or walk. */
  preScan: string;
  heapAddedKB: number;
  compromiseMs: number;
  speedup: number;
}

async function main(): Promise<void> {
  const limitArg = process.argv.indexOf('--limit');
  const limit = limitArg > 0 ? Number(process.argv[limitArg + 1]) : Infinity;
  const skipUpdate = process.argv.includes('--skip-update');
  const executablePath = findChromium();
  if (!executablePath) throw new Error(INSTALL_HINT);
  // No feed: the benchmark never contacts the official update feed.
  buildExtension([], { EVLENS_FEED: 'off' });

  mkdirSync(resolve(OUT, 'pages/synthetic'), { recursive: true });
  for (const { name, html } of syntheticPages()) writeFileSync(resolve(OUT, 'pages', name), html);
  mkdirSync(resolve(OUT, 'pages/stress'), { recursive: true });
  for (const { name, html } of STRESS_PAGES) writeFileSync(resolve(OUT, 'pages', name), html);
  mkdirSync(resolve(OUT, 'pages/demo'), { recursive: true });
  writeFileSync(resolve(OUT, 'pages', DEMO_PAGE), readFileSync(resolve(ROOT, 'tests/fixtures/demo-blog.html')));
  const synthetic = await startStaticServer(resolve(OUT, 'pages'));
  const corpus = await startStaticServer(CORPUS_DIR);
  const corpusPages = readFileSync(resolve(CORPUS_DIR, 'manifest.tsv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((row) => row.split('\t')[0]!)
    .slice(0, limit);
  const targets = [
    ...syntheticPages().map((p) => ({ name: p.name, url: synthetic.url(p.name) })),
    { name: DEMO_PAGE, url: synthetic.url(DEMO_PAGE) },
    ...corpusPages.map((path) => ({ name: path, url: corpus.url(path) })),
  ];

  const session = await launchWithExtension({ headless: true, executablePath });
  const plainBrowser = await chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--js-flags=--expose-gc', ...QUIET_CHROMIUM_FLAGS],
  });
  const plain = await plainBrowser.newContext({ viewport: { width: 1280, height: 900 } });
  const origins = [synthetic.origin, corpus.origin];
  for (const context of [session.context, plain]) {
    await context.route('**/*', (route) =>
      origins.some((o) => route.request().url().startsWith(o)) ? route.continue() : route.abort(),
    );
  }

  const rows: Row[] = [];
  for (const target of targets) {
    try {
      // Synthetic pages and the demo are the targets' yardsticks: five runs each, medians reported.
      const runs = isYardstick(target.name) ? SYNTHETIC_RUNS : 1;
      const samples: Row[] = [];
      for (let i = 0; i < runs; i++) {
        samples.push(await measure(session.context, plain, target.name, `${target.url}?run=${i}`, session));
      }
      rows.push(medianRow(samples));
      const row = rows.at(-1)!;
      console.log(
        `${row.page.padEnd(70)} ${String(row.textKB).padStart(6)} KB  ours ${row.ourMs.toFixed(2).padStart(7)} ms  nlp ${row.nlpMs.toFixed(2).padStart(7)} ms  longest ${row.longestSliceMs.toFixed(2).padStart(6)} ms  heap +${row.heapAddedKB} KB  compromise ${row.compromiseMs.toFixed(0).padStart(5)} ms  [${row.modules}]`,
      );
    } catch (error) {
      console.warn(`skipped ${target.name}: ${error instanceof Error ? error.message : error}`);
    }
  }
  // The stress cases (issue 15): a mutation flood and 10,000 mentions, long tasks with and without us.
  const stress = await benchStress(session, plain, (name) => synthetic.url(name));
  await session.close();
  await plainBrowser.close();
  await synthetic.close();
  await corpus.close();

  const update = skipUpdate ? undefined : await benchUpdate({ log: (line) => console.log(line) });
  const summary = summarize(rows, update, stress);
  writeFileSync(resolve(OUT, 'results.json'), JSON.stringify({ machine: machine(), summary, rows, update, stress }, null, 2));
  writeFileSync(resolve(OUT, 'results.md'), markdown(summary, rows));
  console.log(`\n${markdown(summary, [])}`);
  console.log(`Full table: ${resolve(OUT, 'results.md')}`);
}

async function measure(
  withExtension: BrowserContext,
  plain: BrowserContext,
  name: string,
  url: string,
  session: Awaited<ReturnType<typeof launchWithExtension>>,
): Promise<Row> {
  const page = await withExtension.newPage();
  await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
  // Settled: scanned, and where something matched, analysed too.
  const { report } = await waitForReport(session, url, {
    timeoutMs: 60_000,
    until: (r) =>
      r.timing !== undefined && (r.mentions.length === 0 || (r.timing.analysisMs > 0 && !!r.modules?.includes('nlp'))),
  });
  const heapWith = await heapUsed(page);
  await page.close();

  const reference = await plain.newPage();
  await reference.goto(url, { waitUntil: 'load', timeout: 60_000 });
  const heapWithout = await heapUsed(reference);
  await reference.addScriptTag({ path: COMPROMISE });
  const { textKB, compromiseMs } = await reference.evaluate(() => {
    const text = document.body.innerText;
    const nlp = (window as unknown as { nlp: (t: string) => unknown }).nlp;
    const start = performance.now();
    nlp(text);
    return { textKB: Math.round(text.length / 102.4) / 10, compromiseMs: performance.now() - start };
  });
  await reference.close();

  const timing = report.timing!;
  const ourMs = timing.setupMs + timing.scanMs;
  return {
    page: name,
    textKB,
    mentions: report.mentions.length,
    setupMs: round(timing.setupMs),
    scanMs: round(timing.scanMs),
    ourMs: round(ourMs),
    nlpMs: round(timing.analysisMs),
    longestSliceMs: round(timing.longestSliceMs),
    modules: (report.modules ?? []).join('+') || 'none',
    preScan: timing.preScan ?? 'walk',
    heapAddedKB: Math.round((heapWith - heapWithout) / 1024),
    compromiseMs: round(compromiseMs),
    speedup: round(compromiseMs / Math.max(ourMs, 0.01)),
  };
}

/** JS heap in use after a full garbage collection, from the DevTools protocol. */
async function heapUsed(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize;
}

function summarize(rows: Row[], update: UpdateBenchResult | undefined, stress: StressRow[]) {
  const corpus = rows.filter((r) => !isYardstick(r.page));
  const find = (name: string) => rows.find((r) => r.page === name);
  // No alias anywhere on the page (the pre-scan's first test said so).
  const noCandidates = corpus.filter((r) => r.preScan === 'no-candidate' && r.textKB > 0);
  const contentScript = readFileSync(resolve(EXTENSION_DIR, 'content-scripts/content.js'));
  const blog20k = find('synthetic/blog-20k.html');
  const health1mb = find('synthetic/health-1mb.html');
  const noTerms100k = find('synthetic/no-terms-100k.html');
  const demo = find(DEMO_PAGE);
  const contentScriptGzipKB = Math.round((gzipSync(contentScript, { level: 9 }).length / 1024) * 10) / 10;
  // A fixed cost per page (a fresh content-script world compiles our regexes) plus a cost per
  // KB of text: both fitted over the corpus pages with no candidate term.
  const noCandidateFit = linearFit(noCandidates.map((r) => [r.textKB, r.ourMs]));
  const noCandidateScanMsPer100KB = round(noCandidateFit.slope * 100);
  // The reader is loaded wherever the pre-scan lets a page through, mentions or not; the UI and
  // the language analysis only where something is marked.
  const pagesLoadingModulesWithoutMentions = rows.filter((r) => r.mentions === 0 && /\b(ui|nlp)\b/.test(r.modules)).length;
  const noCandidatePagesLoadingModules = noCandidates.filter((r) => r.modules !== 'none').length;
  const maxLongestSliceMs = Math.max(...rows.map((r) => r.longestSliceMs));
  const targets = [
    target(`no candidate term: ms per 100 KB of text (fit over ${noCandidates.length} corpus pages)`, noCandidateScanMsPer100KB, '≤ 1 ms', noCandidateScanMsPer100KB <= 1),
    target('no candidate term: fixed cost per page (same fit)', noCandidateFit.intercept, '(none set)', true),
    target('no candidate term: synthetic 100 KB page, ours', noTerms100k?.ourMs, '≤ 1 ms', (noTerms100k?.ourMs ?? Infinity) <= 1),
    target('pages without mentions that loaded the UI or NLP', pagesLoadingModulesWithoutMentions, '0', pagesLoadingModulesWithoutMentions === 0),
    target(`pages with no candidate term that loaded any module (${noCandidates.length} corpus pages)`, noCandidatePagesLoadingModules, '0', noCandidatePagesLoadingModules === 0),
    target('20 KB blog post: scan + wrap', blog20k?.ourMs, '≤ 20 ms', (blog20k?.ourMs ?? Infinity) <= 20),
    target('20 KB blog post: with the language analysis', sum(blog20k?.ourMs, blog20k?.nlpMs), '(≤ 20 ms)', sum(blog20k?.ourMs, blog20k?.nlpMs) <= 20),
    target('1 MB of text: scan + wrap', health1mb?.ourMs, '≤ 150 ms', (health1mb?.ourMs ?? Infinity) <= 150),
    target('1 MB of text: compromise baseline ÷ ours', health1mb?.speedup, '≥ 20×', (health1mb?.speedup ?? 0) >= 20),
    target('longest task of ours, any page', maxLongestSliceMs, '≤ 50 ms', maxLongestSliceMs <= 50),
    target('always-injected content script, gzipped KB', contentScriptGzipKB, '≤ 20 KB', contentScriptGzipKB <= 20),
    ...stress.map((row) =>
      target(`${row.page}: longest task of ours (our slices; ${row.longTasks} page long tasks with us, ${row.baselineLongTasks} without)`, row.ourLongestSliceMs, '≤ 50 ms', row.ourLongestSliceMs <= 50),
    ),
    ...(update
      ? [target('1 MB dataset update: verify + swap (median)', update.median.totalMs, '< 50 ms', update.withinTarget)]
      : []),
  ];
  return {
    corpusPages: corpus.length,
    median: {
      ourMs: median(corpus.map((r) => r.ourMs)),
      nlpMs: median(corpus.filter((r) => r.mentions > 0).map((r) => r.nlpMs)),
      longestSliceMs: median(corpus.map((r) => r.longestSliceMs)),
      heapAddedKB: median(corpus.map((r) => r.heapAddedKB)),
      compromiseMs: median(corpus.map((r) => r.compromiseMs)),
      speedup: median(corpus.map((r) => r.speedup)),
      noCandidateScanMsPer100KB,
      noCandidateFixedMs: round(noCandidateFit.intercept),
    },
    preScan: {
      noCandidate: corpus.filter((r) => r.preScan === 'no-candidate').length,
      nothingToAnnotate: corpus.filter((r) => r.preScan === 'nothing-to-annotate').length,
      walked: corpus.filter((r) => r.preScan === 'walk').length,
    },
    max: { longestSliceMs: maxLongestSliceMs },
    blog20k,
    health1mb,
    noTerms100k,
    demo,
    contentScriptGzipKB,
    stress,
    update: update
      ? { median: update.median, baseline: update.baseline, runs: update.runs, datasetBytes: update.datasetBytes }
      : undefined,
    targets,
  };
}

/** Least-squares line through (x, y) points. */
function linearFit(points: Array<[number, number]>): { slope: number; intercept: number } {
  const n = points.length;
  if (n < 2) return { slope: NaN, intercept: NaN };
  const mx = points.reduce((a, [x]) => a + x, 0) / n;
  const my = points.reduce((a, [, y]) => a + y, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (const [x, y] of points) {
    sxy += (x - mx) * (y - my);
    sxx += (x - mx) ** 2;
  }
  const slope = sxx > 0 ? sxy / sxx : 0;
  return { slope, intercept: my - slope * mx };
}

function target(what: string, value: number | undefined, goal: string, met: boolean) {
  return { what, value: value === undefined ? null : round(value), goal, met };
}

function sum(...values: Array<number | undefined>): number {
  return values.some((v) => v === undefined) ? Infinity : round(values.reduce<number>((a, v) => a + v!, 0));
}

function isYardstick(page: string): boolean {
  return page.startsWith('synthetic/') || page === DEMO_PAGE;
}

function markdown(summary: ReturnType<typeof summarize>, rows: Row[]): string {
  const lines = [
    `Machine: ${machine()}`,
    '',
    '| target | measured | goal | |',
    '|---|---:|---|---|',
    ...summary.targets.map((t) => `| ${t.what} | ${t.value ?? 'n/a'} | ${t.goal} | ${t.met ? 'met' : '**missed**'} |`),
    '',
    '| page | text KB | mentions | pre-scan | ours ms (setup + scan) | NLP ms | longest task ms | heap added KB | loaded | compromise ms | compromise ÷ ours |',
    '|---|---:|---:|---|---:|---:|---:|---:|---|---:|---:|',
  ];
  const line = (r: Row | undefined) =>
    r &&
    lines.push(
      `| ${r.page} | ${r.textKB} | ${r.mentions} | ${r.preScan} | ${r.ourMs} (${r.setupMs} + ${r.scanMs}) | ${r.nlpMs} | ${r.longestSliceMs} | ${r.heapAddedKB} | ${r.modules} | ${r.compromiseMs} | ${r.speedup}× |`,
    );
  line(summary.blog20k);
  line(summary.health1mb);
  line(summary.noTerms100k);
  line(summary.demo);
  for (const r of rows.filter((r) => !isYardstick(r.page))) line(r);
  lines.push(
    '',
    '| stress case | mentions | long tasks with us (longest ms) | without us (longest ms) | our longest slice ms | scan ms | analysis ms |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...summary.stress.map(
      (r) => `| ${r.page} | ${r.mentions} | ${r.longTasks} (${r.longestTaskMs}) | ${r.baselineLongTasks} (${r.baselineLongestTaskMs}) | ${r.ourLongestSliceMs} | ${r.ourScanMs} | ${r.ourAnalysisMs} |`,
    ),
  );
  const u = summary.update;
  lines.push(
    '',
    `Corpus medians over ${summary.corpusPages} pages: ours ${summary.median.ourMs} ms, NLP ${summary.median.nlpMs} ms (pages with mentions), longest task ${summary.median.longestSliceMs} ms, heap +${summary.median.heapAddedKB} KB, compromise ${summary.median.compromiseMs} ms, compromise ÷ ours ${summary.median.speedup}×; pages with no candidate term (${summary.preScan.noCandidate}; ${summary.preScan.nothingToAnnotate} more had only everyday words on a page not about health, ${summary.preScan.walked} were read in full): ${summary.median.noCandidateFixedMs} ms per page + ${summary.median.noCandidateScanMsPer100KB} ms per 100 KB of text. Longest task anywhere: ${summary.max.longestSliceMs} ms. Content script: ${summary.contentScriptGzipKB} KB gzipped.`,
  );
  if (u) {
    lines.push(
      '',
      `Update of a ${(u.datasetBytes / 1024 / 1024).toFixed(2)} MB dataset, median of ${u.runs} runs: verify ${u.median.verifyMs} ms + swap ${u.median.swapMs} ms = ${u.median.totalMs} ms; baseline with no verification (JSON.parse + one storage write) ${u.baseline.totalMs} ms.`,
    );
  }
  return `${lines.join('\n')}\n`;
}

function medianRow(samples: Row[]): Row {
  const first = samples[0]!;
  const pick = (key: keyof Row) => median(samples.map((sample) => sample[key] as number));
  return {
    ...first,
    setupMs: pick('setupMs'),
    scanMs: pick('scanMs'),
    ourMs: pick('ourMs'),
    nlpMs: pick('nlpMs'),
    longestSliceMs: pick('longestSliceMs'),
    heapAddedKB: pick('heapAddedKB'),
    compromiseMs: pick('compromiseMs'),
    speedup: pick('speedup'),
  };
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return round(sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2);
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

function machine(): string {
  return `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
