/** The page report: what the popup, the badge and the command-line auditor show. */
import type { Entry, Verdict } from '../dataset/schema';
import type { Mention } from './annotator';

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
  count: number;
}

export interface PageReport {
  url: string;
  title: string;
  /** Whether the page reads as a health page (context-only terms are annotated only then). */
  relevant: boolean;
  datasetVersion: string;
  mentions: ReportMention[];
  /** Mentioned entries in order of first appearance, with mention counts. */
  entries: ReportEntry[];
  /** Something the reader should know about this page's annotation (e.g. the breaker tripped). */
  note: string | null;
  /** Our own main-thread cost on this page, as the content script measured it. */
  timing?: ReportTiming;
}

export interface ReportTiming {
  /** Compiling the matcher and setting up, before the first scan. */
  setupMs: number;
  /** Scanning and wrapping, summed over slices (time handed back to the page excluded). */
  scanMs: number;
  /** The longest single slice of our work: our longest task. */
  longestSliceMs: number;
}

export function buildReport(input: {
  url: string;
  title: string;
  relevant: boolean;
  datasetVersion: string;
  mentions: readonly Mention[];
  entryById: (id: string) => Entry | undefined;
  note?: string | null;
  timing?: ReportTiming;
}): PageReport {
  const entries = new Map<string, ReportEntry>();
  for (const mention of input.mentions) {
    const known = entries.get(mention.entryId);
    if (known) {
      known.count++;
      continue;
    }
    const entry = input.entryById(mention.entryId);
    if (!entry) continue;
    entries.set(entry.id, { id: entry.id, name: entry.name, kind: entry.kind, verdict: entry.verdict, count: 1 });
  }
  return {
    url: input.url,
    title: input.title,
    relevant: input.relevant,
    datasetVersion: input.datasetVersion,
    // Line breaks inside a mention are layout, not content.
    mentions: input.mentions.map(({ id, entryId, text }) => ({ id, entryId, text: text.replace(/\s+/g, ' ') })),
    entries: [...entries.values()],
    note: input.note ?? null,
    ...(input.timing ? { timing: input.timing } : {}),
  };
}
