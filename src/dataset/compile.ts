/**
 * Compiles the reviewed source files (one JSON file per entry or claim) into the single
 * dataset that ships in the extension. Deterministic: sorted by id in code-point order (not
 * locale order), keys in schema order (valibot rebuilds every object in the order the schema
 * declares), so a rebuild of unchanged sources is byte-identical on any machine.
 */
import { byId, compareIds, toJsonText } from './format';
import { parseDataset, type Dataset, type DatasetResult } from './schema';

export interface DatasetSources {
  meta: { schemaVersion: unknown; version: unknown; disambiguations: unknown };
  entries: unknown[];
  claims: unknown[];
  references: unknown[];
}

export function compileDataset(sources: DatasetSources): DatasetResult {
  const meta: Partial<DatasetSources['meta']> =
    typeof sources.meta === 'object' && sources.meta !== null ? sources.meta : {};
  const disambiguations = Array.isArray(meta.disambiguations)
    ? [...(meta.disambiguations as unknown[])].sort((a, b) => compareIds(aliasOf(a), aliasOf(b)))
    : meta.disambiguations;
  return parseDataset({
    schemaVersion: meta.schemaVersion,
    version: meta.version,
    entries: [...sources.entries].sort(byId),
    claims: [...sources.claims].sort(byId),
    references: [...sources.references].sort(byId),
    disambiguations,
  });
}

/** The shipped form: two-space JSON with a trailing newline. */
export function serializeDataset(dataset: Dataset): string {
  return toJsonText(dataset);
}

function aliasOf(value: unknown): string {
  return typeof value === 'object' && value !== null && 'alias' in value
    ? String(value.alias).toLowerCase()
    : '';
}
