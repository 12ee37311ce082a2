/**
 * One annotation session on one page, for one configuration (dataset version, kinds shown,
 * tooltip trigger): annotate in slices, follow the page as it changes, and, once something is
 * found, bring in what only such pages need (the full dataset, the tooltip UI, the language
 * analysis). Stopping it removes every trace, so a settings change is "stop, start anew".
 */
import type { PreparedMatchIndex } from '../engine/matcher';
import type { Claim, Dataset, Entry, Reference } from '../dataset/schema';
import { Annotator, type Mention } from '../engine/annotator';
import { CLAIM_ATTR, CLAIM_TAG, ENTRY_ATTR, MENTION_ATTR } from '../engine/dom-rules';
import { findingsForMention } from '../engine/mention-findings';
import { PageWatcher } from '../engine/page-watcher';
import { buildReport, type PageReport, type ReportTiming } from '../engine/report';
import type { TooltipTrigger } from '../settings/settings';
import type { TooltipSubject } from '../ui/tooltip/Tooltip';
import type { TooltipLayer } from '../ui/tooltip/tooltip-layer';
import { VERDICT_LOOKS } from '../ui/verdicts';
import type { LazyModuleName, LazyModules } from './lazy-modules';
import { onSameDocumentNavigation } from './navigation-watch';

/** Longest stretch of our work before we hand the main thread back to the page. */
const SLICE_MS = 8;
const REPORT_DEBOUNCE_MS = 250;

export interface PageSessionOptions {
  doc: Document;
  index: PreparedMatchIndex;
  tooltipTrigger: TooltipTrigger;
  /** The content script's lifetime: aborting it ends the session too. */
  signal: AbortSignal;
  loadModule: <N extends LazyModuleName>(name: N) => Promise<LazyModules[N]>;
  fetchDataset: () => Promise<Dataset>;
  sendReport: (report: PageReport) => Promise<void>;
}

/** What only a page with mentions needs, loaded once per session. */
interface Enrichment {
  dataset: Dataset;
  entries: Map<string, Entry>;
  claims: Map<string, Claim>;
  tooltip: TooltipLayer | null;
  analyze: (() => Promise<void>) | null;
}

export class PageSession {
  private readonly controller = new AbortController();
  private readonly annotator: Annotator;
  private readonly watcher: PageWatcher;
  private readonly body: HTMLElement;
  private enrichment: Promise<Enrichment> | null = null;
  private reportTimer: ReturnType<typeof setTimeout> | undefined;
  private watcherNote: string | null = null;
  private readonly focusableEntries = new Set<string>();
  private readonly modules: LazyModuleName[] = [];
  private readonly timing: ReportTiming = { setupMs: 0, scanMs: 0, analysisMs: 0, longestSliceMs: 0 };

  constructor(private readonly options: PageSessionOptions) {
    const setupStart = performance.now();
    const { doc, signal } = options;
    this.body = doc.body;
    if (signal.aborted) this.controller.abort();
    else signal.addEventListener('abort', () => this.stop(), { signal: this.controller.signal });
    this.watcher = new PageWatcher({
      root: this.body,
      onBatch: async (roots) => {
        let busyMs = 0;
        for (const root of roots) busyMs += await this.annotate(root);
        return busyMs;
      },
      onFullRescan: () => this.annotate(this.body),
      onTextRewritten: (node) => this.annotator.releaseRewritten(node),
      onTrip: (reason) => {
        this.watcherNote = reason;
        this.scheduleReport();
      },
    });
    this.annotator = new Annotator(doc, options.index, { visibility: 'layout', editGuard: this.watcher.guard });
    this.timing.setupMs = performance.now() - setupStart;
  }

  private get signal(): AbortSignal {
    return this.controller.signal;
  }

