/**
 * A learned reading of claims, beside the frames' word lists. Hand-kept cue lists carry over
 * poorly to wording nobody listed: each unseen evaluation batch started at 50-62% recall. A naive
 * Bayes model over the words and word pairs of a sentence with its neighbours, trained on the dev
 * part of the claims evaluation set (scripts/train-claim-model.ts; never on the held-out part),
 * says how much that stretch of text reads like a claim the evidence contradicts, and of which
 * kind. The frames still decide what a claim is about and which evidence answers it; the model
 * only vetoes a frame the text does not bear out, and raises one the word lists missed when it is
 * sure and the sentence's subject can be contradicted that way.
 */
import type { FrameKind } from './types';
import trained from './claim-model.json';

export interface ClaimModel {
  /**
   * Words of the dataset's names. Read as one placeholder, so the model learns how claims are
   * worded, not which treatments the training sentences happened to praise or doubt.
   */
  names: string[];
  /** Log prior odds of a contradicted claim. */
  prior: number;
  /** Log likelihood ratio of each feature (contradicted vs not). */
  weights: Record<string, number>;
  /** Per kind of claim: log prior and log likelihood of each feature, among contradicted claims. */
  kinds: Record<FrameKind, { prior: number; weights: Record<string, number>; unseen: number }>;
}

export const claimModel = trained as ClaimModel;

/** Below these log odds a frame's flag is dropped: the text around it does not read as such a claim. */
export const VETO_BELOW = -2;
/** The same for a person said to take an aggravator, which needs no claim words to be told. */
export const INTAKE_VETO_BELOW = -6;
/** Above these the model raises a claim the word lists missed. */
export const RAISE_ABOVE = 4;

const WORD = /[a-z0-9']+|[?!]/g;

const NAME = '<name>';
const nameSets = new WeakMap<ClaimModel, Set<string>>();

/** The features of a stretch of text: its words (a name's as one placeholder) and adjacent word pairs, each once. */
export function claimFeatures(text: string, model: ClaimModel = claimModel): Set<string> {
  let names = nameSets.get(model);
  if (!names) nameSets.set(model, (names = new Set(model.names)));
  const words = (text.toLowerCase().match(WORD) ?? []).map((w) => (names.has(w) ? NAME : w));
  const features = new Set(words);
  for (let i = 1; i < words.length; i++) features.add(`${words[i - 1]}_${words[i]}`);
  return features;
}

/** The model's words by number and its word pairs by a pair of numbers: scoring builds no strings. */
interface Compiled {
  ids: Map<string, number>;
  single: Float64Array;
  pairs: Map<number, number>;
  name: number;
}
const compiledModels = new WeakMap<ClaimModel, Compiled>();

function compiled(model: ClaimModel): Compiled {
  let c = compiledModels.get(model);
  if (c) return c;
  const ids = new Map<string, number>();
  const id = (w: string) => {
    let n = ids.get(w);
    if (n === undefined) ids.set(w, (n = ids.size));
    return n;
  };
  const name = id(NAME);
  const singles: number[] = [];
  const pairList: Array<[number, number]> = [];
  for (const [f, w] of Object.entries(model.weights)) {
    const cut = f.indexOf('_');
    if (cut < 0) singles[id(f)] = w;
    else pairList.push([id(f.slice(0, cut)) * PAIR + id(f.slice(cut + 1)), w]);
  }
  for (const n of model.names) ids.set(n, name);
  c = { ids, single: Float64Array.from({ length: ids.size }, (_, i) => singles[i] ?? 0), pairs: new Map(pairList), name };
  compiledModels.set(model, c);
  return c;
}
/** Compiles the model ahead of the first sentence, as a step of its own (Analyzer.prepare). */
export function warmUpClaimModel(model: ClaimModel = claimModel): void {
  compiled(model);
}
/** Room for every word number in a pair's key. */
const PAIR = 1 << 20;

/** Log odds that the text holds a claim the evidence contradicts: `claimScore(claimFeatures(text))`, without building features. */
export function claimScoreOf(text: string, model: ClaimModel = claimModel): number {
  const c = compiled(model);
  const seen = new Set<number>();
  let score = model.prior;
  let previous = -1;
  const lower = text.toLowerCase();
  WORD.lastIndex = 0;
  for (let m = WORD.exec(lower); m; m = WORD.exec(lower)) {
    const n = c.ids.get(m[0]) ?? -1;
    if (n >= 0 && !seen.has(n)) {
      seen.add(n);
      score += c.single[n]!;
    }
    if (n >= 0 && previous >= 0) {
      const key = previous * PAIR + n;
      if (!seen.has(-1 - key)) {
        seen.add(-1 - key);
        score += c.pairs.get(key) ?? 0;
      }
    }
    previous = n;
  }
  return score;
}

/** Log odds that the text holds a claim the evidence contradicts. */
export function claimScore(features: ReadonlySet<string>, model: ClaimModel = claimModel): number {
  let score = model.prior;
  for (const f of features) score += model.weights[f] ?? 0;
  return score;
}

/** The likeliest kind of claim among those allowed. */
export function likeliestKind(features: ReadonlySet<string>, allowed: readonly FrameKind[], model: ClaimModel = claimModel): FrameKind | undefined {
  let best: FrameKind | undefined;
  let bestScore = -Infinity;
  // Only words some kind has seen weigh; the others say nothing about the kind.
  const known = [...features].filter((f) => Object.values(model.kinds).some((k) => f in k.weights));
  for (const kind of allowed) {
    const k = model.kinds[kind];
    let score = k.prior;
    for (const f of known) score += k.weights[f] ?? k.unseen;
    if (score > bestScore) {
      best = kind;
      bestScore = score;
    }
  }
  return best;
}

/** The words of the text that weigh most towards a contradicted claim: what the flag quotes. */
export function strongestCue(text: string, model: ClaimModel = claimModel): { start: number; end: number } | undefined {
  const lower = text.toLowerCase();
  const words = [...lower.matchAll(WORD)];
  let best: { start: number; end: number } | undefined;
  let bestWeight = 0;
  words.forEach((m, i) => {
    const one = model.weights[m[0]] ?? 0;
    if (one > bestWeight) {
      best = { start: m.index, end: m.index + m[0].length };
      bestWeight = one;
    }
    const previous = words[i - 1];
    const pair = previous ? (model.weights[`${previous[0]}_${m[0]}`] ?? 0) : 0;
    if (previous && pair > bestWeight) {
      best = { start: previous.index, end: m.index + m[0].length };
      bestWeight = pair;
    }
  });
  return best;
}
