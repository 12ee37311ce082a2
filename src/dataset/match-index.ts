/**
 * The part of the dataset the engine matches with: each entry's id, kind, aliases and match
 * policy. The background hands only this to every page (a few kilobytes), and the full
 * dataset only to pages that turn out to mention something.
 */
import type { Dataset, Entry, EntryKind } from './schema';

export type MatchEntry = Pick<Entry, 'id' | 'kind' | 'aliases' | 'match'>;

export interface MatchIndex {
  version: string;
  entries: MatchEntry[];
  disambiguations: Dataset['disambiguations'];
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
  };
}
