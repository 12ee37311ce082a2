/**
 * One annotation session on one page, for one configuration (dataset version, kinds shown,
 * tooltip trigger): pre-scan, and where that lets the page through, read it in full (the
 * lazily loaded reader), in slices, and follow the page as it changes; once something is found,
 * enrich (the full dataset, the page UI, the language analysis); report. What the reader sees
 * and reaches lives in the lazily loaded page UI. Stopping the session removes every trace,
 * so a settings change is "stop, start anew".
 */
import type { Dataset } from '../dataset/schema';
import type { Annotator, MentionMark } from '../engine/annotator';
import type { PreparedMatchIndex } from '../engine/matcher';
import { PageWatcher } from '../engine/page-watcher';
import { PreScanner, type PreScan } from '../engine/pre-scan';
import { buildReport, type PageReport, type ReportTiming } from '../engine/report';
import { pageClock, runSliced, type SliceClock, type SlicedResult } from '../engine/slices';
import type { VisibilityMode } from '../engine/visibility';
import type { TooltipTrigger } from '../settings/settings';
import type { PageUi } from '../ui/page-ui';
import type { LazyModuleName, LazyModules } from './lazy-modules';
import { onSameDocumentNavigation } from './navigation-watch';

/** Longest stretch of our work before we hand the main thread back to the page. */
const SLICE_MS = 8;
const REPORT_DEBOUNCE_MS = 250;
/** How often the page's registry is checked again for our element names. */
const NAMES_CHECK_MS = 1000;
/** Mentions labelled per step (each gets up to two attributes). */
const LABEL_CHUNK = 50;

export interface PageSessionOptions {
  doc: Document;
  index: PreparedMatchIndex;
  tooltipTrigger: TooltipTrigger;
  /** The content script's lifetime: aborting it ends the session too. */
  signal: AbortSignal;
  loadModule: <N extends LazyModuleName>(name: N) => Promise<LazyModules[N]>;
  fetchDataset: () => Promise<Dataset>;
  sendReport: (report: PageReport) => Promise<void>;
  /** The slicing clock (tests pass their own). */
  clock?: SliceClock;
  /** 'layout' in a browser (the default); 'markup' where the DOM has no layout (tests). */
  visibility?: VisibilityMode;
}

/** What only a page with mentions needs, loaded once per session. */
interface Enrichment {
  dataset: Dataset;
  ui: PageUi | null;
  analyze: (() => Promise<SlicedResult<unknown>>) | null;
}

export class PageSession {
  private readonly controller = new AbortController();
  private readonly preScanner: PreScanner;
  /** Reads the page in full; loaded (the reader module) for the first content the pre-scan lets through. */
  private annotator: Annotator | null = null;
  private reading: Promise<Annotator | null> | null = null;
  private readonly watcher: PageWatcher;
  private readonly body: HTMLElement;
  private readonly clock: SliceClock;
  private enrichment: Promise<Enrichment> | null = null;
  private reportTimer: ReturnType<typeof setTimeout> | undefined;
  private watcherNote: string | null = null;
  private namesCheckedAt = -Infinity;
  private readonly modules: LazyModuleName[] = [];
  private readonly timing: ReportTiming = { setupMs: 0, scanMs: 0, analysisMs: 0, longestSliceMs: 0 };

  constructor(private readonly options: PageSessionOptions) {
    const setupStart = performance.now();
    const { doc, signal } = options;
    this.body = doc.body;
    this.clock = options.clock ?? pageClock(SLICE_MS);
    if (signal.aborted) this.controller.abort();
    else signal.addEventListener('abort', () => this.stop(), { signal: this.controller.signal });
    this.watcher = new PageWatcher({
      root: this.body,
      onBatch: async (roots) => {
        let busyMs = 0;
        for (const root of roots) busyMs += await this.annotate(root, true);
        return busyMs;
      },
      onFullRescan: () => this.annotate(this.body, true),
      onTextRewritten: (node) => this.annotator?.releaseRewritten(node) ?? null,
      editing: {
        hasMarks: () => !!this.annotator && (this.annotator.marks.mentions.length > 0 || this.annotator.marks.claims.length > 0),
        onEditable: (region) => {
          if (this.annotator?.releaseEditable(region)) this.scheduleReport();
        },
      },
      onTrip: (reason) => {
        this.watcherNote = reason;
        this.scheduleReport();
      },
    });
    this.preScanner = new PreScanner(doc, options.index, this.visibility);
    this.timing.setupMs = performance.now() - setupStart;
  }

