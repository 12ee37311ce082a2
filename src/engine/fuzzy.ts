/**
 * Misspelled drug and supplement names ("ropinerol", "gabapenten", "magnisium"). Patients
 * misspell long names in endless ways, so a fixed alias list cannot keep up: a page word that is
 * within a small edit distance of a name (1 for names of 6 to 8 letters, 2 from 9; two letters
 * swapped count as one edit) is read as that name. Bounded so that it never turns an English word
 * into a drug: only words of 6 letters or more, only names that are one word, the first letter as
 * written and the next two as written or swapped with a neighbour ("nuepro", "mangesium"), and
 * never a word of the English word list that sits that close to a name (the list is computed at
 * build time, src/dataset/generated/fuzzy-guard.json). The caller applies it only on pages about
 * health.
 */
import type { FuzzyGuard, MatchEntry } from '../dataset/match-index';
import type { AliasMatch } from './matcher';

export interface FuzzyMatch extends AliasMatch {
  /** The name the page's word was read as. */
  readAs: string;
}

interface Target {
  name: string;
  entryId: string;
}

const MIN_LENGTH = 6;
/** The letters a word is looked up by: misspellings rarely touch a name's start beyond a swap. */
const KEPT_PREFIX = 3;
const LONG_NAME = 9;
const FUZZY_KINDS = new Set(['drug', 'supplement', 'aggravator', 'lifestyle', 'device']);
const MAX_LENGTH = 24;
const LETTER = /\p{L}/u;

/** How many edits a name of this length allows. */
export function allowedEdits(length: number): number {
  return length >= LONG_NAME ? 2 : 1;
}

/** The one-word names a page word may be a misspelling of: specific names of specific things. */
export function fuzzyNames(entries: readonly MatchEntry[]): Array<{ name: string; entryId: string }> {
  const names: Array<{ name: string; entryId: string }> = [];
  for (const entry of entries) {
    // Every scope: an entry read only on health or RLS pages keeps that rule for its misspellings too.
    if (!FUZZY_KINDS.has(entry.kind)) continue;
    for (const alias of entry.aliases) {
      if (alias.caseSensitive || alias.misspelling) continue;
      const name = alias.text.toLowerCase();
      if (name.length >= MIN_LENGTH && /^\p{L}+$/u.test(name)) names.push({ name, entryId: entry.id });
    }
  }
  return names;
}

/**
 * The prefixes under which a name is looked up: its first three letters, and those of the name
 * with its 2nd and 3rd, or 3rd and 4th, letters swapped (the usual typing slips). The first
 * letter is never moved: a word that starts elsewhere is another word.
 */
export function prefixKeys(name: string): string[] {
  const swapped = (i: number) => name.slice(0, i) + name[i + 1]! + name[i]! + name.slice(i + 2);
  return [...new Set([name, swapped(1), swapped(2)].map((n) => n.slice(0, KEPT_PREFIX)))];
}

/**
 * How far the page word (lower case) is from the name, when it could be a misspelling of it; else
 * undefined. The one rule, shared with the guard build.
 */
export function reachDistance(word: string, name: string): number | undefined {
  if (word === name || !prefixKeys(name).includes(word.slice(0, KEPT_PREFIX))) return undefined;
  const max = allowedEdits(name.length);
  const distance = boundedDistance(word, name, max);
  return distance <= max ? distance : undefined;
}

/**
 * Edit distance with adjacent swaps counted as one edit (optimal string alignment), when it is at
 * most `max`, else max + 1 (stops early).
 */
export function boundedDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2]! + 1);
      current.push(value);
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    before = previous;
    previous = current;
  }
  return previous[b.length]!;
}

export class FuzzyMatcher {
  /** Targets by each of their prefix keys. */
  private readonly byPrefix = new Map<string, Target[]>();
  private readonly englishNear: ReadonlySet<string>;
  /** Words of a fuzzy length that start like a name: a native scan finds them in one pass. */
  private readonly candidates: RegExp | null = null;
  /** Each candidate word's reading, once: a page repeats its words, the distances need not be. */
  private readonly readings = new Map<string, Target | null>();

  constructor(entries: readonly MatchEntry[], guard: FuzzyGuard) {
    const guarded = new Set(guard.names);
    this.englishNear = new Set(guard.englishNear);
    for (const { name, entryId } of fuzzyNames(entries)) {
      if (!guarded.has(name)) continue;
      for (const prefix of prefixKeys(name)) {
        const bucket = this.byPrefix.get(prefix) ?? [];
        bucket.push({ name, entryId });
        this.byPrefix.set(prefix, bucket);
      }
    }
    if (this.byPrefix.size > 0) {
      const rest = `[a-z]{${MIN_LENGTH - KEPT_PREFIX},${MAX_LENGTH - KEPT_PREFIX}}`;
      this.candidates = new RegExp(`(?<![a-z])(?:${[...this.byPrefix.keys()].join('|')})${rest}(?![a-z])`, 'gi');
    }
  }

  /** Misspelled names in text, outside the exact matches (sorted by start) already found there. */
  find(text: string, taken: readonly AliasMatch[]): FuzzyMatch[] {
    const candidates = this.candidates;
    if (!candidates) return [];
    const found: FuzzyMatch[] = [];
    let next = 0;
    candidates.lastIndex = 0;
    for (let m = candidates.exec(text); m; m = candidates.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      // Whole words only: "ropinerol" glued to an accented letter is something else.
      if ((start > 0 && LETTER.test(text[start - 1]!)) || (end < text.length && LETTER.test(text[end]!))) continue;
      while (next < taken.length && taken[next]!.end <= start) next++;
      if (next < taken.length && taken[next]!.start < end) continue; // an exact match is there
      const target = this.reading(m[0]);
      if (target) found.push({ start, end, entryId: target.entryId, text: m[0], readAs: target.name });
    }
    return found;
  }

  /** The name a candidate word (as written) is read as, or null. */
  private reading(written: string): Target | null {
    let target = this.readings.get(written);
    if (target === undefined) {
      const word = written.toLowerCase();
      const bucket = this.byPrefix.get(word.slice(0, KEPT_PREFIX));
      target = bucket && !this.englishNear.has(word) ? (closest(word, bucket) ?? null) : null;
      // Bounded: a page of random strings must not grow it without end.
      if (this.readings.size >= MAX_READINGS) this.readings.clear();
      this.readings.set(written, target);
    }
    return target;
  }
}

const MAX_READINGS = 20_000;

function closest(word: string, bucket: readonly Target[]): Target | undefined {
  let best: Target | undefined;
  let bestDistance = Infinity;
  for (const target of bucket) {
    if (target.name === word) return undefined; // an exact name is the matcher's, not ours
    const distance = reachDistance(word, target.name);
    if (distance !== undefined && distance < bestDistance) {
      best = target;
      bestDistance = distance;
    }
  }
  return best;
}
