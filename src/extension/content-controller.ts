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
import { buildReport, type ReportTiming } from '../engine/report';
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
  const setupStart = performance.now();
  const session = new PageSession(doc, body, dataset, signal);
  session.timing.setupMs = performance.now() - setupStart;
  session.start();
}

class PageSession {
  private readonly annotator: Annotator;
  private readonly watcher: PageWatcher;
  private tooltip: TooltipLayer | null = null;
  private reportTimer: ReturnType<typeof setTimeout> | undefined;
  private watcherNote: string | null = null;
  private readonly focusableEntries = new Set<string>();
  readonly timing: ReportTiming = { setupMs: 0, scanMs: 0, longestSliceMs: 0 };

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
    let busyMs = 0;
    let sliceStart = performance.now();
    const endSlice = () => {
      const slice = performance.now() - sliceStart;
      busyMs += slice;
      this.timing.longestSliceMs = Math.max(this.timing.longestSliceMs, slice);
    };
    const added = await this.annotator.scanSliced(root, {
      sliceMs: SLICE_MS,
      yieldToPage: async () => {
        endSlice();
        await yieldToPage();
        sliceStart = performance.now();
      },
      now: () => performance.now(),
    });
    if (!this.signal.aborted && added.length > 0) {
      this.watcher.guard(() => makeFocusable(added, this.focusableEntries));
      this.tooltip ??= mountTooltipLayer({
        doc: this.doc,
        entryFor: (element) => this.annotator.entry(element.getAttribute(ENTRY_ATTR) ?? ''),
        references: new Map<string, Reference>(this.dataset.references.map((r) => [r.id, r])),
        datasetVersion: this.dataset.version,
        signal: this.signal,
      });
      this.scheduleReport();
    }
    endSlice();
    this.timing.scanMs += busyMs;
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
      timing: { ...this.timing },
    });
    await sendToBackground({ type: 'report:set', report }).catch(() => undefined);
  }
}

/**
 * One tab stop per entry (its first mention), so keyboard users can reach every tooltip
 * without the page gaining hundreds of tab stops; the next-mention shortcut visits the rest.
 */
function makeFocusable(mentions: readonly Mention[], focusable: Set<string>): void {
  for (const mention of mentions) {
    if (focusable.has(mention.entryId)) continue;
    mention.elements[0]?.setAttribute('tabindex', '0');
    focusable.add(mention.entryId);
  }
}

/** Hands the main thread back to the page: scheduler.yield where the browser has it. */
function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
