/**
 * The evidence dataset format: the one definition that the build scripts, the background
 * updater and the engine all validate against. Purely declarative data: no HTML, no code,
 * no expressions (store policy for remotely updated data).
 */
import * as v from 'valibot';

export const SCHEMA_VERSION = 1;

/** What a reader sees at a glance. Order is display order, best-supported first. */
export const VERDICTS = [
  'recommended-strong',
  'recommended-conditional',
  'some-evidence',
  'insufficient-evidence',
  'not-recommended-conditional',
  'not-recommended-strong',
  'not-an-rls-treatment',
  'can-worsen-rls',
  'about-the-condition',
] as const;
export type Verdict = (typeof VERDICTS)[number];

/** GRADE-style certainty behind the verdict; `not-graded` where no guideline graded it. */
export const CERTAINTIES = ['high', 'moderate', 'low', 'very-low', 'not-graded'] as const;
export type Certainty = (typeof CERTAINTIES)[number];

export const ENTRY_KINDS = [
  'condition',
  'complication',
  'supplement',
  'drug',
  'device',
  'food',
  'lifestyle',
  'aggravator',
] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

export const CLAIM_VERDICTS = [
  'false',
  'not-supported',
  'misleading',
  'partly-true',
  'accurate-with-caveat',
  'anecdote',
  'consistent-with-evidence',
] as const;
export type ClaimVerdict = (typeof CLAIM_VERDICTS)[number];

/** Units a key number may carry. Kept closed so the dose checker can convert between them. */
export const UNITS = [
  'mg',
  'g',
  'mcg',
  'IU',
  'mg/day',
  'mg/24h',
  'IU/week',
  'ng/mL',
  'mcg/L',
  '%',
  'mmol/L',
  'points',
  'participants',
  'studies',
  'weeks',
  'minutes',
  'hours',
  'years',
] as const;
export type Unit = (typeof UNITS)[number];

/** Key numbers with a role the engine acts on (dose checks); everything else is `info`. */
export const NUMBER_ROLES = [
  'rls-max-daily-dose',
  'other-indication-max-daily-dose',
  'upper-intake-daily',
  'usual-daily-dose',
  'no-added-benefit-daily-dose',
  'elemental-content',
  'iron-threshold',
  'info',
] as const;
export type NumberRole = (typeof NUMBER_ROLES)[number];

/** Roles a dose on a page is held against: each needs a `population`, a `basis` and a per-day unit. */
export const LIMIT_ROLES: readonly NumberRole[] = ['rls-max-daily-dose', 'other-indication-max-daily-dose', 'upper-intake-daily'];

/**
 * Who set a dose limit, as the reader is told: `us-label` is "the US label's maximum" (another
 * country's label may differ), `us-upper-intake-level` the US tolerable upper intake level.
 */
export const LIMIT_BASES = ['us-label', 'us-upper-intake-level'] as const;
export type LimitBasis = (typeof LIMIT_BASES)[number];

/** Caveat roles: `prescriber` is the "do not stop or change it without your prescriber" caveat. */
export const CAVEAT_ROLES = ['prescriber'] as const;
export type CaveatRole = (typeof CAVEAT_ROLES)[number];

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const REFERENCE_ID = /^[A-Z0-9]+(?:-[A-Z0-9]+)*$/;
// Plain prose only: no markup, no control characters (tab and newline excluded too).
const NO_MARKUP = /^[^<>\u0000-\u001f\u007f]*$/;

const text = (max: number) =>
  v.pipe(
    v.string(),
    v.trim(),
    v.minLength(1),
    v.maxLength(max),
    v.regex(NO_MARKUP, 'must be plain text: no HTML and no control characters'),
  );
const citations = v.pipe(v.array(v.pipe(v.string(), v.regex(REFERENCE_ID))), v.minLength(1));

