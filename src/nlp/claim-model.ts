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

/** What lookups need from a model, built once per model: its name words, the words any kind has seen. */
interface Lookups {
  names: Set<string>;
  kindWords: Set<string>;
}
const lookups = new WeakMap<ClaimModel, Lookups>();
function lookupsOf(model: ClaimModel): Lookups {
  let found = lookups.get(model);
  if (!found) {
    const kindWords = new Set(Object.values(model.kinds).flatMap((k) => Object.keys(k.weights)));
    lookups.set(model, (found = { names: new Set(model.names), kindWords }));
  }
  return found;
}

/** The words of a text as the model reads them: lower case, with "?" and "!" as words of their own. */
export function claimWords(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

/** The features of a stretch of text: its words (a name's as one placeholder) and adjacent word pairs, each once. */
export function claimFeatures(text: string, model: ClaimModel = claimModel): Set<string> {
  const { names } = lookupsOf(model);
  const words = claimWords(text).map((w) => (names.has(w) ? NAME : w));
  const features = new Set(words);
  for (let i = 1; i < words.length; i++) features.add(`${words[i - 1]}_${words[i]}`);
  return features;
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
  const { kindWords } = lookupsOf(model);
  const known = [...features].filter((f) => kindWords.has(f));
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
