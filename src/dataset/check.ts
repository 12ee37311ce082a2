/**
 * `dataset:check` rules as pure functions: they take the source files' text (and, optionally,
 * the generated bundle's text and a gzip measurer) and return problems. No file system here,
 * so every rule can be proven in a unit test with a small in-memory fixture.
 */
import * as v from 'valibot';
import { compileDataset, serializeDataset, type DatasetSources } from './compile';
import { canonicalText, compareIds, sourceKindOf, type SourceKind } from './format';
import { coversAdults, parsePopulation } from './population';
import { aliasKey } from './words';

export { aliasKey };
import {
  ClaimSchema,
  DatasetSchema,
  DisambiguationSchema,
  EntrySchema,
  ReferenceSchema,
  LIMIT_ROLES,
  type Dataset,
  type NumberRole,
} from './schema';

/** One source file, `path` relative to `src/dataset/source/` with forward slashes. */
export interface SourceFile {
  path: string;
  text: string;
}

export const PROBLEM_RULES = [
  'json',
  'file-name',
  'schema',
  'duplicate-id',
  'alias-conflict',
  'alias-policy',
  'bad-disambiguation',
  'unresolved-citation',
  'missing-citation',
  'unused-reference',
  'unknown-claim-entry',
  'claim-pattern',
  'false-friend',
  'prescriber-caveat',
  'limit-population',
  'provisional-mark',
  'alias-scope',
  'markup',
  'summary-length',
  'size-cap',
  'bundle-size',
  'not-canonical',
  'stale-build',
] as const;
export type ProblemRule = (typeof PROBLEM_RULES)[number];

export interface Problem {
  rule: ProblemRule;
  /** File (and field) the problem is in, e.g. `entries/ropinirole.json: aliases[2].text`. */
  where: string;
  message: string;
}

export const MAX_SUMMARY_CHARS = 280;
export const MAX_BUNDLE_GZIP_BYTES = 300 * 1024;

export interface CheckOptions {
  /** Text of `generated/dataset.json`; when given, it must equal a fresh build. */
  generatedText?: string;
  /** Measures the gzipped size of a text in bytes (node:zlib in the script). */
  gzipSize?: (text: string) => number;
  maxGzipBytes?: number;
}

export interface CheckResult {
  problems: Problem[];
  /** The compiled dataset, when the sources compile. */
  dataset?: Dataset;
  /** The serialized bundle, when the sources compile. */
  serialized?: string;
}

// ---------------------------------------------------------------------------------------------
// Loading

interface Located {
  file: string;
  value: unknown;
  /** Path prefix inside the file ("" for one-object files, "[3]" for references). */
  prefix: string;
}

export interface LoadedSources {
  sources: DatasetSources;
  entries: Located[];
  claims: Located[];
  references: Located[];
  meta?: Located;
  problems: Problem[];
  /** Parsed value of every JSON file by path. */
  parsed: Map<string, { kind: SourceKind; value: unknown; text: string }>;
}

/** Parses the source files and groups them; JSON and layout problems are reported. */
export function loadSources(files: readonly SourceFile[]): LoadedSources {
  const problems: Problem[] = [];
  const entries: Located[] = [];
  const claims: Located[] = [];
  const references: Located[] = [];
  const parsed = new Map<string, { kind: SourceKind; value: unknown; text: string }>();
  let meta: Located | undefined;

  for (const file of [...files].sort((a, b) => compareIds(a.path, b.path))) {
    const kind = sourceKindOf(file.path);
    if (!kind) {
      problems.push({
        rule: 'file-name',
        where: file.path,
        message: 'unexpected file: sources are meta.json, references.json, entries/*.json and claims/*.json',
      });
      continue;
    }
    let value: unknown;
    try {
      value = JSON.parse(file.text);
    } catch (error) {
      problems.push({ rule: 'json', where: file.path, message: `not valid JSON: ${(error as Error).message}` });
      continue;
    }
    parsed.set(file.path, { kind, value, text: file.text });
    if (kind === 'meta') meta = { file: file.path, value, prefix: '' };
    else if (kind === 'entry') entries.push({ file: file.path, value, prefix: '' });
    else if (kind === 'claim') claims.push({ file: file.path, value, prefix: '' });
    else if (Array.isArray(value)) {
      value.forEach((item, index) => references.push({ file: file.path, value: item, prefix: `[${index}]` }));
    } else {
      problems.push({ rule: 'schema', where: file.path, message: 'must be a JSON array of references' });
    }
  }
  if (!meta) problems.push({ rule: 'json', where: 'meta.json', message: 'missing file' });
  if (!parsed.has('references.json')) {
    problems.push({ rule: 'json', where: 'references.json', message: 'missing file' });
  }

  const metaValue = record(meta?.value);
  return {
    sources: {
      meta: {
        schemaVersion: metaValue.schemaVersion,
        version: metaValue.version,
        disambiguations: metaValue.disambiguations ?? [],
      },
      entries: entries.map((e) => e.value),
      claims: claims.map((c) => c.value),
      references: references.map((r) => r.value),
    },
    entries,
    claims,
    references,
    meta,
    problems,
    parsed,
  };
}

