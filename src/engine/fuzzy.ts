/**
 * Misspelled drug and supplement names ("ropinerol", "gabapenten", "magnisium"). Patients
 * misspell long names in endless ways, so a fixed alias list cannot keep up: a page word that is
 * within a small edit distance of a name (1 for names of 6 to 8 letters, 2 from 9) is read as
 * that name. Bounded so that it never turns an English word into a drug: only words of 6 letters
 * or more, only names that are one word, the first three letters as written, and never a word of
 * the English word list that sits that close to a name (the list is computed at build time,
 * src/dataset/generated/fuzzy-guard.json). The caller applies it only on pages about health.
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
/** Letters a misspelling keeps as written: misspellings rarely touch a name's start. */
export const KEPT_PREFIX = 3;
const LONG_NAME = 9;
const FUZZY_KINDS = new Set(['drug', 'supplement', 'aggravator']);
// Names are ASCII: an ASCII scan is several times cheaper than a Unicode one.
const WORD = /[a-z]{6,24}/gi;
const LETTER = /\p{L}/u;

/** How many edits a name of this length allows. */
export function allowedEdits(length: number): number {
  return length >= LONG_NAME ? 2 : 1;
}

/** The one-word names a page word may be a misspelling of: specific names of specific things. */
export function fuzzyNames(entries: readonly MatchEntry[]): Array<{ name: string; entryId: string }> {
  const names: Array<{ name: string; entryId: string }> = [];
  for (const entry of entries) {
    if (entry.match.scope !== 'always' || !FUZZY_KINDS.has(entry.kind)) continue;
    for (const alias of entry.aliases) {
      if (alias.caseSensitive || alias.misspelling) continue;
      const name = alias.text.toLowerCase();
      if (name.length >= MIN_LENGTH && /^\p{L}+$/u.test(name)) names.push({ name, entryId: entry.id });
    }
  }
  return names;
}

/** Levenshtein distance when it is at most `max`, else max + 1 (stops early). */
export function boundedDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(value);
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    previous = current;
  }
  return previous[b.length]!;
}

export class FuzzyMatcher {
  /** Targets by their first letters: most page words find no bucket at all. */
  private readonly byPrefix = new Map<string, Target[]>();
  private readonly englishNear: ReadonlySet<string>;

  constructor(entries: readonly MatchEntry[], guard: FuzzyGuard) {
    const guarded = new Set(guard.names);
    this.englishNear = new Set(guard.englishNear);
    for (const { name, entryId } of fuzzyNames(entries)) {
      if (!guarded.has(name)) continue;
      const prefix = name.slice(0, KEPT_PREFIX);
      const bucket = this.byPrefix.get(prefix) ?? [];
      bucket.push({ name, entryId });
      this.byPrefix.set(prefix, bucket);
    }
  }

  /** Misspelled names in text, outside the exact matches already found there. */
  find(text: string, taken: readonly AliasMatch[]): FuzzyMatch[] {
    if (this.byPrefix.size === 0) return [];
    const found: FuzzyMatch[] = [];
    WORD.lastIndex = 0;
    for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      // Whole words only: "ropinerol" inside a longer token is something else.
      if ((start > 0 && LETTER.test(text[start - 1]!)) || (end < text.length && LETTER.test(text[end]!))) continue;
      const word = m[0].toLowerCase();
      const bucket = this.byPrefix.get(word.slice(0, KEPT_PREFIX));
      if (!bucket || this.englishNear.has(word)) continue;
      if (taken.some((t) => t.start < end && start < t.end)) continue;
      const target = closest(word, bucket);
      if (target) found.push({ start, end, entryId: target.entryId, text: m[0], readAs: target.name });
    }
    return found;
  }
}

function closest(word: string, bucket: readonly Target[]): Target | undefined {
  let best: Target | undefined;
  let bestDistance = Infinity;
  for (const target of bucket) {
    if (target.name === word) return undefined; // an exact name is the matcher's, not ours
    const max = allowedEdits(target.name.length);
    const distance = boundedDistance(word, target.name, max);
    if (distance <= max && distance < bestDistance) {
      best = target;
      bestDistance = distance;
    }
  }
  return best;
}
