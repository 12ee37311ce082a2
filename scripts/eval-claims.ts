/**
 * Claims evaluation: runs the page auditor over hand-written sentences about RLS treatments
 * (tests/eval/claims/{dev,heldout}.jsonl) and reports how many contradicted claims it flags
 * (recall) and how many of its flags land on sentences that are fine (wrong-flag share).
 *
 *   npx tsx scripts/eval-claims.ts [--split dev|heldout|all] [--gate] [--json out.json] [--verbose]
 *
 * --verbose lists misses and wrong flags for the dev split only: held-out sentences are never
 * printed, so that the engine is not tuned to them.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { auditFile } from './lib/audit-file';

type Split = 'dev' | 'heldout';

interface Item {
  id: string;
  split: Split;
  genre: string;
  text: string;
  entry: string;
  kind: string;
  subkind?: string;
  contradicted: boolean;
  why: string;
}

interface Outcome {
  item: Item;
  flagged: boolean;
  /** Short description of what fired, for verbose output. */
  hits: string[];
  mentions: number;
}

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DATA_DIR = join(ROOT, 'tests/eval/claims');
const PAGE_URL = 'https://example.org/readers/restless-legs';
const GATE_RECALL = 0.8;
const GATE_WRONG_SHARE = 0.05;

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function pageFor(text: string): string {
  return (
    '<!doctype html><html><head><meta charset="utf-8"><title>Restless legs: notes from readers</title></head>' +
    `<body><h1>Restless legs syndrome</h1><p>${escapeHtml(text)}</p></body></html>`
  );
}

/**
 * THE ADAPTER: the one place that knows the auditor's shape. Returns whether the page has any
 * flag (a flagged claim, a flagged dose, or any aggravator finding) and what fired.
 * If the engine's report changes, change only this function.
 */
function auditFlags(html: string): { flagged: boolean; hits: string[]; mentions: number } {
  const report = auditFile(html, PAGE_URL) as unknown as Record<string, unknown>;
  const list = (key: string): Array<Record<string, unknown>> =>
    Array.isArray(report[key]) ? (report[key] as Array<Record<string, unknown>>) : [];
  const hits: string[] = [];
  for (const c of list('claims')) if (c.flagged) hits.push(`claim:${String(c.claimId)}`);
  for (const d of list('doses'))
    if (d.flagged) hits.push(`dose:${String(d.entryId)}:${String(d.dailyMg ?? d.amount)}${String(d.unit ?? '')}`);
  for (const a of list('aggravators')) hits.push(`aggravator:${String(a.entryId)}`);
  return { flagged: hits.length > 0, hits, mentions: list('mentions').length };
}

function readItems(split: Split): Item[] {
  const file = join(DATA_DIR, `${split}.jsonl`);
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, i) => {
      try {
        return JSON.parse(line) as Item;
      } catch {
        throw new Error(`${file}:${i + 1}: not valid JSON`);
      }
    });
}

interface Row {
  label: string;
  n: number;
  flagged: number;
  /** recall for contradicted rows; wrong-flag rate (flagged / n) for non-contradicted rows. */
  rate: number;
}

interface SplitScore {
  split: string;
  items: number;
  contradicted: number;
  flaggedContradicted: number;
  notContradicted: number;
  flaggedNotContradicted: number;
  recall: number;
  wrongShare: number;
  noMention: number;
  byKind: Row[];
  bySubkind: Row[];
}

function ratio(a: number, b: number): number {
  return b === 0 ? 0 : a / b;
}

function group(outcomes: Outcome[], key: (o: Outcome) => string): Row[] {
  const map = new Map<string, { n: number; flagged: number }>();
  for (const o of outcomes) {
    const k = key(o);
    const row = map.get(k) ?? { n: 0, flagged: 0 };
    row.n++;
    if (o.flagged) row.flagged++;
    map.set(k, row);
  }
  return [...map.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([label, r]) => ({ label, n: r.n, flagged: r.flagged, rate: ratio(r.flagged, r.n) }));
}