// ---------------------------------------------------------------------------------------------
// The whole check

/** Runs every rule over the source files. */
export function checkSources(files: readonly SourceFile[], options: CheckOptions = {}): CheckResult {
  const loaded = loadSources(files);
  const problems = [...loaded.problems];
  problems.push(...checkFileNames(loaded));
  problems.push(...datasetRuleProblems(loaded));
  problems.push(...checkCanonical(loaded));

  const compiled = compileDataset(loaded.sources);
  const result: CheckResult = { problems };
  if (compiled.ok) {
    result.dataset = compiled.dataset;
    result.serialized = serializeDataset(compiled.dataset);
    if (options.gzipSize) {
      problems.push(...checkBundleSize(options.gzipSize(result.serialized), options.maxGzipBytes));
    }
    if (options.generatedText !== undefined) {
      problems.push(...checkGenerated(result.serialized, options.generatedText));
    }
  } else if (!problems.some((p) => p.rule === 'schema' || p.rule === 'json')) {
    // Per-file validation passed but the assembled dataset did not (e.g. no entries at all).
    problems.push(...compiled.errors.map((message) => ({ rule: 'schema' as const, where: 'dataset', message })));
  }
  if (options.generatedText !== undefined && !compiled.ok) {
    problems.push({
      rule: 'stale-build',
      where: 'generated/dataset.json',
      message: 'cannot be compared with the sources, which do not compile',
    });
  }
  return result;
}

/**
 * The rules every dataset is held to, wherever it comes from: the source files at build and
 * check time, the file `dataset:publish` signs, and a signed update the extension downloads
 * (`validateDataset`). Only the rules about files (names, canonical format, staleness) are not
 * here. The size caps run first: over them, nothing else is looked at.
 */
function datasetRuleProblems(loaded: LoadedSources, options: { schemaPassed?: boolean } = {}): Problem[] {
  const caps = checkCaps(loaded);
  if (caps.length > 0) return caps;
  return [
    // Known to pass when the whole dataset already passed DatasetSchema (validateDataset): every
    // entry, claim, reference and the meta fields are checked there by these same schemas.
    ...(options.schemaPassed ? [] : checkSchema(loaded)),
    ...checkDuplicateIds(loaded),
    ...checkAliases(loaded),
    ...checkDisambiguations(loaded),
    ...checkCitations(loaded),
    ...checkClaims(loaded),
    ...checkFalseFriends(loaded),
    ...checkPrescriberCaveats(loaded),
    ...checkLimits(loaded),
    ...checkProvisionalMarks(loaded),
    ...checkAliasScope(loaded),
    ...checkText(loaded),
    ...checkSummaries(loaded),
  ];
}

/**
 * Size and count caps, so a dataset (even a correctly signed one) cannot bloat the message
 * every page receives or the work every page does. About 3-10 times what the dataset holds today.
 */
export const DATASET_CAPS = {
  entries: 400,
  claims: 400,
  references: 1500,
  disambiguations: 200,
  /** Aliases of one entry, and of all entries together. */
  aliasesPerEntry: 64,
  aliasesTotal: 4000,
  patternsPerClaim: 32,
  patternsTotal: 2000,
  /** Any other list inside an entry, claim or reference (numbers, caveats, citations, false friends). */
  listItems: 64,
  /** Any single string. The schema sets tighter limits on most fields. */
  stringChars: 2000,
} as const;

function checkCaps(loaded: LoadedSources): Problem[] {
  const problems: Problem[] = [];
  const cap = (here: string, what: string, count: number, max: number) => {
    if (count > max) problems.push({ rule: 'size-cap', where: here, message: `${count} ${what}, over the cap of ${max}` });
  };
  cap('dataset: entries', 'entries', loaded.entries.length, DATASET_CAPS.entries);
  cap('dataset: claims', 'claims', loaded.claims.length, DATASET_CAPS.claims);
  cap('dataset: references', 'references', loaded.references.length, DATASET_CAPS.references);
  cap('meta.json: disambiguations', 'disambiguations', array(record(loaded.meta?.value).disambiguations).length, DATASET_CAPS.disambiguations);
  let aliases = 0;
  let patterns = 0;
  for (const item of loaded.entries) {
    const count = array(record(item.value).aliases).length;
    aliases += count;
    cap(where(item.file, 'aliases'), 'aliases', count, DATASET_CAPS.aliasesPerEntry);
  }
  for (const item of loaded.claims) {
    const count = array(record(item.value).patterns).length;
    patterns += count;
    cap(where(item.file, 'patterns'), 'patterns', count, DATASET_CAPS.patternsPerClaim);
  }
  cap('dataset: aliases', 'aliases in all entries', aliases, DATASET_CAPS.aliasesTotal);
  cap('dataset: patterns', 'patterns in all claims', patterns, DATASET_CAPS.patternsTotal);
  if (problems.length > 0) return problems;
  const items = [...loaded.entries, ...loaded.claims, ...loaded.references];
  // One walk with no paths first (a 1 MB update has ~100,000 values); paths only to name a problem.
  if (!items.some((item) => overCap(item.value, ''))) return problems;
  for (const item of items) {
    walkValues(item.value, item.prefix, (value, path) => {
      if (typeof value === 'string') cap(where(item.file, path), 'characters', value.length, DATASET_CAPS.stringChars);
      else if (Array.isArray(value) && !/(?:^|\.)(?:aliases|patterns)$/.test(path)) {
        cap(where(item.file, path), 'items', value.length, DATASET_CAPS.listItems);
      }
    });
  }
  return problems;
}