  private get signal(): AbortSignal {
    return this.controller.signal;
  }

  private get visibility(): VisibilityMode {
    return this.options.visibility ?? 'layout';
  }

  /** Scans the page, then follows it; resolves once the first scan has been reported. */
  start(): Promise<void> {
    this.watcher.start();
    onSameDocumentNavigation(this.options.doc, this.signal, () => {
      // A single-page app moved to a new "page": judge it afresh and rescan everything.
      this.annotator?.resetPageContext();
      this.annotator?.pruneDetached();
      void this.annotate(this.body).then(() => this.scheduleReport());
    });
    return this.annotate(this.body).then(() => this.sendReport());
  }

  /** Removes every highlight, listener and piece of UI; the page is as it was. */
  stop(): void {
    if (this.signal.aborted) return;
    this.controller.abort();
    clearTimeout(this.reportTimer);
    this.watcher.stop();
    void this.enrichment?.then(({ ui }) => ui?.destroy(), () => undefined);
    this.annotator?.clear();
  }

  get stopped(): boolean {
    return this.signal.aborted;
  }

  /** The page UI, once a mention has brought it in (the reader's commands go to it). */
  async ui(): Promise<PageUi | null> {
    return (await this.enrichment?.catch(() => null))?.ui ?? null;
  }

  /**
   * Annotates a subtree in slices; resolves to the main-thread time it took (yields excluded).
   * `followed`: the page watcher asked (content added later), so the work it causes after the
   * scan (labels, language analysis) counts against the watcher's breaker too.
   */
  private async annotate(root: Element, followed = false): Promise<number> {
    if (this.signal.aborted) return 0;
    // The page registered one of our element names after we marked it: start over under names
    // it cannot claim (checked at most once a second: a batch may annotate hundreds of roots).
    // Nothing to check before the reader is loaded: nothing has been marked.
    const now = performance.now();
    if (this.annotator && now - this.namesCheckedAt >= NAMES_CHECK_MS) {
      this.namesCheckedAt = now;
      if (this.annotator.replaceClaimedNames()) root = this.body;
    }
    const { annotator, added, busyMs } = await this.scan(root);
    if (annotator && !this.signal.aborted && added.length > 0) {
      void this.enrich(annotator, added, followed);
      this.scheduleReport();
    }
    return busyMs;
  }

  /**
   * Pre-scans root and reads in full what the pre-scan lets through; resolves to the new
   * mentions and our main-thread time. Until the reader is loaded the pre-scan runs here alone,
   * and the reader is loaded only once it says `walk`; from then on the annotator does both.
   */
  private async scan(root: Element): Promise<{ annotator: Annotator | null; added: MentionMark[]; busyMs: number }> {
    if (this.annotator) {
      const { annotator } = this;
      const scanned = await annotator.scanSliced(root, this.clock);
      this.count(scanned, 'scanMs');
      this.notePreScan(root, annotator.lastPreScan);
      return { annotator, added: scanned.value, busyMs: scanned.busyMs };
    }
    const preScanned = await runSliced(this.preScanSteps(root), this.clock, this.watcher.guard);
    this.count(preScanned, 'scanMs');
    this.notePreScan(root, preScanned.value);
    const nothing = { annotator: null, added: [], busyMs: preScanned.busyMs };
    if (preScanned.value !== 'walk' || this.signal.aborted) return nothing;
    const annotator = await this.reader();
    if (!annotator || this.signal.aborted) return nothing;
    const walked = await annotator.walkSliced(root, this.clock);
    this.count(walked, 'scanMs');
    return { annotator, added: walked.value, busyMs: preScanned.busyMs + walked.busyMs };
  }

  /** The pre-scan of a page nothing has been found on yet (so not known to be about health). */
  private *preScanSteps(root: Element): Generator<void, PreScan | null> {
    // A document in design mode is editable everywhere: nothing of it is ours to mark.
    if (!root.isConnected || this.options.doc.designMode === 'on') return null;
    return yield* this.preScanner.steps(root, false);
  }

  private notePreScan(root: Element, preScan: PreScan | null): void {
    if (root === this.body && preScan) this.timing.preScan = preScan;
  }

