/**
 * Wires the engine to the page: get the dataset from the background, annotate, mount the
 * tooltip layer, report to the background. Everything hangs off one AbortSignal so an
 * extension update or uninstall leaves the page as it was.
 */
import type { Reference } from '../dataset/schema';
import { Annotator, type Mention } from '../engine/annotator';
import { ENTRY_ATTR } from '../engine/dom-rules';
import { buildReport } from '../engine/report';
import { mountTooltipLayer } from '../ui/tooltip/tooltip-layer';
import { sendToBackground } from './messages';

export async function startContentController(doc: Document, signal: AbortSignal): Promise<void> {
  const { dataset } = await sendToBackground({ type: 'dataset:get' });
  if (signal.aborted) return;

  const annotator = new Annotator(doc, dataset, { visibility: 'layout' });
  signal.addEventListener('abort', () => annotator.clear());
  const mentions = annotator.scan();
  makeFocusable(mentions);

  if (mentions.length > 0) {
    mountTooltipLayer({
      doc,
      entryFor: (element) => annotator.entry(element.getAttribute(ENTRY_ATTR) ?? ''),
      references: new Map<string, Reference>(dataset.references.map((r) => [r.id, r])),
      datasetVersion: dataset.version,
      signal,
    });
  }

  const report = buildReport({
    url: doc.location?.href ?? '',
    title: doc.title,
    relevant: annotator.pageRelevant,
    datasetVersion: dataset.version,
    mentions: annotator.mentions,
    entryById: (id) => annotator.entry(id),
  });
  await sendToBackground({ type: 'report:set', report });
}

/** One tab stop per mention (on its first wrapper), so keyboard users can reach the tooltip. */
function makeFocusable(mentions: readonly Mention[]): void {
  for (const mention of mentions) mention.elements[0]?.setAttribute('tabindex', '0');
}