/** Whether any string or list under `value` is over its cap (the same rule as checkCaps' walk). */
function overCap(value: unknown, key: string): boolean {
  if (typeof value === 'string') return value.length > DATASET_CAPS.stringChars;
  if (Array.isArray(value)) {
    if (key !== 'aliases' && key !== 'patterns' && value.length > DATASET_CAPS.listItems) return true;
    for (const item of value) if (overCap(item, '')) return true;
    return false;
  }
  if (typeof value === 'object' && value !== null) {
    for (const child in value) if (overCap((value as Record<string, unknown>)[child], child)) return true;
  }
  return false;
}

/** A dataset object (compiled, downloaded or about to be signed) seen as the sources it came from. */
export function loadDataset(value: unknown): LoadedSources {
  const dataset = record(value);
  const entries = array(dataset.entries).map((entry, index) => ({ file: `entries[${index}]`, value: entry, prefix: '' }));
  const claims = array(dataset.claims).map((claim, index) => ({ file: `claims[${index}]`, value: claim, prefix: '' }));
  const references = array(dataset.references).map((ref, index) => ({ file: 'references', value: ref, prefix: `[${index}]` }));
  const metaValue = { schemaVersion: dataset.schemaVersion, version: dataset.version, disambiguations: dataset.disambiguations ?? [] };
  const meta = { file: 'meta.json', value: metaValue, prefix: '' };
  const parsed = new Map<string, { kind: SourceKind; value: unknown; text: string }>();
  parsed.set('meta.json', { kind: 'meta', value: metaValue, text: '' });
  entries.forEach((e) => parsed.set(e.file, { kind: 'entry', value: e.value, text: '' }));
  claims.forEach((c) => parsed.set(c.file, { kind: 'claim', value: c.value, text: '' }));
  parsed.set('references', { kind: 'references', value: array(dataset.references), text: '' });
  return {
    sources: { meta: metaValue, entries: entries.map((e) => e.value), claims: claims.map((c) => c.value), references: references.map((r) => r.value) },
    entries,
    claims,
    references,
    meta,
    problems: [],
    parsed,
  };
}

export type DatasetValidation = { ok: true; dataset: Dataset } | { ok: false; problems: Problem[] };

/**
 * The one validation for a whole dataset: the schema plus every build rule and the size caps.
 * `dataset:publish` refuses to sign what fails it, and the updater refuses to store it.
 */
export function validateDataset(value: unknown): DatasetValidation {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, problems: [{ rule: 'schema', where: 'dataset', message: 'must be a JSON object' }] };
  }
  const loaded = loadDataset(value);
  // The schema once, over the whole dataset (it also builds the result); the per-item schema
  // check runs only when that fails, to name where. Every other rule runs either way.
  const caps = checkCaps(loaded);
  if (caps.length > 0) return { ok: false, problems: caps };
  const compiled = compileDataset(loaded.sources);
  const problems = datasetRuleProblems(loaded, { schemaPassed: compiled.ok });
  if (problems.length > 0) return { ok: false, problems };
  if (!compiled.ok) {
    return { ok: false, problems: compiled.errors.map((message) => ({ rule: 'schema' as const, where: 'dataset', message })) };
  }
  return { ok: true, dataset: compiled.dataset };
}

/** Fails when the gzipped bundle is over the budget. Pure: takes the measured byte count. */
export function checkBundleSize(gzipBytes: number, maxBytes: number = MAX_BUNDLE_GZIP_BYTES): Problem[] {
  if (gzipBytes <= maxBytes) return [];
  return [
    {
      rule: 'bundle-size',
      where: 'generated/dataset.json',
      message: `bundle is ${formatKb(gzipBytes)} gzipped, over the ${formatKb(maxBytes)} budget`,
    },
  ];
}

/** Fails when the shipped bundle differs from a fresh build of the sources. */
export function checkGenerated(freshBuild: string, generatedText: string): Problem[] {
  if (freshBuild === generatedText) return [];
  return [
    {
      rule: 'stale-build',
      where: 'generated/dataset.json',
      message: 'out of date with the sources: run `npm run dataset:build`',
    },
  ];
}

/** One line per problem, for the script's output. */
export function formatProblem(problem: Problem): string {
  return `[${problem.rule}] ${problem.where}: ${problem.message}`;
}

// ---------------------------------------------------------------------------------------------
// Rules