  start(): void {
    this.watcher.start();
    void this.annotate(this.body).then(() => this.sendReport());
    onSameDocumentNavigation(this.options.doc, this.signal, () => {
      // A single-page app moved to a new "page": judge it afresh and rescan everything.
      this.annotator.resetPageContext();
      this.annotator.pruneDetached();
      void this.annotate(this.body).then(() => this.scheduleReport());
    });
  }

  /** Removes every highlight and listener; the page is as it was. */
  stop(): void {
    if (this.signal.aborted) return;
    this.controller.abort();
    clearTimeout(this.reportTimer);
    this.watcher.stop();
    this.annotator.clear();
  }

  get stopped(): boolean {
    return this.signal.aborted;
  }

  /** Moves keyboard focus to the next mention after the focused one and opens its tooltip. */
  focusNextMention(): boolean {
    const mentions = this.mentionsInOrder();
    if (mentions.length === 0) return false;
    const active = this.options.doc.activeElement;
    const current = active?.closest(`[${MENTION_ATTR}]`);
    const next =
      (current && mentions.find((m) => current.compareDocumentPosition(m.elements[0]!) & 4 && !m.elements.includes(current))) ??
      mentions[0]!;
    return this.focusTarget(next.elements[0]!);
  }

  /** Scrolls to a mention or claim sentence by its number and opens its tooltip. */
  showTarget(id: number): boolean {
    const mention = this.annotator.mentions.find((m) => m.id === id);
    const claim = this.annotator.claimMarks.find((c) => c.id === id);
    const element = (mention ?? claim)?.elements[0];
    return element ? this.focusTarget(element) : false;
  }

  private focusTarget(element: Element): boolean {
    const target = element as HTMLElement;
    this.watcher.guard(() => {
      if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    });
    target.scrollIntoView({ block: 'center', inline: 'nearest' });
    target.focus({ preventScroll: true });
    void this.enrichment?.then(({ tooltip }) => tooltip?.open(target));
    return true;
  }

  private mentionsInOrder(): Mention[] {
    return this.annotator.mentions
      .filter((m) => m.elements[0]?.isConnected)
      .sort((a, b) => (a.elements[0]!.compareDocumentPosition(b.elements[0]!) & 4 ? -1 : 1));
  }

  /** Annotates a subtree in slices; resolves to the main-thread time it took (yields excluded). */
  private async annotate(root: Element): Promise<number> {
    if (this.signal.aborted) return 0;
    const slices = this.sliceTimer();
    const added = await this.annotator.scanSliced(root, slices.options);
    const busyMs = slices.finish();
    if (root === this.body && this.annotator.lastPreScan) this.timing.preScan = this.annotator.lastPreScan;
    this.timing.scanMs += busyMs;
    if (!this.signal.aborted && added.length > 0) {
      this.watcher.guard(() => makeFocusable(added, this.focusableEntries));
      void this.enrich(added);
      this.scheduleReport();
    }
    return busyMs;
  }

  /** Labels, tooltips and language analysis for new mentions; loads what they need first. */
  private async enrich(added: readonly Mention[]): Promise<void> {
    try {
      this.enrichment ??= this.loadEnrichment();
      const enrichment = await this.enrichment;
      if (this.signal.aborted) return;
      this.watcher.guard(() => labelMentions(added, enrichment.entries));
      await enrichment.analyze?.();
      this.scheduleReport();
    } catch (error) {
      console.warn('Evidence Lens: could not load the evidence for this page', error);
    }
  }

  private async loadEnrichment(): Promise<Enrichment> {
    const dataset = await this.options.fetchDataset();
    const enrichment: Enrichment = {
      dataset,
      entries: new Map(dataset.entries.map((e) => [e.id, e])),
      claims: new Map(dataset.claims.map((c) => [c.id, c])),
      tooltip: null,
      analyze: null,
    };
    // Each part stands alone: no tooltip is no reason to skip the analysis, and the other way.
    try {
      const ui = await this.options.loadModule('ui');
      this.modules.push('ui');
      if (!this.signal.aborted) enrichment.tooltip = this.mountTooltip(ui, enrichment);
    } catch (error) {
      console.warn('Evidence Lens: tooltips unavailable on this page', error);
    }
    try {
      const nlp = await this.options.loadModule('nlp');
      this.modules.push('nlp');
      const analyzer = nlp.createAnalyzer(dataset);
      enrichment.analyze = async () => {
        const slices = this.sliceTimer();
        await this.annotator.analyzeSliced(analyzer, slices.options);
        this.timing.analysisMs += slices.finish();
      };
    } catch (error) {
      console.warn('Evidence Lens: claim and dose checks unavailable on this page', error);
    }
    return enrichment;
  }

