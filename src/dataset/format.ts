/**
 * The canonical form of the dataset's source files, shared by `dataset:format` (which writes
 * it) and `dataset:check` (which fails when a file is not in it): two-space JSON, object keys
 * in the order the schema declares them (unknown keys last, in their original order, so the
 * schema check can still report them), a trailing newline. Arrays keep their order, except
 * that `references.json` is sorted by id.
 */
import {
  AliasSchema,
  CaveatSchema,
  ClaimSchema,
  DatasetSchema,
  DisambiguationSchema,
  EntrySchema,
  KeyNumberSchema,
  MatchPolicySchema,
  ReferenceSchema,
} from './schema';

/** Which kind of source file a path (relative to `src/dataset/source/`) holds. */
export type SourceKind = 'meta' | 'references' | 'entry' | 'claim';

export function sourceKindOf(path: string): SourceKind | undefined {
  const normalized = path.replace(/\\/g, '/');
  if (normalized === 'meta.json') return 'meta';
  if (normalized === 'references.json') return 'references';
  if (/^entries\/[^/]+\.json$/.test(normalized)) return 'entry';
  if (/^claims\/[^/]+\.json$/.test(normalized)) return 'claim';
  return undefined;
}

const keys = (schema: { entries: Record<string, unknown> }) => Object.keys(schema.entries);

const ENTRY_KEYS = keys(EntrySchema);
const ALIAS_KEYS = keys(AliasSchema);
const MATCH_KEYS = keys(MatchPolicySchema);
const NUMBER_KEYS = keys(KeyNumberSchema);
const CAVEAT_KEYS = keys(CaveatSchema);
const CLAIM_KEYS = keys(ClaimSchema);
const REFERENCE_KEYS = keys(ReferenceSchema);
const DISAMBIGUATION_KEYS = keys(DisambiguationSchema);
const META_KEYS = ['schemaVersion', 'version', 'disambiguations'].filter((key) =>
  keys(DatasetSchema).includes(key),
);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Copies `value` with its keys in `order` first; nested fields are reordered by `nested`. */
function ordered(
  value: unknown,
  order: readonly string[],
  nested: Record<string, (child: unknown) => unknown> = {},
): unknown {
  if (!isRecord(value)) return value;
  const out: Record<string, unknown> = {};
  const rest = Object.keys(value).filter((key) => !order.includes(key));
  for (const key of [...order, ...rest]) {
    if (!(key in value)) continue;
    const child = value[key];
    const transform = nested[key];
    out[key] = transform ? transform(child) : child;
  }
  return out;
}

const eachItem = (transform: (item: unknown) => unknown) => (value: unknown) =>
  Array.isArray(value) ? value.map(transform) : value;

export const canonicalEntry = (value: unknown): unknown =>
  ordered(value, ENTRY_KEYS, {
    aliases: eachItem((alias) => ordered(alias, ALIAS_KEYS)),
    match: (match) => ordered(match, MATCH_KEYS),
    numbers: eachItem((number) => ordered(number, NUMBER_KEYS)),
    caveats: eachItem((caveat) => ordered(caveat, CAVEAT_KEYS)),
  });

export const canonicalClaim = (value: unknown): unknown => ordered(value, CLAIM_KEYS);

export const canonicalReference = (value: unknown): unknown => ordered(value, REFERENCE_KEYS);

export const canonicalMeta = (value: unknown): unknown =>
  ordered(value, META_KEYS, {
    disambiguations: eachItem((item) => ordered(item, DISAMBIGUATION_KEYS)),
  });

function idOf(value: unknown): string {
  return isRecord(value) && typeof value.id === 'string' ? value.id : '';
}

/** Code-point order: the same on every machine and locale, unlike `localeCompare`. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function byId(a: unknown, b: unknown): number {
  return compareIds(idOf(a), idOf(b));
}

/** The canonical value of one parsed source file. */
export function canonicalValue(kind: SourceKind, value: unknown): unknown {
  switch (kind) {
    case 'meta':
      return canonicalMeta(value);
    case 'references':
      return Array.isArray(value) ? [...value].sort(byId).map(canonicalReference) : value;
    case 'entry':
      return canonicalEntry(value);
    case 'claim':
      return canonicalClaim(value);
  }
}

/** Two-space JSON with a trailing newline: the one text form of every dataset JSON file. */
export function toJsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/**
 * The canonical text of a source file, or `undefined` when the text is not JSON (the check
 * reports that separately; the formatter leaves such a file alone).
 */
export function canonicalText(kind: SourceKind, text: string): string | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  return toJsonText(canonicalValue(kind, value));
}
