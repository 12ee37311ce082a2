/**
 * Page evaluation: loads the hand-labelled pages of tests/eval/pages/{dev,heldout} in Chromium
 * with the built extension and in a plain Chromium, reads every mark the extension made (entry
 * id and range in the page text), and scores them against the truth files: recall of `must`
 * items, precision of marks, marks on pages that are not about health, and whether the page's
 * visible text or layout changed.
 *
 *   npx tsx scripts/eval-pages.ts [--no-build] [--split dev|heldout|all] [--page name]
 *                                 [--json out.json] [--gate] [--verbose]
 *   npx tsx scripts/eval-pages.ts --validate [--split ...]   (truth files only, no browser)
 *
 * --verbose lists missed items and wrong marks for dev pages only: held-out pages are scored
 * but their items are never printed, so that the engine is not tuned to them.
 * Wrap it in `flock /tmp/evlens-browser.lock` on shared machines (one browser at a time).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { buildExtension } from './lib/build';
import { launchWithExtension, waitForReport, type ExtensionSession } from './lib/chromium';
import { findChromium, INSTALL_HINT, QUIET_CHROMIUM_FLAGS } from './lib/find-chromium';
import { scorePage, totals, type Mark, type PageObservation, type PageScore, type Totals } from './lib/eval-score';
import {
  EVAL_PAGES_DIR,
  FUTURE_ENTRIES,
  loadEvalPages,
  pageTextWithMap,
  staticPageText,
  validateTruth,
  type EvalPage,
  type Split,
} from './lib/eval-truth';
import { startStaticServer } from './lib/static-server';

const ROOT = resolve(import.meta.dirname, '..');
const OUT_DIR = '.output-eval';
const GATE = { recall: 0.98, precision: 0.97 };

interface Options {
  build: boolean;
  split: Split | 'all';
  page?: string;
  json?: string;
  gate: boolean;
  verbose: boolean;
  validateOnly: boolean;
}

function parseArgs(argv: string[]): Options {
  const options: Options = { build: true, split: 'all', gate: false, verbose: false, validateOnly: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`${arg} needs a value`);
      return next;
    };
    if (arg === '--no-build') options.build = false;
    else if (arg === '--gate') options.gate = true;
    else if (arg === '--verbose') options.verbose = true;
    else if (arg === '--validate') options.validateOnly = true;
    else if (arg === '--json') options.json = value();
    else if (arg === '--page') options.page = value();
    else if (arg === '--split') {
      const split = value();
      if (split !== 'dev' && split !== 'heldout' && split !== 'all') throw new Error(`unknown split "${split}"`);
      options.split = split;
    } else throw new Error(`unknown option "${arg}"`);
  }
  return options;
}

/** What one browser shows of a page: the page text, the marks, innerText and element boxes. */
interface Snapshot {
  text: string;
  innerText: string;
  boxes: string[];
  marks: Mark[];
}

async function snapshot(page: Page): Promise<Snapshot> {
  const source = `(() => { const __name = (f) => f; return (${collect.toString()})(${pageTextWithMap.toString()}); })()`;
  return (await page.evaluate(source)) as Snapshot;
}

/**
 * Runs in the page, given the very text walker Node uses: the page text, marks and boxes.
 * It goes over as source text with a `__name` stand-in, because tsx (esbuild keepNames) wraps
 * inner functions in `__name(...)` calls that do not exist in the page.
 */