export const AliasSchema = v.strictObject({
  text: text(80),
  /** Case-sensitive aliases match only as written ("RLS", "Mg"); all others ignore case. */
  caseSensitive: v.optional(v.boolean()),
  /** A misspelling seen in the wild: matched, never shown as the name. */
  misspelling: v.optional(v.boolean()),
  /**
   * The word has common meanings outside health (an element, a product name): an occurrence
   * is marked only where its sentence, or else its page, reads as health ("magnesium", not in
   * "magnesium burns with a white flame").
   */
  otherSenses: v.optional(v.literal(true)),
});
export type Alias = v.InferOutput<typeof AliasSchema>;

export const MatchPolicySchema = v.strictObject({
  /**
   * `always`: on any page about human health. `health-context`: also only in the main content
   * and never in a sentence that reads as another sense. `rls-context`: everyday words
   * (coffee, yoga, pregnancy), besides, only where the text is about RLS: the page or the
   * section the word stands in.
   */
  scope: v.picklist(['always', 'health-context', 'rls-context']),
  /** Phrases that contain an alias but mean something else ("cast iron", "magnesium stearate"). */
  falseFriends: v.array(text(80)),
  /** A mention of this entry says the page is about RLS itself (the condition, not a treatment). */
  signalsRls: v.optional(v.literal(true)),
});
export type MatchPolicy = v.InferOutput<typeof MatchPolicySchema>;

export const KeyNumberSchema = v.strictObject({
  label: text(120),
  role: v.picklist(NUMBER_ROLES),
  value: v.pipe(v.number(), v.finite()),
  /** Upper end of a range, when the source gives one. */
  valueMax: v.optional(v.pipe(v.number(), v.finite())),
  unit: v.picklist(UNITS),
  /** Who the number applies to ("adults", "ages 1-3", "ESRD on dialysis"). */
  population: v.optional(text(80)),
  /** Who set a limit (limit roles only): shown as "the US label's maximum". */
  basis: v.optional(v.picklist(LIMIT_BASES)),
  /** `elemental-content` only: the compound ("magnesium oxide") and its weight the value is in. */
  compound: v.optional(text(80)),
  compoundAmount: v.optional(v.pipe(v.number(), v.finite(), v.gtValue(0))),
  provisional: v.boolean(),
  citations,
});
export type KeyNumber = v.InferOutput<typeof KeyNumberSchema>;

export const CaveatSchema = v.strictObject({
  /** `prescriber`: the caveat every prescription medicine carries (dataset:check requires it). */
  role: v.optional(v.picklist(CAVEAT_ROLES)),
  text: text(280),
  provisional: v.boolean(),
  citations,
});
export type Caveat = v.InferOutput<typeof CaveatSchema>;

export const EntrySchema = v.strictObject({
  id: v.pipe(v.string(), v.regex(ID)),
  name: text(80),
  kind: v.picklist(ENTRY_KINDS),
  /** A prescription medicine: it must carry a `prescriber` caveat. Every `drug` is one. */
  prescription: v.boolean(),
  /**
   * The entry names a group of agents (opioids, IV irons, benzodiazepines) rather than one: only
   * such entries may hold class words as aliases, and their verdict may not be a strong one.
   */
  group: v.optional(v.boolean()),
  /**
   * A group's member entries, when the group is exactly those agents: a group may carry a
   * strong verdict only when every member carries it (the alpha-2-delta ligands).
   */
  members: v.optional(v.array(v.pipe(v.string(), v.regex(ID)))),
  aliases: v.pipe(v.array(AliasSchema), v.minLength(1)),
  match: MatchPolicySchema,
  verdict: v.picklist(VERDICTS),
  /**
   * The condition the verdict is about, as the reader sees it ("For RLS: ..."): "RLS" or a
   * narrower population of it ("RLS on haemodialysis"). Never another condition.
   */
  verdictFor: v.pipe(text(60), v.regex(/^RLS(?:\s|$)/, 'a verdict is about RLS: start with "RLS"')),
  /** Who issued the verdict, in a few words ("AASM 2024 guideline"). */
  verdictSource: text(120),
  certainty: v.picklist(CERTAINTIES),
  /** True when the verdict or certainty rests on secondary sources only. */
  provisional: v.boolean(),
  summary: text(280),
  numbers: v.array(KeyNumberSchema),
  caveats: v.array(CaveatSchema),
  citations,
  reviewed: v.pipe(v.string(), v.isoDate()),
});
export type Entry = v.InferOutput<typeof EntrySchema>;