function score(split: string, outcomes: Outcome[]): SplitScore {
  const bad = outcomes.filter((o) => o.item.contradicted);
  const good = outcomes.filter((o) => !o.item.contradicted);
  const flaggedBad = bad.filter((o) => o.flagged).length;
  const flaggedGood = good.filter((o) => o.flagged).length;
  return {
    split,
    items: outcomes.length,
    contradicted: bad.length,
    flaggedContradicted: flaggedBad,
    notContradicted: good.length,
    flaggedNotContradicted: flaggedGood,
    recall: ratio(flaggedBad, bad.length),
    wrongShare: ratio(flaggedGood, flaggedBad + flaggedGood),
    noMention: outcomes.filter((o) => o.mentions === 0).length,
    byKind: group(bad, (o) => o.item.kind),
    bySubkind: group(good, (o) => o.item.subkind ?? '(none)'),
  };
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`.padStart(6);

function printScores(scores: SplitScore[]): void {
  const kinds = [...new Set(scores.flatMap((s) => s.byKind.map((r) => r.label)))].sort();
  const subkinds = [...new Set(scores.flatMap((s) => s.bySubkind.map((r) => r.label)))].sort();
  const cell = (row: Row | undefined): string => (row ? `${pct(row.rate)} ${`${row.flagged}/${row.n}`.padStart(7)}` : ''.padStart(14));
  const header = `${''.padEnd(26)}${scores.map((s) => s.split.padStart(14)).join('  ')}`;
  console.log('\nRecall on contradicted items, by kind (flagged / items)');
  console.log(header);
  for (const k of kinds) console.log(`  ${k.padEnd(24)}${scores.map((s) => cell(s.byKind.find((r) => r.label === k))).join('  ')}`);
  console.log(`  ${'ALL contradicted'.padEnd(24)}${scores.map((s) => cell({ label: '', n: s.contradicted, flagged: s.flaggedContradicted, rate: s.recall })).join('  ')}`);
  console.log('\nWrong flags on non-contradicted items, by subkind (flagged / items)');
  console.log(header);
  for (const k of subkinds)
    console.log(`  ${k.padEnd(24)}${scores.map((s) => cell(s.bySubkind.find((r) => r.label === k))).join('  ')}`);
  console.log(
    `  ${'ALL none'.padEnd(24)}${scores.map((s) => cell({ label: '', n: s.notContradicted, flagged: s.flaggedNotContradicted, rate: ratio(s.flaggedNotContradicted, s.notContradicted) })).join('  ')}`,
  );
  console.log('\nSummary');
  for (const s of scores)
    console.log(
      `  ${s.split.padEnd(8)} items ${String(s.items).padStart(4)}  recall ${pct(s.recall)}  wrong-flag share ${pct(s.wrongShare)} ` +
        `(${s.flaggedNotContradicted} of ${s.flaggedContradicted + s.flaggedNotContradicted} flags)  items without any mention ${s.noMention}`,
    );
}

function parseArgs(argv: string[]): { split: 'dev' | 'heldout' | 'all'; gate: boolean; json?: string; verbose: boolean } {
  const out: { split: 'dev' | 'heldout' | 'all'; gate: boolean; json?: string; verbose: boolean } = { split: 'all', gate: false, verbose: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--gate') out.gate = true;
    else if (a === '--verbose' || a === '-v') out.verbose = true;
    else if (a === '--json') out.json = argv[++i];
    else if (a.startsWith('--json=')) out.json = a.slice('--json='.length);
    else if (a === '--split' || a.startsWith('--split=')) {
      const v = a === '--split' ? argv[++i] : a.slice('--split='.length);
      if (v !== 'dev' && v !== 'heldout' && v !== 'all') throw new Error(`--split must be dev, heldout or all (got ${v})`);
      out.split = v;
    } else if (a === '--help' || a === '-h') {
      console.log('usage: tsx scripts/eval-claims.ts [--split dev|heldout|all] [--gate] [--json out.json] [--verbose]');
      process.exit(0);
    } else throw new Error(`unknown option ${a}`);
  }
  if (out.json === undefined) delete out.json;
  return out;
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const started = Date.now();
  // The gate is about the held-out split, so it always needs it.
  const splits: Split[] = args.split === 'all' || args.gate ? ['dev', 'heldout'] : [args.split];
  const outcomes = new Map<Split, Outcome[]>();
  const seen = new Set<string>();
  for (const split of splits) {
    const results: Outcome[] = [];
    for (const item of readItems(split)) {
      if (seen.has(item.id)) throw new Error(`duplicate id ${item.id}`);
      seen.add(item.id);
      let audited: ReturnType<typeof auditFlags>;
      try {
        audited = auditFlags(pageFor(item.text));
      } catch (error) {
        // A broken engine would otherwise read as zero recall; stop loudly instead.
        throw new Error(`the auditor failed on item ${item.id} (${split}); results would be meaningless`, { cause: error });
      }
      const { flagged, hits, mentions } = audited;
      results.push({ item, flagged, hits, mentions });
    }
    outcomes.set(split, results);
  }
  const scores = [...outcomes.entries()].map(([split, o]) => score(split, o));
  if (splits.length > 1) scores.push(score('all', [...outcomes.values()].flat()));
  printScores(scores);
  console.log(`\n${seen.size} items audited in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  if (args.verbose) {
    const dev = outcomes.get('dev');
    if (!dev) console.log('\n(--verbose lists the dev split only; held-out sentences are never printed)');
    else {
      console.log('\nDev misses (contradicted, not flagged):');
      for (const o of dev.filter((x) => x.item.contradicted && !x.flagged))
        console.log(`  ${o.item.id} [${o.item.kind}/${o.item.entry}]${o.mentions === 0 ? ' (no mention)' : ''} ${o.item.text}`);
      console.log('\nDev wrong flags (not contradicted, flagged):');
      for (const o of dev.filter((x) => !x.item.contradicted && x.flagged))
        console.log(`  ${o.item.id} [${o.item.subkind}/${o.item.entry}] ${o.hits.join(', ')} :: ${o.item.text}`);
      if (outcomes.has('heldout')) console.log('\n(held-out misses and wrong flags are not listed, by design)');
    }
  }

  if (args.json) {
    // Per-item results for dev only; held-out items appear as counts, never as text or ids.
    const devItems = (outcomes.get('dev') ?? []).map((o) => ({ id: o.item.id, kind: o.item.kind, subkind: o.item.subkind, contradicted: o.item.contradicted, flagged: o.flagged, hits: o.hits }));
    writeFileSync(args.json, `${JSON.stringify({ generatedAt: new Date().toISOString(), scores, devItems }, null, 2)}\n`);
    console.log(`wrote ${args.json}`);
  }

  if (args.gate) {
    const held = scores.find((s) => s.split === 'heldout')!;
    const ok = held.recall >= GATE_RECALL && held.wrongShare <= GATE_WRONG_SHARE;
    console.log(
      `\nGATE ${ok ? 'PASS' : 'FAIL'}: heldout recall ${pct(held.recall)} (need >= ${pct(GATE_RECALL)}), ` +
        `wrong-flag share ${pct(held.wrongShare)} (need <= ${pct(GATE_WRONG_SHARE)})`,
    );
    if (!ok) process.exitCode = 1;
  }
}

main();
