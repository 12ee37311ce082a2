/**
 * Wires the engine to the page: get the dataset from the background, annotate in slices,
 * follow the page as it changes, mount the tooltip layer when there is something to show,
 * report to the background. Everything hangs off one AbortSignal, so an extension update or
 * removal leaves the page as it was.
 */
import type { Dataset, Reference } from '../dataset/schema';
import { Annotator, type Mention } from '../engine/annotator';
import { ENTRY_ATTR } from '../engine/dom-rules';
import { PageWatcher } from '../engine/page-watcher';
import { buildReport } from '../engine/report';
import { mountTooltipLayer, type TooltipLayer } from '../ui/tooltip/tooltip-layer';
import { sendToBackground } from './messages';
import { onSameDocumentNavigation } from './navigation-watch';

/** Longest stretch of our work before we hand the main thread back to the page. */
const SLICE_MS = 8;
const REPORT_DEBOUNCE_MS = 250;

export async function startContentController(doc: Document, signal: AbortSignal): Promise<void> {
  const { dataset } = await sendToBackground({ type: 'dataset:get' });
  const body = doc.body;
  if (signal.aborted || !body) return;
  new PageSession(doc, body, dataset, signal).start();
}

class PageSession {
  private readonly annotator: Annotator;
  private readonly watcher: PageWatcher;
  private tooltip: TooltipLayer | null = null;
  private reportTimer: ReturnType<typeof setTimeout> | undefined;
  private watcherNote: string | null = null;

  constructor(
    private readonly doc: Document,
    private readonly body: HTMLElement,
    private readonly dataset: Dataset,
    private readonly signal: AbortSignal,
  ) {
    this.watcher = new PageWatcher({
      root: body,
      onBatch: async (roots) => {
        let busyMs = 0;
        for (const root of roots) busyMs += await this.annotate(root);
        return busyMs;
      },
      onFullRescan: () => this.annotate(body),
      onTextRewritten: (node) => this.annotator.releaseRewritten(node),
      onTrip: (reason) => {
        this.watcherNote = reason;
        this.scheduleReport();
      },
    });
    this.annotator = new Annotator(doc, dataset, { visibility: 'layout', editGuard: this.watcher.guard });
  }

  start(): void {
    this.signal.addEventListener('abort', () => {
      clearTimeout(this.reportTimer);
      this.watcher.stop();
      this.annotator.clear();
    });
    this.watcher.start();
    void this.annotate(this.body).then(() => this.sendReport());
    onSameDocumentNavigation(this.doc, this.signal, () => {
      // A single-page app moved to a new "page": judge it afresh and rescan everything.
      this.annotator.resetPageContext();
      this.annotator.pruneDetached();
      void this.annotate(this.body);
    });
  }

  /** Annotates a subtree in slices; resolves to the main-thread time it took (yields excluded). */
  private async annotate(root: Element): Promise<number> {
    if (this.signal.aborted) return 0;
    let waitedMs = 0;
    const started = performance.now();
    const added = await this.annotator.scanSliced(root, {
      sliceMs: SLICE_MS,
      yieldToPage: async () => {
        const before = performance.now();
        await yieldToPage();
        waitedMs += performance.now() - before;
      },
      now: () => performance.now(),
    });
    const busyMs = performance.now() - started - waitedMs;
    if (this.signal.aborted || added.length === 0) return busyMs;
    this.watcher.guard(() => makeFocusable(added));
    this.tooltip ??= mountTooltipLayer({
      doc: this.doc,
      entryFor: (element) => this.annotator.entry(element.getAttribute(ENTRY_ATTR) ?? ''),
      references: new Map<string, Reference>(this.dataset.references.map((r) => [r.id, r])),
      datasetVersion: this.dataset.version,
      signal: this.signal,
    });
    this.scheduleReport();
    return busyMs;
  }

  private scheduleReport(): void {
    clearTimeout(this.reportTimer);
    this.reportTimer = setTimeout(() => void this.sendReport(), REPORT_DEBOUNCE_MS);
  }

  private async sendReport(): Promise<void> {
    if (this.signal.aborted) return;
    this.annotator.pruneDetached();
    const report = buildReport({
      url: this.doc.location?.href ?? '',
      title: this.doc.title,
      relevant: this.annotator.pageRelevant,
      datasetVersion: this.dataset.version,
      mentions: this.annotator.mentions,
      entryById: (id) => this.annotator.entry(id),
      note: this.watcherNote,
    });
    await sendToBackground({ type: 'report:set', report }).catch(() => undefined);
  }
}

/** One tab stop per mention (on its first wrapper), so keyboard users can reach the tooltip. */
function makeFocusable(mentions: readonly Mention[]): void {
  for (const mention of mentions) mention.elements[0]?.setAttribute('tabindex', '0');
}

/** Hands the main thread back to the page: scheduler.yield where the browser has it. */
function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