export const ClaimSchema = v.strictObject({
  id: v.pipe(v.string(), v.regex(ID)),
  /** The claim as blogs put it, paraphrased. */
  statement: text(200),
  /**
   * Declarative patterns: compromise match strings ("magnesium (cures|fixes) [rls]") or
   * plain phrases. Never code.
   */
  patterns: v.pipe(v.array(text(200)), v.minLength(1)),
  /** Entry ids the claim is about; the claim detector looks near their mentions. */
  entries: v.array(v.pipe(v.string(), v.regex(ID))),
  verdict: v.picklist(CLAIM_VERDICTS),
  explanation: text(400),
  provisional: v.boolean(),
  citations,
});
export type Claim = v.InferOutput<typeof ClaimSchema>;

export const ReferenceSchema = v.strictObject({
  id: v.pipe(v.string(), v.regex(REFERENCE_ID)),
  authors: v.optional(text(400)),
  year: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1600), v.maxValue(2100))),
  title: text(400),
  journal: v.optional(text(200)),
  doi: v.optional(v.pipe(v.string(), v.regex(/^10\.\d{4,9}\/\S+$/))),
  pmid: v.optional(v.pipe(v.string(), v.regex(/^\d{1,9}$/))),
  pmcid: v.optional(v.pipe(v.string(), v.regex(/^PMC\d+$/))),
  url: v.optional(v.pipe(v.string(), v.url(), v.regex(/^https?:\/\//))),
  /** `secondary`: only secondary material was seen for this source. */
  status: v.picklist(['primary', 'secondary']),
});
export type Reference = v.InferOutput<typeof ReferenceSchema>;

/** When two entries list the same alias, one of these says which entry it means. */
export const DisambiguationSchema = v.strictObject({
  alias: text(80),
  entry: v.pipe(v.string(), v.regex(ID)),
  reason: text(200),
});

export const DatasetSchema = v.strictObject({
  schemaVersion: v.literal(SCHEMA_VERSION),
  /** Calendar version, e.g. "2026.11.22" or "2026.11.22.1": newer sorts higher. */
  version: v.pipe(v.string(), v.regex(/^\d{4}\.\d{2}\.\d{2}(?:\.\d+)?$/)),
  entries: v.pipe(v.array(EntrySchema), v.minLength(1)),
  claims: v.array(ClaimSchema),
  references: v.pipe(v.array(ReferenceSchema), v.minLength(1)),
  disambiguations: v.array(DisambiguationSchema),
});
export type Dataset = v.InferOutput<typeof DatasetSchema>;

export type DatasetResult = { ok: true; dataset: Dataset } | { ok: false; errors: string[] };

/** Validates untrusted input (bundled file, update download) against the schema. */
export function parseDataset(input: unknown): DatasetResult {
  const result = v.safeParse(DatasetSchema, input);
  if (result.success) return { ok: true, dataset: result.output };
  return {
    ok: false,
    errors: result.issues.map((issue) => {
      const path = v.getDotPath(issue);
      return path ? `${path}: ${issue.message}` : issue.message;
    }),
  };
}

/** Compares calendar versions; positive when `a` is newer. */
export const compareDatasetVersions = (a: string, b: string): number => compareDottedVersions(a, b);

/** Compares dotted numeric versions ("2026.11.28.1", "0.1.0" < "0.10"); positive when `a` is newer. */
export function compareDottedVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const diff = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}
