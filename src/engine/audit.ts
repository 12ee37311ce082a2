/**
 * The command-line auditor's engine half: annotate a parsed page and describe every mention
 * with where it stands, using exactly the code the extension runs.
 */
import type { Dataset, Verdict } from '../dataset/schema';
import { Annotator } from './annotator';
import { isInline } from './dom-rules';
import { buildReport, type PageReport } from './report';

export interface AuditedMention {
  id: number;
  text: string;
  entryId: string;
  verdict: Verdict;
  /** CSS path of the block the mention reads in. */
  path: string;
  /** Character offset of the mention in that block's text. */
  offset: number;
}

export interface AuditReport extends Omit<PageReport, 'mentions'> {
  mentions: AuditedMention[];
}

export function auditDocument(doc: Document, dataset: Dataset, url: string): AuditReport {
  const annotator = new Annotator(doc, dataset, { visibility: 'markup' });
  annotator.scan();
  const report = buildReport({
    url,
    title: doc.title,
    relevant: annotator.pageRelevant,
    datasetVersion: dataset.version,
    mentions: annotator.mentions,
    entryById: (id) => annotator.entry(id),
  });
  const mentions = annotator.mentions.map((mention, index): AuditedMention => {
    const first = mention.elements[0]!;
    const block = blockOf(first);
    return {
      id: mention.id,
      text: report.mentions[index]!.text,
      entryId: mention.entryId,
      verdict: annotator.entry(mention.entryId)!.verdict,
      path: cssPath(block),
      offset: textOffset(block, first),
    };
  });
  return { ...report, mentions };
}

function blockOf(element: Element): Element {
  let block = element.parentElement ?? element;
  while (isInline(block) && block.parentElement) block = block.parentElement;
  return block;
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
