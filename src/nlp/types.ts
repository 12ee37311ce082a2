/**
 * Public shapes of the language-analysis module. Pure data: offsets are UTF-16 indexes into
 * the analysed text, so a caller can wrap the exact characters on the page.
 */
import type { KeyNumber } from '../dataset/schema';

/** One engine mention inside the analysed text. */
export interface TextMention {
  id: number;
  entryId: string;
  start: number;
  end: number;
}

export interface AnalysisInput {
  /** One block of page text (a paragraph), as the page shows it. */
  text: string;
  /** The engine's mentions inside it. */
  mentions: TextMention[];
  /** The page mentions RLS somewhere (aggravator findings and RLS dose checks need it). */
  pageAboutRls: boolean;
}

export interface Span {
  start: number;
  end: number;
}

export interface MentionContext {
  mentionId: number;
  /** The sentence the mention stands in: first word to last word plus its closing . ! ? run. */
  sentence: Span;
  /** The mention's clause says it did not work, was stopped, avoided, not taken... */
  negated: boolean;
  /** The mention's clause hedges: may, might, could, possibly, some people find, I've heard... */
  hedged: boolean;
}

export type DoseUnit = 'mg' | 'mcg' | 'g' | 'IU';

export type DoseIndication = 'rls' | 'parkinsons' | 'other' | 'unstated';

/**
 * - `over-rls-max` / `over-upper-limit`: the daily amount is over the dataset's limit (flagged).
 * - `within-limit`: compared, not over.
 * - `other-indication`: a Parkinson's or other explicit indication; the RLS limit does not apply.
 * - `no-limit`: the entry has no dose limit in the dataset.
 *
 * A phrase that cannot fairly be held against an existing limit is not reported at all:
 * negated ("never take more than 8 mg"), a threshold ("doses above 8 mg"), a food amount
 * against a supplement limit, a salt weight against an elemental limit ("325 mg ferrous
 * sulfate"), IU against mg, or an RLS-only maximum with no indication on a page not about RLS.
 */
export type DoseStatus = 'over-rls-max' | 'over-upper-limit' | 'within-limit' | 'other-indication' | 'no-limit';

export interface DoseFinding {
  mentionId: number;
  entryId: string;
  phrase: Span;
  phraseText: string;
  sentence: Span;
  sentenceText: string;
  /** Per intake, in `unit`; ranges give both ends. */
  amount: number;
  amountMax?: number;
  unit: DoseUnit;
  /** 1 when none is stated; fractions for "every other day" (0.5) or "weekly" (1/7). */
  timesPerDay: number;
  /** Taken at bedtime / at night / before bed (always set by the analyzer). */
  bedtime?: boolean;
  /** Upper end of the range × timesPerDay, in mg (null for IU). */
  dailyMg: number | null;
  indication: DoseIndication;
  status: DoseStatus;
  /** The dataset number compared against (or that would apply). */
  limit?: KeyNumber;
  /** dailyMg / limit (IU / IU for IU limits), when over. */
  ratio?: number;
  /** Status is over-rls-max or over-upper-limit. */
  flagged: boolean;
  /** The sentence names a child or dialysis: the limit is the one for that population. */
  population?: { age?: number; child?: boolean; dialysis?: boolean };
  /**
   * The phrase named a compound the dataset has an elemental content for ("400 mg magnesium
   * oxide"): `dailyMg` is then the elemental amount, converted with this number.
   */
  elementalFrom?: KeyNumber;
  /** `no-limit` only: the usual daily dose and one that added no benefit, when the dataset has them. */
  usual?: KeyNumber;
  noAddedBenefit?: KeyNumber;
}

export interface ClaimFinding {
  claimId: string;
  sentence: Span;
  sentenceText: string;
  matchedText: string;
  mentionIds: number[];
  /** The claim verdict is false, not-supported or misleading. */
  flagged: boolean;
}

/** Kinds of claim frame (see frames.ts): open-world claims judged by the entry they are about. */
export type FrameKind = 'efficacy' | 'safety' | 'cause' | 'use' | 'stopping';

/** What a claim frame found: its kind, the page's words, and which entry caveat answers them. */
export interface FrameFlag {
  kind: FrameKind;
  /** The words on the page that make the claim ("cures", "no side effects", "cold turkey"). */
  cue: string;
  /** Index into the entry's caveats of the one that contradicts it; else the verdict and summary do. */
  caveat?: number;
}

/**
 * A mention flagged for what its sentence does with it: a person taking a known aggravator or,
 * with `frame`, a claim frame about the entry. One channel for both, so the engine marks,
 * reports and shows them the same way.
 */
export interface AggravatorFinding {
  mentionId: number;
  entryId: string;
  sentence: Span;
  sentenceText: string;
  flagged: true;
  frame?: FrameFlag;
}

export interface Analysis {
  contexts: MentionContext[];
  doses: DoseFinding[];
  claims: ClaimFinding[];
  aggravators: AggravatorFinding[];
}

/** The language analysis as the engine uses it: one block of text in, findings out. */
export interface Analyzer {
  analyze(input: AnalysisInput): Analysis;
  /**
   * Small steps that prepare what the first sentences would otherwise pay for at once (compiling
   * the cue patterns), so a sliced run spreads that cost over several slices.
   */
  prepare?(): Generator<void>;
}
