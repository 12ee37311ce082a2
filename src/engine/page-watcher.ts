/**
 * Watches a page for content added after load, with one MutationObserver. The callback only
 * queues nodes; the work happens later, at most one batch per interval, when the page is idle.
 * Nodes whose ancestor is already queued are dropped, our own edits are set aside, a flood of
 * changes becomes one full rescan, and a page that keeps us busy past a budget (one that keeps
 * fighting our edits, or churns without end) trips a circuit breaker that stops the watching.
 */
import { isOwnMark, isOwnName } from './dom-rules';

export interface PageWatcherOptions {
  root: Element;
  /** Annotate these subtrees (de-duplicated, connected, outside our UI); resolves to the ms of main-thread work it took. */
  onBatch: (roots: Element[]) => Promise<number>;
  /** Too much changed at once: rescan the whole page instead; resolves to the ms of work. */
  onFullRescan: () => Promise<number>;
  /**
   * A text node's content changed. Return the element to rescan if the node was ours (split
   * or wrapped) and has been given back, or null to treat it as ordinary page content.
   */
  onTextRewritten?: (node: Text) => Element | null;
  /**
   * The page made a region editable after load (contenteditable set, or design mode on: the
   * region is then the document element). Called at once, from the observer's callback or the
   * first focus, selection change, key or input event there, so before the reader types.
   * `hasMarks` keeps the per-event check free on pages where nothing is marked.
   */
  editing?: { hasMarks: () => boolean; onEditable: (region: Element) => void };
  /** The page kept changing past the breaker's limits; watching has stopped. */
  onTrip?: (reason: string) => void;
  /** Runs `flush` later, when the page is idle. Defaults to requestIdleCallback or a timer. */
  schedule?: (flush: () => void) => void;
  /** More queued subtrees than this in one batch means one full rescan. */
  fullRescanThreshold?: number;
  /** Changes are gathered for at least this long between batches. */
  minBatchIntervalMs?: number;
  /** The breaker: at most `maxBusyMs` of our work within any `windowMs`. */
  breaker?: { windowMs: number; maxBusyMs: number };
  now?: () => number;
}

const DEFAULT_THRESHOLD = 200;
const DEFAULT_INTERVAL_MS = 200;
// 1.5 s of work per 10 s: far above what a real article costs, far below a page-long stall.
const DEFAULT_BREAKER = { windowMs: 10_000, maxBusyMs: 1_500 };

export class PageWatcher {
  private readonly observer: MutationObserver;
  private readonly queue = new Set<Node>();
  private readonly work: Array<{ at: number; ms: number }> = [];
  private lastBatchAt = -Infinity;
  private scheduled = false;
  private working = false;
  private stopped = true;
  private trippedReason: string | null = null;

  constructor(private readonly options: PageWatcherOptions) {
    const view = options.root.ownerDocument.defaultView;
    const Observer = view?.MutationObserver ?? MutationObserver;
    this.observer = new Observer((records) => this.enqueue(records));
  }

  get tripped(): string | null {
    return this.trippedReason;
  }

  start(): void {
    if (!this.stopped || this.trippedReason) return;
    this.stopped = false;
    this.observe();
    this.watchEditing();
  }

  stop(): void {
    this.stopped = true;
    this.observer.disconnect();
    this.queue.clear();
    this.editingListeners?.abort();
    this.editingListeners = null;
  }

  /**
   * Runs one of our own DOM edits unobserved: records already pending (the page's) are queued
   * first, then the observer is off while we edit, so our edits create no records at all.
   */
  readonly guard = (edit: () => void): void => {
    if (this.stopped) return edit();
    this.enqueue(this.observer.takeRecords());
    this.observer.disconnect();
    try {
      edit();
    } finally {
      if (!this.stopped) this.observe();
    }
  };

  private observe(): void {
    this.observer.observe(this.options.root, {
      childList: true,
      subtree: true,
      characterData: true,
      // Text becoming editable: our marks there must go before the reader types.
      ...(this.options.editing ? { attributes: true, attributeFilter: ['contenteditable'] } : {}),
    });
  }

  private editingListeners: AbortController | null = null;