  private mountTooltip(ui: LazyModules['ui'], enrichment: Enrichment): TooltipLayer {
    const { dataset, entries, claims } = enrichment;
    return ui.mountTooltipLayer({
      doc: this.options.doc,
      signal: this.signal,
      trigger: this.options.tooltipTrigger,
      references: new Map<string, Reference>(dataset.references.map((r) => [r.id, r])),
      datasetVersion: dataset.version,
      subjectFor: (wrapper): TooltipSubject | undefined => {
        const id = Number(wrapper.getAttribute(MENTION_ATTR));
        if (wrapper.localName === CLAIM_TAG) {
          const claim = claims.get(wrapper.getAttribute(CLAIM_ATTR) ?? '');
          const finding = this.annotator.findings.claims.find((c) => c.markId === id);
          return claim && finding ? { kind: 'claim', claim, finding } : undefined;
        }
        const entry = entries.get(wrapper.getAttribute(ENTRY_ATTR) ?? '');
        if (!entry) return undefined;
        return { kind: 'mention', entry, found: findingsForMention(this.annotator.findings, id), claims };
      },
    });
  }

  /** Times our synchronous slices; yields to the page between them. */
  private sliceTimer() {
    let busyMs = 0;
    let sliceStart = performance.now();
    const endSlice = () => {
      const slice = performance.now() - sliceStart;
      busyMs += slice;
      this.timing.longestSliceMs = Math.max(this.timing.longestSliceMs, slice);
    };
    return {
      options: {
        sliceMs: SLICE_MS,
        yieldToPage: async () => {
          endSlice();
          await yieldToPage();
          sliceStart = performance.now();
        },
        now: () => performance.now(),
      },
      finish: () => {
        endSlice();
        return busyMs;
      },
    };
  }

  private scheduleReport(): void {
    if (this.signal.aborted) return;
    clearTimeout(this.reportTimer);
    this.reportTimer = setTimeout(() => void this.sendReport(), REPORT_DEBOUNCE_MS);
  }

  private async sendReport(): Promise<void> {
    if (this.signal.aborted) return;
    this.annotator.pruneDetached();
    const enrichment = this.annotator.mentions.length > 0 ? await this.enrichment?.catch(() => null) : null;
    if (this.signal.aborted) return;
    const report = buildReport({
      url: this.options.doc.location?.href ?? '',
      title: this.options.doc.title,
      relevant: this.annotator.pageRelevant,
      dataset: enrichment?.dataset ?? { version: this.options.index.version, entries: [], claims: [] },
      mentions: this.annotator.mentions,
      findings: this.annotator.findings,
      note: this.watcherNote,
      modules: [...this.modules],
      timing: { ...this.timing },
    });
    await this.options.sendReport(report).catch(() => undefined);
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

/** Screen readers hear what a mention is and its verdict before opening the tooltip. */
function labelMentions(mentions: readonly Mention[], entries: ReadonlyMap<string, Entry>): void {
  for (const mention of mentions) {
    const entry = entries.get(mention.entryId);
    const first = mention.elements[0];
    if (!entry || !first) continue;
    first.setAttribute('aria-description', `Evidence Lens: ${entry.name}, ${VERDICT_LOOKS[entry.verdict].label}`);
  }
}

/** Hands the main thread back to the page: scheduler.yield where the browser has it. */
function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