function collect(walker: typeof pageTextWithMap): Snapshot {
  {
    const { text, nodes } = walker(document.body);
    const where = new Map<Node, { start: number; end: number }>();
    for (const n of nodes) where.set(n.node, n);
    const groups = new Map<string, Mark>();
    for (const el of document.body.querySelectorAll('[data-evlens-mention][data-evlens-entry]')) {
      const mention = el.getAttribute('data-evlens-mention') ?? '';
      const entry = el.getAttribute('data-evlens-entry') ?? '';
      const tw = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let t = tw.nextNode(); t; t = tw.nextNode()) {
        const r = where.get(t);
        if (!r || r.end === r.start) continue;
        const key = `${mention}\u0000${entry}`;
        const g = groups.get(key);
        if (!g) groups.set(key, { mention, entry, start: r.start, end: r.end });
        else {
          g.start = Math.min(g.start, r.start);
          g.end = Math.max(g.end, r.end);
        }
      }
    }
    const half = (x: number) => Math.round(x * 2) / 2;
    const boxes: string[] = [];
    for (const el of document.body.querySelectorAll('*')) {
      if (el.tagName.toLowerCase().startsWith('evlens-')) continue;
      const r = el.getBoundingClientRect();
      boxes.push(`${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className}` : ''} ${half(r.x + window.scrollX)},${half(r.y + window.scrollY)} ${half(r.width)}x${half(r.height)}`);
    }
    return { text, innerText: document.body.innerText, boxes, marks: [...groups.values()] };
  }
}

/** Waits until the page's text and our marks stop changing (menus built late, SPA updates). */
async function settled(page: Page, minMs = 0): Promise<void> {
  const start = Date.now();
  const probe = () =>
    page.evaluate(
      () => `${document.body.innerText.length}:${document.querySelectorAll('[data-evlens-mention]').length}:${document.body.innerText}`,
    );
  let previous = await probe();
  let stable = 0;
  for (let i = 0; i < 60; i++) {
    await page.waitForTimeout(250);
    const current = await probe();
    if (current === previous) stable++;
    else stable = 0;
    previous = current;
    if (stable >= 2 && Date.now() - start >= minMs) return;
  }
}

async function observe(
  evalPage: EvalPage,
  url: string,
  session: ExtensionSession,
  plain: BrowserContext,
): Promise<{ observation: PageObservation; validation: string[] }> {
  const waitMs = evalPage.truth.waitMs ?? 0;
  const withExt = await session.context.newPage();
  const without = await plain.newPage();
  try {
    await withExt.goto(url, { waitUntil: 'load', timeout: 30_000 });
    let reported = true;
    try {
      await waitForReport(session, url, { timeoutMs: 15_000 });
    } catch {
      reported = false;
    }
    await settled(withExt, waitMs);
    const ours = await snapshot(withExt);

    await without.goto(url, { waitUntil: 'load', timeout: 30_000 });
    await settled(without, waitMs);
    const theirs = await snapshot(without);

    let moved = 0;
    const movedSample: string[] = [];
    const n = Math.max(ours.boxes.length, theirs.boxes.length);
    for (let i = 0; i < n; i++) {
      if (ours.boxes[i] === theirs.boxes[i]) continue;
      moved++;
      if (movedSample.length < 3) movedSample.push(`${theirs.boxes[i] ?? '(none)'} -> ${ours.boxes[i] ?? '(none)'}`);
    }
    const validation = validateTruth(evalPage.truth, theirs.text).map((p) => `plain browser: ${p}`);
    return {
      observation: {
        text: ours.text,
        marks: ours.marks,
        textChanged: ours.innerText !== theirs.innerText,
        layoutChanged: moved > 0,
        movedElements: moved,
        movedSample,
        reported,
      },
      validation,
    };
  } finally {
    await withExt.close();
    await without.close();
  }
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

function printTotals(label: string, t: Totals): void {
  console.log(`\n== ${label}: ${t.pages} pages`);
  console.log(`  recall     ${pct(t.recall)}  (${t.found}/${t.must} must items found)`);
  console.log(`  precision  ${pct(t.precision)}  (${t.right}/${t.marks} marks right)`);
  console.log(`  marks on non-health pages: ${t.nonHealthMarks} on ${t.nonHealthPagesMarked.length} pages${t.nonHealthPagesMarked.length ? ` (${t.nonHealthPagesMarked.join(', ')})` : ''}`);
  console.log(`  pages whose text or layout changed: ${t.changedPages.length}${t.changedPages.length ? ` (${t.changedPages.join(', ')})` : ''}`);
  if (t.unreported.length) console.log(`  pages with no report from the extension: ${t.unreported.join(', ')}`);
  if (t.badQuotePages.length) console.log(`  pages with truth problems: ${t.badQuotePages.join(', ')}`);
  const classes = Object.entries(t.byClass).sort(([a], [b]) => a.localeCompare(b));
  if (classes.length) {
    console.log('  recall by class:');
    for (const [cls, c] of classes) console.log(`    ${cls.padEnd(22)} ${pct(c.recall).padStart(6)}  (${c.found}/${c.must})`);
  }
}

/** Checks every truth file in Node (happy-dom); pages built by script are checked in the browser run. */
function validateInNode(pages: EvalPage[]): boolean {
  const dataset = JSON.parse(readFileSync(resolve(ROOT, 'src/dataset/generated/dataset.json'), 'utf8')) as { entries: { id: string }[] };
  const known = new Set([...dataset.entries.map((e) => e.id), ...FUTURE_ENTRIES]);
  let ok = true;
  for (const page of pages) {
    const text = page.truth.dynamic ? null : staticPageText(readFileSync(page.htmlPath, 'utf8'));
    const problems = validateTruth(page.truth, text, known);
    const items = page.truth.items.length;
    // Held-out problems are counted, not printed, so their items stay unseen.
    if (problems.length && page.split === 'dev') for (const p of problems) console.log(`${page.name}: ${p}`);
    console.log(`${page.name.padEnd(44)} ${items} items ${problems.length ? `${problems.length} PROBLEMS` : 'ok'}${page.truth.dynamic ? ' (dynamic: quotes checked in the browser run)' : ''}`);
    if (problems.length) ok = false;
  }
  return ok;
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const pages = loadEvalPages(options.split, options.page);
  if (pages.length === 0) throw new Error(`no pages for split "${options.split}"${options.page ? ` and page "${options.page}"` : ''}`);
  if (options.validateOnly) {
    process.exit(validateInNode(pages) ? 0 : 1);
  }
  const executablePath = findChromium();
  if (!executablePath) throw new Error(INSTALL_HINT);

  // No feed: an evaluation never contacts the official update feed.
  if (options.build) buildExtension([], { EVLENS_OUT_DIR: OUT_DIR, EVLENS_FEED: 'off' });
  const server = await startStaticServer(EVAL_PAGES_DIR);
  let session: ExtensionSession | undefined;
  let plainBrowser: Browser | undefined;
  const scores: PageScore[] = [];
  const started = Date.now();
  try {
    session = await launchWithExtension({ headless: true, extensionDir: resolve(ROOT, OUT_DIR, 'chrome-mv3'), executablePath });
    plainBrowser = await chromium.launch({
      executablePath,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', ...QUIET_CHROMIUM_FLAGS],
    });
    const plain = await plainBrowser.newContext({ viewport: { width: 1280, height: 900 } });
    for (const context of [session.context, plain]) {
      await context.route('**/*', (route) =>
        route.request().url().startsWith(server.origin) ? route.continue() : route.abort(),
      );
    }

    console.log('page'.padEnd(44), 'must', 'wrong', 'non-health', 'text', 'layout');
    for (const evalPage of pages) {
      const url = server.url(`${evalPage.name}.html`);
      let score: PageScore;
      let validation: string[] = [];
      try {
        const seen = await observe(evalPage, url, session, plain);
        validation = seen.validation;
        score = scorePage(evalPage, seen.observation);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        score = scorePage(evalPage, {
          text: '',
          marks: [],
          textChanged: false,
          layoutChanged: false,
          movedElements: 0,
          movedSample: [],
          reported: false,
          error: message,
        });
      }
      scores.push(score);
      const isDev = evalPage.split === 'dev';
      console.log(
        evalPage.name.padEnd(44),
        `${score.found}/${score.must}`.padEnd(8),
        String(score.wrong).padEnd(6),
        (score.health ? '-' : String(score.marks)).padEnd(10),
        (score.textChanged ? 'CHANGED' : 'same').padEnd(8),
        score.layoutChanged ? 'CHANGED' : 'same',
        score.reported ? '' : '(no report)',
      );
      if (score.error) console.log(`    error: ${score.error}`);
      const problems = [...score.badQuotes, ...validation];
      if (problems.length) {
        if (isDev) for (const p of problems) console.log(`    truth: ${p}`);
        else console.log(`    truth: ${problems.length} problem(s) in this held-out page's truth file`);
      }
      if (options.verbose && isDev) {
        for (const m of score.missed) console.log(`    missed ${m.item.class} (${[m.item.entry].flat().join('|')}): ${m.context}`);
        for (const w of score.wrongMarks) console.log(`    wrong ${w.mark.entry} — ${w.why}: ${w.context}`);
        if (score.layoutChanged) console.log(`    layout: ${score.movedElements} elements moved, e.g. ${score.movedSample.join(' | ')}`);
        if (score.textChanged) console.log(`    text: innerText differs from the plain browser`);
      }
    }
  } finally {
    await plainBrowser?.close();
    await session?.close();
    await server.close();
  }

  const result: Record<string, Totals> = {};
  for (const split of ['dev', 'heldout'] as const) {
    const some = scores.filter((s) => s.split === split);
    if (some.length) result[split] = totals(some);
  }
  result.all = totals(scores);
  for (const [label, t] of Object.entries(result)) printTotals(label, t);
  console.log(`\n${scores.length} pages in ${((Date.now() - started) / 1000).toFixed(0)} s`);

  if (options.json) {
    const pagesOut = scores.map((s) => ({
      name: s.name,
      split: s.split,
      health: s.health,
      genre: s.genre,
      must: s.must,
      found: s.found,
      marks: s.marks,
      right: s.right,
      wrong: s.wrong,
      textChanged: s.textChanged,
      layoutChanged: s.layoutChanged,
      reported: s.reported,
      truthProblems: s.badQuotes.length,
      ...(s.split === 'dev' ? { missed: s.missed.map((m) => m.context), wrongMarks: s.wrongMarks.map((w) => `${w.mark.entry}: ${w.context}`) } : {}),
    }));
    writeFileSync(options.json, JSON.stringify({ totals: result, pages: pagesOut }, null, 2) + '\n');
  }

  if (options.gate) {
    const t = result.all;
    const failures: string[] = [];
    if (t.recall < GATE.recall) failures.push(`recall ${pct(t.recall)} < ${pct(GATE.recall)}`);
    if (t.precision < GATE.precision) failures.push(`precision ${pct(t.precision)} < ${pct(GATE.precision)}`);
    if (t.nonHealthMarks > 0) failures.push(`${t.nonHealthMarks} marks on non-health pages`);
    if (t.changedPages.length > 0) failures.push(`${t.changedPages.length} pages changed`);
    if (t.badQuotePages.length > 0) failures.push(`${t.badQuotePages.length} pages with truth problems or errors`);
    if (failures.length) {
      console.log(`\nGATE FAILED: ${failures.join('; ')}`);
      process.exit(1);
    }
    console.log('\nGATE PASSED');
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(2);
});
