/**
 * The command-line auditor's engine half: annotate a parsed page and describe every mention
 * with where it stands, using exactly the code the extension runs.
 */
import { toMatchIndex } from '../dataset/match-index';
import type { Dataset, Verdict } from '../dataset/schema';
import { Annotator, type Analyzer, type PageFindings } from './annotator';
import { tidy } from '../dataset/words';
import { buildReport, type PageReport } from './report';
import { blockOf } from './text-runs';

export interface AuditedMention {
  id: number;
  text: string;
  entryId: string;
  verdict: Verdict;
  /** CSS path of the block the mention reads in. */
  path: string;
  /** Character offset of the mention in that block's text. */
  offset: number;
  /** Said in the negative ("never worked") or with a hedge ("may help"), when analysed. */
  negated?: boolean;
  hedged?: boolean;
}

export interface AuditedClaim {
  claimId: string;
  verdict: string;
  flagged: boolean;
  sentence: string;
  matched: string;
  mentionIds: number[];
}

export interface AuditedDose {
  mentionId: number;
  entryId: string;
  phrase: string;
  sentence: string;
  amount: number;
  amountMax?: number;
  unit: string;
  timesPerDay: number;
  dailyMg: number | null;
  indication: string;
  status: string;
  limit?: { label: string; value: number; unit: string; citations: string[] };
  ratio?: number;
  flagged: boolean;
}

export interface AuditReport extends Omit<PageReport, 'mentions'> {
  mentions: AuditedMention[];
  claims: AuditedClaim[];
  doses: AuditedDose[];
  aggravators: Array<{ mentionId: number; entryId: string; sentence: string }>;
}

/**
 * Annotates the page, runs the language analysis when one is given (the extension loads it
 * on demand; the auditor passes it in), and reports every mention, claim and dose.
 */
export function auditDocument(doc: Document, dataset: Dataset, url: string, analyzer?: Analyzer): AuditReport {
  const annotator = new Annotator(doc, toMatchIndex(dataset), { visibility: 'markup' });
  annotator.scan();
  const findings: PageFindings | undefined = analyzer ? (annotator.analyze(analyzer), annotator.findings) : undefined;
  const report = buildReport({
    url,
    title: doc.title,
    relevant: annotator.pageRelevant,
    dataset,
    mentions: annotator.mentions,
    ...(findings ? { findings } : {}),
  });
  const verdicts = new Map(dataset.entries.map((e) => [e.id, e.verdict]));
  const mentions = annotator.mentions.map((mention, index): AuditedMention => {
    const first = mention.elements[0]!;
    const block = blockOf(first);
    const context = findings?.contexts.find((c) => c.mentionId === mention.markId);
    return {
      id: mention.markId,
      text: report.mentions[index]!.text,
      entryId: mention.entryId,
      verdict: verdicts.get(mention.entryId)!,
      path: cssPath(block),
      offset: textOffset(block, first),
      ...(context ? { negated: context.negated, hedged: context.hedged } : {}),
    };
  });
  const claimVerdicts = new Map(dataset.claims.map((c) => [c.id, c.verdict]));
  return {
    ...report,
    mentions,
    claims: (findings?.claims ?? []).map((c) => ({
      claimId: c.claimId,
      verdict: claimVerdicts.get(c.claimId) ?? '',
      flagged: c.flagged,
      sentence: tidy(c.sentenceText),
      matched: tidy(c.matchedText),
      mentionIds: c.mentionIds,
    })),
    doses: (findings?.doses ?? []).map((d) => ({
      mentionId: d.mentionId,
      entryId: d.entryId,
      phrase: tidy(d.phraseText),
      sentence: tidy(d.sentenceText),
      amount: d.amount,
      ...(d.amountMax !== undefined ? { amountMax: d.amountMax } : {}),
      unit: d.unit,
      timesPerDay: d.timesPerDay,
      dailyMg: d.dailyMg,
      indication: d.indication,
      status: d.status,
      ...(d.limit
        ? { limit: { label: d.limit.label, value: d.limit.value, unit: d.limit.unit, citations: d.limit.citations } }
        : {}),
      ...(d.ratio !== undefined ? { ratio: Math.round(d.ratio * 100) / 100 } : {}),
      flagged: d.flagged,
    })),
    aggravators: (findings?.aggravators ?? []).map((a) => ({
      mentionId: a.mentionId,
      entryId: a.entryId,
      sentence: tidy(a.sentenceText),
    })),
  };
}

function cssPath(element: Element): string {
  const parts: string[] = [];
  for (let el: Element | null = element; el && el.tagName !== 'HTML'; el = el.parentElement) {
    const tag = el.tagName.toLowerCase();
    if (el.id) {
      parts.unshift(`${tag}#${el.id}`);
      break;
    }
    const parent: Element | null = el.parentElement;
    const sameTag = parent ? [...parent.children].filter((c) => c.tagName === el!.tagName) : [];
    parts.unshift(sameTag.length > 1 ? `${tag}:nth-of-type(${sameTag.indexOf(el) + 1})` : tag);
  }
  return parts.join(' > ');
}

function textOffset(block: Element, target: Element): number {
  const walker = block.ownerDocument.createTreeWalker(block, 0x4);
  let offset = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (target.contains(node)) return offset;
    offset += (node as Text).data.length;
  }
  return offset;
}