  /** The annotator, once the reader module is loaded (one load per session; null if it failed). */
  private reader(): Promise<Annotator | null> {
    this.reading ??= this.options.loadModule('reader').then(
      (reader) => {
        this.modules.push('reader');
        if (this.signal.aborted) return null;
        const started = performance.now();
        this.annotator = reader.createAnnotator(this.options.doc, this.options.index, {
          visibility: this.visibility,
          editGuard: this.watcher.guard,
          preScanner: this.preScanner,
        });
        this.timing.setupMs += performance.now() - started;
        return this.annotator;
      },
      (error: unknown) => {
        // Tried again for the next content the pre-scan lets through.
        this.reading = null;
        console.warn('Evidence Lens could not read this page', error);
        return null;
      },
    );
    return this.reading;
  }

  /** Labels, tooltips and language analysis for new mentions; loads what they need first. */
  private async enrich(annotator: Annotator, added: readonly MentionMark[], followed: boolean): Promise<void> {
    try {
      this.enrichment ??= this.loadEnrichment(annotator);
      const enrichment = await this.enrichment;
      if (this.signal.aborted) return;
      const { ui } = enrichment;
      if (ui) {
        // Labels and tab stops in slices too: a page with 10,000 mentions is 10,000 of each.
        const labelled = await runSliced(chunks(added, LABEL_CHUNK, (part) => ui.mentionsAdded(part)), this.clock, (edit) => edit());
        this.count(labelled, 'scanMs', followed);
        if (this.signal.aborted) return;
      }
      const analysed = await enrichment.analyze?.();
      if (analysed) this.count(analysed, 'analysisMs', followed);
      this.scheduleReport();
    } catch (error) {
      console.warn('Evidence Lens: could not load the evidence for this page', error);
    }
  }

  private async loadEnrichment(annotator: Annotator): Promise<Enrichment> {
    const dataset = await this.options.fetchDataset();
    const enrichment: Enrichment = { dataset, ui: null, analyze: null };
    // Each part stands alone: no tooltip is no reason to skip the analysis, and the other way.
    try {
      const uiModule = await this.options.loadModule('ui');
      this.modules.push('ui');
      if (!this.signal.aborted) {
        enrichment.ui = uiModule.mountPageUi({
          doc: this.options.doc,
          dataset,
          trigger: this.options.tooltipTrigger,
          marks: annotator.marks,
          findings: annotator.findings,
          guard: this.watcher.guard,
        });
      }
    } catch (error) {
      console.warn('Evidence Lens: tooltips unavailable on this page', error);
    }
    try {
      const nlp = await this.options.loadModule('nlp');
      this.modules.push('nlp');
      const analyzer = nlp.createAnalyzer(dataset);
      enrichment.analyze = () => annotator.analyzeSliced(analyzer, this.clock);
    } catch (error) {
      console.warn('Evidence Lens: claim and dose checks unavailable on this page', error);
    }
    return enrichment;
  }

  /** Adds sliced work to the report's timing and, when the page watcher caused it, to its breaker. */
  private count(result: SlicedResult<unknown>, into: 'scanMs' | 'analysisMs', followed = false): void {
    this.timing[into] += result.busyMs;
    this.timing.longestSliceMs = Math.max(this.timing.longestSliceMs, result.longestSliceMs);
    if (followed) this.watcher.charge(result.busyMs);
  }

  private scheduleReport(): void {
    if (this.signal.aborted) return;
    clearTimeout(this.reportTimer);
    this.reportTimer = setTimeout(() => void this.sendReport(), REPORT_DEBOUNCE_MS);
  }

  private async sendReport(): Promise<void> {
    if (this.signal.aborted) return;
    this.annotator?.pruneDetached();
    const enrichment = this.annotator?.mentions.length ? await this.enrichment?.catch(() => null) : null;
    if (this.signal.aborted) return;
    const started = performance.now();
    const { annotator } = this;
    const report = buildReport({
      url: this.options.doc.location?.href ?? '',
      title: this.options.doc.title,
      relevant: annotator?.pageRelevant ?? false,
      dataset: enrichment?.dataset ?? { version: this.options.index.version, entries: [], claims: [] },
      mentions: annotator?.mentions ?? [],
      findings: annotator?.findings,
      note: this.watcherNote,
      modules: [...this.modules],
      timing: { ...this.timing },
    });
    const sending = this.options.sendReport(report).catch(() => undefined);
    // Building and sending the report is our time too (the breaker counts it).
    this.watcher.charge(performance.now() - started);
    await sending;
  }
}

/** Steps that hand `items` to `take` a chunk at a time. */
function* chunks<T>(items: readonly T[], size: number, take: (part: readonly T[]) => void): Generator<void, void> {
  for (let i = 0; i < items.length; i += size) {
    take(items.slice(i, i + size));
    yield;
  }
}
