/**
 * The page report: what the popup, the badge, the demo and the command-line auditor show.
 * Built from the engine's mentions and findings and the full dataset; plain data, so it
 * crosses message boundaries and storage as it is.
 */
import type { Claim, ClaimVerdict, Dataset, Entry, KeyNumber, Verdict } from '../dataset/schema';
import { answerFor, type EntryAnswer } from '../dataset/answers';
import { tidy } from '../dataset/words';
import type { Mention, PageFindings } from './annotator';
import type { FrameFlag } from '../nlp/types';

export interface ReportMention {
  id: number;
  entryId: string;
  text: string;
}

export interface ReportEntry {
  id: string;
  name: string;
  kind: Entry['kind'];
  verdict: Verdict;
  /** The condition the verdict is about ("RLS", "RLS on haemodialysis"). */
  verdictFor: string;
  count: number;
  /** The first mention on the page, where the popup takes the reader. */
  firstMentionId: number;
}

/** Something on the page that the evidence contradicts, tied to the sentence that says it. */
export type ReportFlag =
  | {
      kind: 'claim';
      claimId: string;
      statement: string;
      verdict: ClaimVerdict;
      sentence: string;
      /** The wrapped sentence (data-evlens-mention), or the mention in it when not wrapped. */
      targetId: number;
    }
  | {
      kind: 'dose';
      entryId: string;
      entryName: string;
      phrase: string;
      sentence: string;
      dailyMg: number;
      limit: Pick<KeyNumber, 'label' | 'value' | 'unit' | 'population' | 'citations'>;
      ratio: number;
      status: 'over-rls-max' | 'over-upper-limit';
      targetId: number;
    }
  | {
      kind: 'aggravator';
      entryId: string;
      entryName: string;
      verdict: Verdict;
      sentence: string;
      targetId: number;
      /** Set when a claim frame fired (an efficacy, safety, cause, use or stopping claim). */
      frame?: FrameFlag & { answer: EntryAnswer };
    };

export interface PageReport {
  url: string;
  title: string;
  /** Whether the page reads as a health page (context-only terms are annotated only then). */
  relevant: boolean;
  datasetVersion: string;
  mentions: ReportMention[];
  /** Mentioned entries in order of first appearance, with mention counts. */
  entries: ReportEntry[];
  /** Mentions per verdict of their entry. */
  verdictCounts: Partial<Record<Verdict, number>>;
  /** What the page says that the evidence contradicts, in reading order. */
  flags: ReportFlag[];
  /** Something the reader should know about this page's annotation (e.g. the breaker tripped). */
  note: string | null;
  /** Evidence Lens is switched off for this site. */
  disabled?: boolean;
  /**
   * Code loaded on demand for this page: nothing where the pre-scan stops, the reader where it
   * lets the page through, the UI and the language analysis only on a page with mentions.
   */
  modules?: string[];
  /** Our own main-thread cost on this page, as the content script measured it. */
  timing?: ReportTiming;
}

export interface ReportTiming {
  /** Compiling the matcher and setting up, before the first scan. */
  setupMs: number;
  /** Scanning and wrapping, summed over slices (time handed back to the page excluded). */
  scanMs: number;
  /** The language analysis (claims, doses), summed over slices; 0 where it did not run. */
  analysisMs: number;
  /** The longest single slice of our work: our longest task. */
  longestSliceMs: number;
  /** How the whole-page pre-scan decided (no candidate at all, nothing to annotate, or read in full). */
  preScan?: 'no-candidate' | 'nothing-to-annotate' | 'walk';
}

export interface ReportInput {
  url: string;
  title: string;
  relevant: boolean;
  dataset: Pick<Dataset, 'version' | 'entries' | 'claims'>;
  mentions: readonly Mention[];
  findings?: PageFindings;
  note?: string | null;
  modules?: string[];
  timing?: ReportTiming;
}

export function buildReport(input: ReportInput): PageReport {
  const entryById = new Map(input.dataset.entries.map((entry) => [entry.id, entry]));
  const entries = new Map<string, ReportEntry>();
  const verdictCounts: Partial<Record<Verdict, number>> = {};
  const mentions: ReportMention[] = [];
  for (const mention of input.mentions) {
    const entry = entryById.get(mention.entryId);
    if (!entry) continue;
    // Line breaks inside a mention are layout, not content.
    mentions.push({ id: mention.markId, entryId: mention.entryId, text: mention.text.replace(/\s+/g, ' ') });
    verdictCounts[entry.verdict] = (verdictCounts[entry.verdict] ?? 0) + 1;
    const known = entries.get(entry.id);
    if (known) known.count++;
    else {
      entries.set(entry.id, {
        id: entry.id,
        name: entry.name,
        kind: entry.kind,
        verdict: entry.verdict,
        verdictFor: entry.verdictFor,
        count: 1,
        firstMentionId: mention.markId,
      });
    }
  }
  return {
    url: input.url,
    title: input.title,
    relevant: input.relevant,
    datasetVersion: input.dataset.version,
    mentions,
    entries: [...entries.values()],
    verdictCounts,
    flags: input.findings ? buildFlags(input.findings, entryById, input.dataset.claims) : [],
    note: input.note ?? null,
    ...(input.modules ? { modules: input.modules } : {}),
    ...(input.timing ? { timing: input.timing } : {}),
  };
}

function buildFlags(
  findings: PageFindings,
  entryById: ReadonlyMap<string, Entry>,
  claims: readonly Claim[],
): ReportFlag[] {
  const claimById = new Map(claims.map((claim) => [claim.id, claim]));
  const flags: Array<{ order: number; flag: ReportFlag }> = [];
  for (const finding of findings.claims) {
    const claim = claimById.get(finding.claimId);
    if (!finding.flagged || !claim) continue;
    const targetId = finding.markId ?? finding.mentionIds[0];
    if (targetId === undefined) continue;
    flags.push({
      order: finding.mentionIds[0] ?? targetId,
      flag: {
        kind: 'claim',
        claimId: claim.id,
        statement: claim.statement,
        verdict: claim.verdict,
        sentence: tidy(finding.sentenceText),
        targetId,
      },
    });
  }
  for (const dose of findings.doses) {
    const entry = entryById.get(dose.entryId);
    if (!dose.flagged || !entry || !dose.limit || dose.dailyMg === null) continue;
    if (dose.status !== 'over-rls-max' && dose.status !== 'over-upper-limit') continue;
    const { label, value, unit, population, citations } = dose.limit;
    flags.push({
      order: dose.mentionId,
      flag: {
        kind: 'dose',
        entryId: entry.id,
        entryName: entry.name,
        phrase: tidy(dose.phraseText),
        sentence: tidy(dose.sentenceText),
        dailyMg: dose.dailyMg,
        limit: { label, value, unit, citations, ...(population ? { population } : {}) },
        ratio: dose.ratio ?? dose.dailyMg / value,
        status: dose.status,
        targetId: dose.mentionId,
      },
    });
  }
  for (const finding of findings.aggravators) {
    const entry = entryById.get(finding.entryId);
    if (!entry) continue;
    flags.push({
      order: finding.mentionId,
      flag: {
        kind: 'aggravator',
        entryId: entry.id,
        entryName: entry.name,
        verdict: entry.verdict,
        sentence: tidy(finding.sentenceText),
        targetId: finding.mentionId,
        ...(finding.frame ? { frame: { ...finding.frame, answer: answerFor(entry, finding.frame.caveat) } } : {}),
      },
    });
  }
  return flags.sort((a, b) => a.order - b.order).map(({ flag }) => flag);
}
