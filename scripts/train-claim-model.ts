/**
 * Trains the claim model (src/nlp/claim-model.ts) on the dev part of the claims evaluation set
 * and writes src/nlp/claim-model.json. Never reads the held-out part: its scores stay a measure
 * of text the model has not seen. Deterministic: the same dev file gives the same model.
 *
 *   npx tsx scripts/train-claim-model.ts [--check] [--leave-out c3341-c3640]
 *
 * --check exits 1 when the shipped model differs from a fresh training (CI runs it).
 * --leave-out trains without a range of dev ids, to measure the model on dev text it has not
 * seen (then retrain without it before committing).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import dataset from '../src/dataset/generated/dataset.json';
import { claimFeatures, claimWords, type ClaimModel } from '../src/nlp/claim-model';
import type { FrameKind } from '../src/nlp/types';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DEV = join(ROOT, 'tests/eval/claims/dev.jsonl');
const OUT = join(ROOT, 'src/nlp/claim-model.json');
/** A feature seen fewer times than this says more about one writer than about claims. */
const MIN_COUNT = 2;
const KINDS: FrameKind[] = ['efficacy', 'safety', 'cause', 'use', 'stopping'];

interface Item {
  text: string;
  kind: string;
  contradicted: boolean;
}

const round = (n: number) => Math.round(n * 100) / 100;

/** The words of every alias in the dataset, three letters or more. */
function nameWords(): string[] {
  const words = new Set<string>();
  for (const entry of dataset.entries) {
    for (const alias of entry.aliases) for (const w of claimWords(alias.text)) if (w.length >= 3) words.add(w);
  }
  return [...words].sort();
}

function trainClaimModel(items: readonly Item[]): ClaimModel {
  const names = nameWords();
  const blank: ClaimModel = { names, prior: 0, weights: {}, kinds: {} as ClaimModel['kinds'] };
  const featured = items.map((item) => ({ item, features: claimFeatures(item.text, blank) }));
  // Contradicted or not: Bernoulli-style counts of the texts holding each feature, add-one smoothing.
  const counts = { yes: new Map<string, number>(), no: new Map<string, number>() };
  let yes = 0;
  for (const { item, features } of featured) {
    const side = item.contradicted ? counts.yes : counts.no;
    if (item.contradicted) yes++;
    for (const f of features) side.set(f, (side.get(f) ?? 0) + 1);
  }
  const vocabulary = [...new Set([...counts.yes.keys(), ...counts.no.keys()])].sort();
  const total = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
  const [totalYes, totalNo] = [total(counts.yes), total(counts.no)];
  const weights: Record<string, number> = {};
  for (const f of vocabulary) {
    const [y, n] = [counts.yes.get(f) ?? 0, counts.no.get(f) ?? 0];
    if (y + n < MIN_COUNT) continue;
    weights[f] = round(Math.log((y + 1) / (totalYes + vocabulary.length)) - Math.log((n + 1) / (totalNo + vocabulary.length)));
  }

  // The kind, among contradicted claims of the five frame kinds.
  const byKind = new Map<FrameKind, { items: number; counts: Map<string, number> }>(KINDS.map((k) => [k, { items: 0, counts: new Map() }]));
  for (const { item, features } of featured) {
    const slot = item.contradicted ? byKind.get(item.kind as FrameKind) : undefined;
    if (!slot) continue;
    slot.items++;
    for (const f of features) slot.counts.set(f, (slot.counts.get(f) ?? 0) + 1);
  }
  const kindVocabulary = new Set<string>();
  for (const { counts: c } of byKind.values()) for (const [f, n] of c) if (n >= MIN_COUNT + 1) kindVocabulary.add(f);
  const kindItems = [...byKind.values()].reduce((a, b) => a + b.items, 0);
  const kinds = {} as ClaimModel['kinds'];
  for (const [kind, slot] of byKind) {
    const size = total(slot.counts) + kindVocabulary.size;
    const kindWeights: Record<string, number> = {};
    for (const f of [...kindVocabulary].sort()) {
      const n = slot.counts.get(f) ?? 0;
      if (n > 0) kindWeights[f] = round(Math.log((n + 1) / size));
    }
    kinds[kind] = { prior: round(Math.log(slot.items / kindItems)), weights: kindWeights, unseen: round(Math.log(1 / size)) };
  }
  return { names, prior: round(Math.log(yes / (items.length - yes))), weights, kinds };
}

function leftOut(id: string): boolean {
  const i = process.argv.indexOf('--leave-out');
  const range = i >= 0 ? /^c(\d+)-c(\d+)$/.exec(process.argv[i + 1] ?? '') : null;
  if (!range) return false;
  const n = Number(id.slice(1));
  return n >= Number(range[1]) && n <= Number(range[2]);
}

function main(): void {
  const items = readFileSync(DEV, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Item & { id: string })
    .filter((item) => !leftOut(item.id));
  const model = trainClaimModel(items);
  const json = `${JSON.stringify(model)}\n`;
  if (process.argv.includes('--check')) {
    if (readFileSync(OUT, 'utf8') !== json) {
      console.error('src/nlp/claim-model.json is not the model dev.jsonl trains; run npx tsx scripts/train-claim-model.ts');
      process.exit(1);
    }
    console.log('claim model up to date');
    return;
  }
  writeFileSync(OUT, json);
  console.log(`claim model: ${items.length} dev items, ${Object.keys(model.weights).length} features`);
}

main();