  /**
   * Design mode changes no attribute the observer could see, and an element can become
   * editable through an ancestor: the first focus, selection change, key or input event in
   * editable text tells us, still before the text changes.
   */
  private watchEditing(): void {
    const editing = this.options.editing;
    if (!editing || this.editingListeners) return;
    const doc = this.options.root.ownerDocument;
    this.editingListeners = new AbortController();
    const check = (target: Node | null | undefined) => {
      if (!editing.hasMarks()) return;
      if (doc.designMode === 'on') return editing.onEditable(doc.documentElement);
      const element = target ? (target.nodeType === 1 ? (target as Element) : target.parentElement) : null;
      const region = element ? editableRoot(element) : null;
      if (region) editing.onEditable(region);
    };
    const options = { capture: true, signal: this.editingListeners.signal };
    for (const type of ['focusin', 'keydown', 'beforeinput', 'pointerdown'] as const) {
      doc.addEventListener(type, (event) => check(event.target as Node | null), options);
    }
    doc.addEventListener('selectionchange', () => check(doc.getSelection()?.anchorNode), options);
  }

  private enqueue(records: MutationRecord[]): void {
    if (this.stopped) return;
    for (const record of records) {
      if (record.type === 'attributes') {
        const region = editableRoot(record.target as Element);
        if (region && this.options.editing?.hasMarks()) this.options.editing.onEditable(region);
        continue;
      }
      if (record.type === 'characterData') {
        this.queue.add(record.target);
        continue;
      }
      for (const node of record.addedNodes) {
        if (node.nodeType === 1 || node.nodeType === 3) this.queue.add(node);
      }
    }
    if (this.queue.size > 0) this.scheduleFlush();
  }

  private scheduleFlush(): void {
    if (this.scheduled || this.stopped) return;
    this.scheduled = true;
    const wait = Math.max(0, this.lastBatchAt + (this.options.minBatchIntervalMs ?? DEFAULT_INTERVAL_MS) - this.now());
    const run = () => (this.options.schedule ?? scheduleWhenIdle)(() => void this.flush());
    if (wait > 0) setTimeout(run, wait);
    else run();
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  private async flush(): Promise<void> {
    this.scheduled = false;
    if (this.stopped || this.working) return;
    const roots = this.takeRoots();
    if (roots.length === 0) return;
    this.working = true;
    this.lastBatchAt = this.now();
    try {
      const threshold = this.options.fullRescanThreshold ?? DEFAULT_THRESHOLD;
      const ms = roots.length > threshold ? await this.options.onFullRescan() : await this.options.onBatch(roots);
      this.recordWork(ms);
    } finally {
      this.working = false;
    }
    // Changes that arrived while we worked get their own batch.
    if (this.queue.size > 0) this.scheduleFlush();
  }

  /** The queued nodes as element roots: connected, ours excluded, none inside another. */
  private takeRoots(): Element[] {
    const elements = new Set<Element>();
    for (const node of this.queue) {
      const released = node.nodeType === 3 ? this.options.onTextRewritten?.(node as Text) : null;
      const element = released ?? (node.nodeType === 1 ? (node as Element) : node.parentElement);
      if (element && element.isConnected && this.options.root.contains(element) && !isOurs(element)) {
        elements.add(element);
      }
    }
    this.queue.clear();
    return [...elements].filter((element) => !hasAncestorIn(element, elements));
  }

  /**
   * Work of ours that following the page caused outside a batch (the language analysis of what
   * a batch found, labels, the report): counted against the breaker like the batch itself.
   */
  charge(ms: number): void {
    if (!this.stopped && ms > 0) this.recordWork(ms);
  }

  private recordWork(ms: number): void {
    const { windowMs, maxBusyMs } = this.options.breaker ?? DEFAULT_BREAKER;
    const now = this.now();
    this.work.push({ at: now, ms });
    while (this.work.length > 0 && now - this.work[0]!.at > windowMs) this.work.shift();
    const busy = this.work.reduce((sum, item) => sum + item.ms, 0);
    if (busy <= maxBusyMs) return;
    this.trippedReason =
      'This page keeps changing, so Evidence Lens stopped following its updates to keep it fast. Reload to annotate it again.';
    this.stop();
    this.options.onTrip?.(this.trippedReason);
  }
}

function isOurs(element: Element): boolean {
  for (let el: Element | null = element; el; el = el.parentElement) {
    if (isOwnMark(el) || isOwnName(el)) return true;
  }
  return false;
}

/** The outermost editable element holding `element`, or null when it is not editable. */
function editableRoot(element: Element): Element | null {
  if (!(element as HTMLElement).isContentEditable) return null;
  let region = element;
  while (region.parentElement && (region.parentElement as HTMLElement).isContentEditable) region = region.parentElement;
  return region;
}

function hasAncestorIn(element: Element, set: Set<Element>): boolean {
  for (let el = element.parentElement; el; el = el.parentElement) if (set.has(el)) return true;
  return false;
}

function scheduleWhenIdle(flush: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(flush, { timeout: 500 });
  else setTimeout(flush, 50);
}
