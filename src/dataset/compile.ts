/**
 * Compiles the reviewed source files (one JSON file per entry or claim) into the single
 * dataset that ships in the extension. Deterministic: sorted by id, stable key order, so a
 * rebuild of unchanged sources is byte-identical.
 */
import { parseDataset, type Dataset, type DatasetResult } from './schema';

export interface DatasetSources {
  meta: { schemaVersion: unknown; version: unknown; disambiguations: unknown };
  entries: unknown[];
  claims: unknown[];
  references: unknown[];
}

export function compileDataset(sources: DatasetSources): DatasetResult {
  const byId = (a: unknown, b: unknown) => idOf(a).localeCompare(idOf(b));
  return parseDataset({
    schemaVersion: sources.meta.schemaVersion,
    version: sources.meta.version,
    entries: [...sources.entries].sort(byId),
    claims: [...sources.claims].sort(byId),
    references: [...sources.references].sort(byId),
    disambiguations: sources.meta.disambiguations,
  });
}

/** The shipped form: two-space JSON with a trailing newline. */
export function serializeDataset(dataset: Dataset): string {
  return `${JSON.stringify(dataset, null, 2)}\n`;
}

function idOf(value: unknown): string {
  return typeof value === 'object' && value !== null && 'id' in value ? String(value.id) : '';
}