function checkSchema(loaded: LoadedSources): Problem[] {
  const problems: Problem[] = [];
  const validate = (schema: v.GenericSchema, item: Located) => {
    const result = v.safeParse(schema, item.value);
    if (result.success) return;
    for (const issue of result.issues) {
      const path = v.getDotPath(issue);
      problems.push({
        rule: 'schema',
        where: where(item.file, join(item.prefix, path ?? '')),
        message: issue.message,
      });
    }
  };
  for (const item of loaded.entries) validate(EntrySchema, item);
  for (const item of loaded.claims) validate(ClaimSchema, item);
  for (const item of loaded.references) validate(ReferenceSchema, item);
  if (loaded.meta) {
    const metaSchema = v.strictObject({
      schemaVersion: DatasetSchema.entries.schemaVersion,
      version: DatasetSchema.entries.version,
      disambiguations: v.array(DisambiguationSchema),
    });
    validate(metaSchema, loaded.meta);
  }
  return problems;
}

function checkFileNames(loaded: LoadedSources): Problem[] {
  const problems: Problem[] = [];
  for (const item of [...loaded.entries, ...loaded.claims]) {
    const id = record(item.value).id;
    const base = item.file.replace(/^.*\//, '').replace(/\.json$/, '');
    if (typeof id === 'string' && id !== base) {
      problems.push({ rule: 'file-name', where: item.file, message: `file name must be the id: ${id}.json` });
    }
  }
  return problems;
}

function checkDuplicateIds(loaded: LoadedSources): Problem[] {
  const problems: Problem[] = [];
  const scan = (kind: string, items: Located[]) => {
    const seen = new Map<string, string>();
    for (const item of items) {
      const id = record(item.value).id;
      if (typeof id !== 'string') continue;
      const first = seen.get(id);
      const here = where(item.file, item.prefix);
      if (first) problems.push({ rule: 'duplicate-id', where: here, message: `${kind} id "${id}" is also used in ${first}` });
      else seen.set(id, here);
    }
  };
  scan('entry', loaded.entries);
  scan('claim', loaded.claims);
  scan('reference', loaded.references);
  return problems;
}


// Short all-capital acronyms ("RLS", "WED", "CBD") are ordinary words or letters elsewhere.
const ACRONYM = /^(?=.*[A-Z].*[A-Z])[A-Za-z0-9]{2,6}$/;
const FORBIDDEN_ALIASES = new Set(['restless', 'k', 'gaba', 'mag']);

function checkAliases(loaded: LoadedSources): Problem[] {
  const problems: Problem[] = [];
  const winners = new Map<string, string>();
  for (const d of array(record(loaded.meta?.value).disambiguations)) {
    const alias = record(d).alias;
    if (typeof alias === 'string') winners.set(aliasKey(alias), String(record(d).entry));
  }
  const owners = new Map<string, string[]>();
  for (const item of loaded.entries) {
    const entry = record(item.value);
    const id = String(entry.id);
    // Alias key → the exact spellings listed (null: any case). Case-sensitive spellings of one
    // key are distinct aliases ("RLS" and "rls", and never "Rls").
    const inEntry = new Map<string, Array<string | null>>();
    array(entry.aliases).forEach((aliasValue, index) => {
      const alias = record(aliasValue);
      if (typeof alias.text !== 'string') return;
      const key = aliasKey(alias.text);
      const here = where(item.file, `aliases[${index}].text`);
      const spelling = alias.caseSensitive === true ? alias.text : null;
      const seen = inEntry.get(key) ?? [];
      if (seen.some((s) => s === null || spelling === null || s === spelling)) {
        problems.push({ rule: 'alias-conflict', where: here, message: `alias "${alias.text}" is listed twice in this entry` });
      }
      inEntry.set(key, [...seen, spelling]);
      if (FORBIDDEN_ALIASES.has(key)) {
        problems.push({ rule: 'alias-policy', where: here, message: `"${alias.text}" is too ambiguous to be an alias` });
      }
      // Only letters-and-digits acronyms with at least two capitals, and not a mixed-case name
      // ("Requip"): "RLS", "WED", "GEn" style tokens.
      const isAcronym = ACRONYM.test(alias.text) && alias.text.length <= 5 && alias.text !== capitalized(alias.text);
      if (isAcronym && alias.caseSensitive !== true) {
        problems.push({
          rule: 'alias-policy',
          where: here,
          message: `short acronym "${alias.text}" must be caseSensitive: true (it is an ordinary word elsewhere)`,
        });
      }
    });
    for (const key of inEntry.keys()) owners.set(key, [...(owners.get(key) ?? []), id]);
  }
  for (const [key, ids] of owners) {
    if (ids.length < 2) continue;
    const winner = winners.get(key);
    if (winner && ids.includes(winner)) continue;
    problems.push({
      rule: 'alias-conflict',
      where: 'meta.json: disambiguations',
      message: `alias "${key}" is claimed by ${ids.join(', ')} without a disambiguation naming the winner`,
    });
  }
  return problems;
}

function checkDisambiguations(loaded: LoadedSources): Problem[] {
  const problems: Problem[] = [];
  const aliasesById = new Map<string, Set<string>>();
  const owners = new Map<string, number>();
  for (const item of loaded.entries) {
    const entry = record(item.value);
    const keys = new Set(
      array(entry.aliases)
        .map((a) => record(a).text)
        .filter((t): t is string => typeof t === 'string')
        .map(aliasKey),
    );
    aliasesById.set(String(entry.id), keys);
    for (const key of keys) owners.set(key, (owners.get(key) ?? 0) + 1);
  }
  const seen = new Set<string>();
  array(record(loaded.meta?.value).disambiguations).forEach((value, index) => {
    const d = record(value);
    const here = where('meta.json', `disambiguations[${index}]`);
    if (typeof d.alias !== 'string' || typeof d.entry !== 'string') return; // schema reports it
    const key = aliasKey(d.alias);
    if (seen.has(key)) problems.push({ rule: 'bad-disambiguation', where: here, message: `alias "${d.alias}" is disambiguated twice` });
    seen.add(key);
    const aliases = aliasesById.get(d.entry);
    if (!aliases) {
      problems.push({ rule: 'bad-disambiguation', where: here, message: `names unknown entry "${d.entry}"` });
    } else if (!aliases.has(key)) {
      problems.push({ rule: 'bad-disambiguation', where: here, message: `entry "${d.entry}" has no alias "${d.alias}"` });
    } else if ((owners.get(key) ?? 0) < 2) {
      problems.push({
        rule: 'bad-disambiguation',
        where: here,
        message: `alias "${d.alias}" is claimed by one entry only: the disambiguation is not needed`,
      });
    }
  });
  return problems;
}

function checkCitations(loaded: LoadedSources): Problem[] {
  const problems: Problem[] = [];
  const known = new Set(
    loaded.references.map((r) => record(r.value).id).filter((id): id is string => typeof id === 'string'),
  );
  const used = new Set<string>();
  const cite = (file: string, path: string, value: unknown, required: boolean) => {
    const list = array(value);
    if (required && list.length === 0) {
      problems.push({ rule: 'missing-citation', where: where(file, path), message: 'has no citation' });
    }
    list.forEach((id, index) => {
      if (typeof id !== 'string') return;
      used.add(id);
      if (!known.has(id)) {
        problems.push({
          rule: 'unresolved-citation',
          where: where(file, `${path}[${index}]`),
          message: `"${id}" is not a reference in references.json`,
        });
      }
    });
  };
  for (const item of loaded.entries) {
    const entry = record(item.value);
    cite(item.file, 'citations', entry.citations, true);
    array(entry.numbers).forEach((n, i) => cite(item.file, `numbers[${i}].citations`, record(n).citations, true));
    array(entry.caveats).forEach((c, i) => cite(item.file, `caveats[${i}].citations`, record(c).citations, true));
  }
  for (const item of loaded.claims) cite(item.file, 'citations', record(item.value).citations, true);
  for (const item of loaded.references) {
    const id = record(item.value).id;
    if (typeof id === 'string' && !used.has(id)) {
      problems.push({
        rule: 'unused-reference',
        where: where(item.file, item.prefix),
        message: `reference "${id}" is cited by no entry or claim: cite it or remove it`,
      });
    }
  }
  return problems;
}

/**
 * The declarative pattern grammar the claim detector accepts: lower-case words, optional words
 * (`word?`), one-word alternations (`(cures|fixes)`, optionally `?`), the one-word wildcard
 * `.` / `.?`, and `*` (any few words within the sentence), separated by single spaces. No
 * #Tags, no regex, nothing that looks like code.
 */
const PATTERN_TOKEN = /^(?:[a-z0-9]+(?:'[a-z]+)?\??|\((?:[a-z0-9]+(?:'[a-z]+)?)(?:\|[a-z0-9]+(?:'[a-z]+)?)+\)\??|\.\??|\*)$/;

export function patternProblems(pattern: string): string[] {
  const issues: string[] = [];
  if (pattern !== pattern.trim() || /\s{2,}/.test(pattern)) issues.push('extra whitespace');
  const tokens = pattern.trim().split(/\s+/);
  const bad = tokens.filter((token) => !PATTERN_TOKEN.test(token));
  if (bad.length > 0) issues.push(`not allowed: ${bad.map((t) => `"${t}"`).join(', ')}`);
  const literal = tokens.filter((t) => !t.startsWith('.') && !t.endsWith('?') && t !== '*');
  if (literal.length === 0) issues.push('needs at least one required word');
  return issues;
}

function checkClaims(loaded: LoadedSources): Problem[] {
  const problems: Problem[] = [];
  const entryIds = new Set(loaded.entries.map((e) => String(record(e.value).id)));
  for (const item of loaded.claims) {
    const claim = record(item.value);
    array(claim.entries).forEach((id, index) => {
      if (typeof id === 'string' && !entryIds.has(id)) {
        problems.push({
          rule: 'unknown-claim-entry',
          where: where(item.file, `entries[${index}]`),
          message: `"${id}" is not an entry id`,
        });
      }
    });
    array(claim.patterns).forEach((pattern, index) => {
      if (typeof pattern !== 'string') return;
      for (const issue of patternProblems(pattern)) {
        problems.push({
          rule: 'claim-pattern',
          where: where(item.file, `patterns[${index}]`),
          message: `"${pattern}": ${issue}`,
        });
      }
    });
  }
  return problems;
}

function checkFalseFriends(loaded: LoadedSources): Problem[] {
  const problems: Problem[] = [];
  for (const item of loaded.entries) {
    const entry = record(item.value);
    const aliases = array(entry.aliases)
      .map((a) => record(a).text)
      .filter((t): t is string => typeof t === 'string')
      .map(aliasKey);
    array(record(entry.match).falseFriends).forEach((phrase, index) => {
      if (typeof phrase !== 'string') return;
      const padded = ` ${aliasKey(phrase)} `;
      // A false friend only matters if it contains one of the entry's own aliases as words
      // (plural or possessive endings allowed, as the matcher allows them).
      const containsAlias = aliases.some((alias) =>
        new RegExp(` ${escapeRegex(alias)}(?:'s|s|es)? `).test(padded),
      );
      if (!containsAlias) {
        problems.push({
          rule: 'false-friend',
          where: where(item.file, `match.falseFriends[${index}]`),
          message: `"${phrase}" contains none of the entry's aliases, so it can never apply`,
        });
      }
    });
  }
  return problems;
}

/** The caveat a prescription medicine must carry, and a word its text must hold. */
export const PRESCRIBER_WORD = /\bprescriber\b/i;

function checkPrescriberCaveats(loaded: LoadedSources): Problem[] {
  const problems: Problem[] = [];
  for (const item of loaded.entries) {
    const entry = record(item.value);
    if (entry.kind === 'drug' && entry.prescription !== true) {
      problems.push({
        rule: 'prescriber-caveat',
        where: where(item.file, 'prescription'),
        message: 'a drug entry is a prescription medicine: set "prescription": true',
      });
    }
    if (entry.kind !== 'drug' && entry.prescription !== true) continue;
    const caveats = array(entry.caveats).map(record);
    const prescriber = caveats.filter((c) => c.role === 'prescriber');
    if (prescriber.length === 0) {
      problems.push({
        rule: 'prescriber-caveat',
        where: where(item.file, 'caveats'),
        message:
          'a prescription medicine needs a caveat with "role": "prescriber" (do not stop or change it without talking to your prescriber)',
      });
    }
    prescriber.forEach((caveat) => {
      const index = caveats.indexOf(caveat);
      if (typeof caveat.text === 'string' && !PRESCRIBER_WORD.test(caveat.text)) {
        problems.push({
          rule: 'prescriber-caveat',
          where: where(item.file, `caveats[${index}].text`),
          message: 'the prescriber caveat must tell the reader to talk to their prescriber',
        });
      }
    });
  }
  return problems;
}

const PER_DAY_UNITS = new Set(['mg/day', 'mg/24h']);
const DOSE_ROLES: readonly NumberRole[] = ['usual-daily-dose', 'no-added-benefit-daily-dose'];

/**
 * Dose limits are held against what a page says, so each must say whom it is for (a population
 * the dose check understands), who set it (`basis`) and that it is per day. Elemental contents
 * name their compound and its weight. One limit per role and population.
 */
function checkLimits(loaded: LoadedSources): Problem[] {
  const problems: Problem[] = [];
  for (const item of loaded.entries) {
    const entry = record(item.value);
    const seen = new Map<string, number>();
    array(entry.numbers).forEach((value, index) => {
      const n = record(value);
      const role = n.role as NumberRole;
      const here = where(item.file, `numbers[${index}]`);
      const fail = (message: string) => problems.push({ rule: 'limit-population', where: here, message });
      if (role === 'elemental-content') {
        if (typeof n.compound !== 'string' || typeof n.compoundAmount !== 'number') {
          fail('an elemental content needs "compound" and "compoundAmount" (the weight of the compound it is in)');
        }
        return;
      }
      if (n.compound !== undefined || n.compoundAmount !== undefined) {
        fail('"compound" and "compoundAmount" belong to elemental-content numbers only');
      }
      const isLimit = LIMIT_ROLES.includes(role);
      if (!isLimit && !DOSE_ROLES.includes(role)) {
        if (n.basis !== undefined) fail('"basis" belongs to dose limits only');
        return;
      }
      if (typeof n.unit === 'string' && !PER_DAY_UNITS.has(n.unit)) {
        fail(`a daily dose or limit needs a per-day unit (mg/day or mg/24h), not "${n.unit}"`);
      }
      if (!isLimit) return;
      if (typeof n.population !== 'string') {
        fail('a dose limit needs the population it applies to ("adults", "ages 4-8", "ESRD on dialysis")');
        return;
      }
      if (n.basis === undefined) fail('a dose limit needs a "basis" (who set it: "us-label", "us-upper-intake-level")');
      const population = parsePopulation(n.population);
      if (role !== 'other-indication-max-daily-dose' && population.kind === 'other') {
        fail(`population "${n.population}" is not one the dose check understands (adults, ages N-M, ages N and over, dialysis)`);
      }
      if (role === 'other-indication-max-daily-dose' && population.kind !== 'other') {
        fail('a maximum for another indication names that indication as its population');
      }
      const key = `${role} ${population.kind === 'ages' ? `${population.min}-${population.max}` : population.kind === 'other' ? n.population : population.kind}`;
      if (seen.has(key)) fail(`two ${role} numbers for the same population ("${n.population}")`);
      seen.set(key, index);
    });
    // A dose limit that applies only to special groups would silently apply to everyone else.
    const limits = array(entry.numbers).map(record).filter((n) => n.role === 'rls-max-daily-dose' || n.role === 'upper-intake-daily');
    for (const role of ['rls-max-daily-dose', 'upper-intake-daily']) {
      const ofRole = limits.filter((n) => n.role === role);
      if (ofRole.length > 0 && !ofRole.some((n) => typeof n.population === 'string' && coversAdults(parsePopulation(n.population)))) {
        problems.push({
          rule: 'limit-population',
          where: where(item.file, 'numbers'),
          message: `the ${role} numbers need one for adults (the dose check's default population)`,
        });
      }
    }
  }
  return problems;
}

/** Words that mark a fact as reported rather than verified ("reportedly", "may"). */
export const SOFT_WORDING = /\b(?:reportedly|reported|reports?|suggests?|suggested|may|might|appears?|seems?|according\s+to|said\s+to|provisional)\b/i;

/**
 * Secondary-only facts are marked and worded softly: a number or caveat whose sources are all
 * secondary is `provisional`; a provisional caveat or entry summary, and a claim explanation
 * that cites a secondary source, use soft wording ("reportedly").
 */
function checkProvisionalMarks(loaded: LoadedSources): Problem[] {
  const problems: Problem[] = [];
  const status = new Map<string, unknown>();
  for (const r of loaded.references) status.set(String(record(r.value).id), record(r.value).status);
  const secondaryOnly = (citations: unknown) => {
    const list = array(citations).filter((c): c is string => typeof c === 'string' && status.has(c));
    return list.length > 0 && list.every((c) => status.get(c) === 'secondary');
  };
  const anySecondary = (citations: unknown) => array(citations).some((c) => typeof c === 'string' && status.get(c) === 'secondary');
  for (const item of loaded.entries) {
    const entry = record(item.value);
    if (entry.provisional === true && typeof entry.summary === 'string' && !SOFT_WORDING.test(entry.summary)) {
      problems.push({
        rule: 'provisional-mark',
        where: where(item.file, 'summary'),
        message: 'the entry is provisional: word the summary softly ("reportedly", "may")',
      });
    }
    for (const field of ['numbers', 'caveats'] as const) {
      array(entry[field]).forEach((value, index) => {
        const fact = record(value);
        const here = where(item.file, `${field}[${index}]`);
        // The prescriber caveat is advice, not a fact, whatever its sources.
        if (fact.role === 'prescriber') return;
        if (secondaryOnly(fact.citations) && fact.provisional !== true) {
          problems.push({ rule: 'provisional-mark', where: here, message: 'rests on secondary sources only: set "provisional": true' });
        }
        if (field === 'caveats' && fact.provisional === true && typeof fact.text === 'string' && !SOFT_WORDING.test(fact.text)) {
          problems.push({ rule: 'provisional-mark', where: `${here}.text`, message: 'a provisional caveat is worded softly ("reportedly", "may")' });
        }
      });
    }
  }
  for (const item of loaded.claims) {
    const claim = record(item.value);
    if ((claim.provisional === true || anySecondary(claim.citations)) && typeof claim.explanation === 'string' && !SOFT_WORDING.test(claim.explanation)) {
      problems.push({
        rule: 'provisional-mark',
        where: where(item.file, 'explanation'),
        message: 'cites a secondary source: word the secondary-only facts softly ("reportedly", "may")',
      });
    }
  }
  return problems;
}

/**
 * Words that name a group of agents (or a form wider than the one a guideline rated). Such an
 * alias would carry one agent's verdict to all the others, so it may only belong to an entry
 * marked `"group": true`, whose verdict is written for the group.
 */
export const CLASS_ALIASES = new Set(
  [
    'opioid', 'opioids', 'opiate', 'opiates', 'opioid painkiller', 'narcotic', 'narcotics', 'oxycodone',
    'benzodiazepine', 'benzodiazepines', 'benzo', 'benzos',
    'iv iron', 'intravenous iron', 'iron infusion', 'iron infusions', 'iron injection',
    'dopamine agonist', 'dopamine agonists', 'dopaminergic drug', 'dopaminergic drugs', 'dopamine drug', 'dopamine drugs',
    'antidepressant', 'antidepressants', 'ssri', 'snri', 'antipsychotic', 'antipsychotics', 'neuroleptic', 'neuroleptics',
    'sedating antihistamine', 'first generation antihistamine', 'anticonvulsant', 'anticonvulsants',
    'antioxidant vitamins', 'alpha 2 delta ligand', 'gabapentinoid', 'gabapentinoids',
  ].map(aliasKey),
);
const STRONG_VERDICTS = new Set(['recommended-strong', 'not-recommended-strong']);

function checkAliasScope(loaded: LoadedSources): Problem[] {
  const problems: Problem[] = [];
  for (const item of loaded.entries) {
    const entry = record(item.value);
    const group = entry.group === true;
    const members = array(entry.members).map((id) => loaded.entries.find((e) => record(e.value).id === id));
    const membersShareVerdict =
      members.length > 0 && members.every((member) => member && record(member.value).verdict === entry.verdict);
    if (group && typeof entry.verdict === 'string' && STRONG_VERDICTS.has(entry.verdict) && !membersShareVerdict) {
      problems.push({
        rule: 'alias-scope',
        where: where(item.file, 'verdict'),
        message:
          'a group entry cannot carry a strong verdict unless it lists its members and each carries it: strong recommendations name agents',
      });
    }
    if (group) continue;
    array(entry.aliases).forEach((value, index) => {
      const text = record(value).text;
      if (typeof text !== 'string' || !CLASS_ALIASES.has(aliasKey(text))) return;
      problems.push({
        rule: 'alias-scope',
        where: where(item.file, `aliases[${index}].text`),
        message: `"${text}" names a group wider than this entry's recommendation: move it to a "group": true entry`,
      });
    });
  }
  return problems;
}

// Markup and invisible characters: the schema rejects < > and C0 controls; the check also names
// HTML entities and Unicode format characters (zero-width, bidi overrides, line separators).
const MARKUP_CHECKS: Array<[RegExp, (m: string) => string]> = [
  [/[<>]/, (m) => `HTML markup character "${m}"`],
  [/&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);/i, (m) => `HTML entity "${m}"`],
  [
    /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/,
    (m) => `control or invisible character U+${m.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`,
  ],
];

export function markupProblems(text: string): string[] {
  const found: string[] = [];
  for (const [regex, describe] of MARKUP_CHECKS) {
    const match = regex.exec(text);
    if (match) found.push(describe(match[0]));
  }
  return found;
}

/** Any character that any of MARKUP_CHECKS looks for (an entity starts with "&"). */
const MARKUP_SUSPECT = /[<>&\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;

/** Every string under `value`, in order (no paths: those are built only to name a problem). */
function collectStrings(value: unknown, into: string[]): string[] {
  if (typeof value === 'string') into.push(value);
  else if (Array.isArray(value)) for (const item of value) collectStrings(item, into);
  else if (typeof value === 'object' && value !== null) {
    for (const key in value) collectStrings((value as Record<string, unknown>)[key], into);
  }
  return into;
}

function checkText(loaded: LoadedSources): Problem[] {
  const problems: Problem[] = [];
  const check = (file: string, value: unknown, prefix: string) => {
    // Most texts hold none of the characters looked for: one regex scan over all of an item's
    // strings joined by a space (not a suspect character), no paths built.
    if (!MARKUP_SUSPECT.test(collectStrings(value, []).join(' '))) return;
    walkStrings(value, prefix, (text, path) => {
      for (const description of markupProblems(text)) {
        problems.push({ rule: 'markup', where: where(file, path), message: `${description}: text must be plain` });
      }
    });
  };
  for (const [file, { value }] of loaded.parsed) {
    // A list file (references) item by item, so one "&" in a title does not walk them all.
    if (Array.isArray(value)) value.forEach((item, index) => check(file, item, `[${index}]`));
    else check(file, value, '');
  }
  return problems;
}

function checkSummaries(loaded: LoadedSources): Problem[] {
  const problems: Problem[] = [];
  for (const item of loaded.entries) {
    const summary = record(item.value).summary;
    if (typeof summary === 'string' && summary.trim().length > MAX_SUMMARY_CHARS) {
      problems.push({
        rule: 'summary-length',
        where: where(item.file, 'summary'),
        message: `summary is ${summary.trim().length} characters; the limit is ${MAX_SUMMARY_CHARS}`,
      });
    }
  }
  return problems;
}

function checkCanonical(loaded: LoadedSources): Problem[] {
  const problems: Problem[] = [];
  for (const [file, { kind, text }] of loaded.parsed) {
    const canonical = canonicalText(kind, text);
    if (canonical !== undefined && canonical !== text) {
      problems.push({
        rule: 'not-canonical',
        where: file,
        message: 'not in canonical format: run `npm run dataset:format`',
      });
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Helpers

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

function array(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function join(prefix: string, path: string): string {
  if (!prefix) return path;
  if (!path) return prefix;
  return path.startsWith('[') ? `${prefix}${path}` : `${prefix}.${path}`;
}

function where(file: string, path: string): string {
  return path ? `${file}: ${path}` : file;
}

function walkStrings(value: unknown, path: string, visit: (text: string, path: string) => void): void {
  if (typeof value === 'string') visit(value, path);
  else if (Array.isArray(value)) value.forEach((item, i) => walkStrings(item, `${path}[${i}]`, visit));
  else if (typeof value === 'object' && value !== null) {
    for (const [key, child] of Object.entries(value)) walkStrings(child, path ? `${path}.${key}` : key, visit);
  }
}

function walkValues(value: unknown, path: string, visit: (value: unknown, path: string) => void): void {
  visit(value, path);
  if (Array.isArray(value)) value.forEach((item, i) => walkValues(item, `${path}[${i}]`, visit));
  else if (typeof value === 'object' && value !== null) {
    for (const [key, child] of Object.entries(value)) walkValues(child, path ? `${path}.${key}` : key, visit);
  }
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1).toLowerCase();
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function formatKb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}
