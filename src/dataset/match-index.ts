/**
 * The part of the dataset the engine matches with: each entry's id, kind, aliases and match
 * policy. The background hands only this to every page (a few kilobytes), and the full
 * dataset only to pages that turn out to mention something.
 */
import fuzzyGuard from './generated/fuzzy-guard.json';
import type { Dataset, Entry, EntryKind } from './schema';

export type MatchEntry = Pick<Entry, 'id' | 'kind' | 'aliases' | 'match'>;

export interface MatchIndex {
  version: string;
  entries: MatchEntry[];
  disambiguations: Dataset['disambiguations'];
  /** What the fuzzy reader of misspelled names may read (engine/fuzzy.ts). */
  fuzzyGuard?: FuzzyGuard;
}

/** Computed at build time (scripts/fuzzy-guard-build.ts) from the bundled dataset. */
export interface FuzzyGuard {
  /** The names the guard was computed for: names added later (by an update) are not read fuzzily. */
  names: string[];
  /** English words within the fuzzy distance of one of those names: never read as a name. */
  englishNear: string[];
}

/** The match index of a dataset, without the kinds the reader chose to hide. */
export function toMatchIndex(dataset: Dataset, hiddenKinds: readonly EntryKind[] = []): MatchIndex {
  const hidden = new Set(hiddenKinds);
  return {
    version: dataset.version,
    entries: dataset.entries
      .filter((entry) => !hidden.has(entry.kind))
      .map(({ id, kind, aliases, match }) => ({ id, kind, aliases, match })),
    disambiguations: dataset.disambiguations,
    fuzzyGuard,
  };
}
