/**
 * The engine's front door: finds every mention of a dataset entry under a root, wraps it,
 * and can remove every trace again. Depends on the DOM and the dataset only, so the content
 * script, the Node auditor and the tests all run this same code.
 */
import type { Dataset, Entry } from '../dataset/schema';
import { isHealthRelevant, isInMainContent, isInNavigation } from './context';
import { compileMatcher, type AliasMatch, type Matcher } from './matcher';
import { isStretchVisible, iterateTextRuns, type TextRun } from './text-runs';
import { createVisibilityCheck, type VisibilityMode } from './visibility';
import { Wrapper } from './wrapper';

export interface Mention {
  /** Page-unique number, also in the wrappers' data-evlens-mention. */
  id: number;
  entryId: string;
  /** The mention's text as written on the page. */
  text: string;
  /** One wrapper per text node the mention crosses, in document order. */
  elements: Element[];
}

export interface AnnotatorOptions {
  /** 'layout' in a browser; 'markup' where the DOM has no layout (Node, unit tests). */
  visibility: VisibilityMode;
  /**
   * Runs our DOM edits (one call per synchronous slice). The page watcher passes one that
   * switches its observer off meanwhile, so it never mistakes our edits for the page's.
   */
  editGuard?: (edit: () => void) => void;
}

/** How much text the relevance decision samples: enough to judge, cheap on huge pages. */
const RELEVANCE_SAMPLE = 20_000;

export class Annotator {
  readonly mentions: Mention[] = [];
  private readonly matcher: Matcher;
  private readonly entries: Map<string, Entry>;
  private readonly wrapper = new Wrapper();
  private readonly guard: (edit: () => void) => void;
  private relevant: boolean | null = null;
  private nextMentionId = 1;

  constructor(
    private readonly doc: Document,
    dataset: Pick<Dataset, 'entries' | 'disambiguations'>,
    private readonly options: AnnotatorOptions,
  ) {
    this.matcher = compileMatcher(dataset);
    this.entries = new Map(dataset.entries.map((entry) => [entry.id, entry]));
    this.guard = options.editGuard ?? ((edit) => edit());
  }

  /** Whether the page reads as a health page (decided on the first scan after a reset). */
  get pageRelevant(): boolean {
    return this.relevant ?? false;
  }

  /** Annotates everything under root not yet annotated, in one go; returns the new mentions. */
  scan(root: Element | null = this.doc.body): Mention[] {
    const steps = this.scanSteps(root);
    let mentions: Mention[] = [];
    this.guard(() => {
      for (let step = steps.next(); ; step = steps.next()) {
        if (step.done) return void (mentions = step.value);
      }
    });
    return mentions;
  }

  /**
   * The same as scan, but hands the main thread back to the page whenever a slice has run
   * for `sliceMs`, so no task of ours grows long on a big page. Each slice is one guarded
   * edit: the page's observer is off only while our synchronous slice runs.
   */
  async scanSliced(
    root: Element | null = this.doc.body,
    options: { sliceMs: number; yieldToPage: () => Promise<void>; now: () => number },
  ): Promise<Mention[]> {
    const steps = this.scanSteps(root);
    for (;;) {
      let result: Mention[] | undefined;
      const sliceStart = options.now();
      this.guard(() => {
        for (;;) {
          const step = steps.next();
          if (step.done) return void (result = step.value);
          if (options.now() - sliceStart >= options.sliceMs) return;
        }
      });
      if (result) return result;
      await options.yieldToPage();
    }
  }

  /** Forgets the page-level decisions (after a single-page-app navigation, say). */
  resetPageContext(): void {
    this.relevant = null;
  }

  /** Drops mentions whose wrappers the page has removed. */
  pruneDetached(): void {
    const kept = this.mentions.filter((mention) => mention.elements.some((element) => element.isConnected));
    this.mentions.splice(0, this.mentions.length, ...kept);
  }

  /**
   * The page rewrote a text node; if we had wrapped or split it, give it back whole.
   * Returns the element to rescan, or null when the node was none of ours.
   */
  releaseRewritten(node: Text): Element | null {
    const parentBefore = node.parentElement;
    let released = false;
    this.guard(() => {
      released = this.wrapper.releaseRewritten(node);
    });
    if (!released) return null;
    this.pruneDetached();
    return node.parentElement ?? parentBefore;
  }

  /** Removes every wrapper and restores the page's text nodes exactly. */
  clear(): void {
    this.guard(() => this.wrapper.unwrapAll());
    this.mentions.length = 0;
    this.relevant = null;
    this.nextMentionId = 1;
  }

  entry(id: string): Entry | undefined {
    return this.entries.get(id);
  }

  /**
   * The scan as small steps: collect runs, match them, decide relevance, then wrap one match
   * per step. Yields between steps; returns the new mentions in reading order.
   */
  private *scanSteps(root: Element | null): Generator<void, Mention[]> {
    if (!root || !root.isConnected) return [];
    // Most pages hold no candidate at all: one native text read and one regex test settle it.
    // Relevance is left undecided until content with a candidate arrives.
    if (!this.mayContainCandidate(root)) return [];
    const isVisible = createVisibilityCheck(this.options.visibility, this.doc);
    const found: Array<{ run: TextRun; matches: AliasMatch[]; length: number[] }> = [];
    const sample: string[] = [];
    let sampled = 0;
    for (const run of iterateTextRuns(root)) {
      const matches = this.matcher.find(run.text).filter((m) => isStretchVisible(run, m.start, m.end, isVisible));
      if (matches.length > 0) found.push({ run, matches, length: run.segments.map((s) => s.node.data.length) });
      if (sampled < RELEVANCE_SAMPLE) {
        sample.push(run.text);
        sampled += run.text.length;
      }
      yield;
    }
    this.relevant ??= this.decideRelevance(found, sample.join(' '));

    const added: Mention[] = [];
    for (const { run, matches, length } of found) {
      // The page may have changed the run while we paused; the watcher will bring it back.
      if (!runIntact(run, length)) continue;
      const accepted = matches.filter((match) => this.accepts(match, run));
      const firstId = this.nextMentionId;
      this.nextMentionId += accepted.length;
      const runMentions: Mention[] = [];
      // Last match first, so earlier offsets stay valid as we split nodes.
      for (let i = accepted.length - 1; i >= 0; i--) {
        const { start, end, entryId, text } = accepted[i]!;
        const id = firstId + i;
        const elements = this.wrapper.wrap(run, start, end, entryId, id);
        if (elements.length > 0) runMentions.push({ id, entryId, text, elements });
      }
      runMentions.reverse();
      added.push(...runMentions);
      yield;
    }
    this.mentions.push(...added);
    return added;
  }

  /**
   * In a browser, a whole-page scan reads the rendered text (innerText: visible text only,
   * blocks apart; layout is already done when content scripts run) and tests whole words.
   * A subtree from the observer reads textContent, since innerText there would force layout
   * on a page that is busy changing, and tests substrings, since textContent glues words.
   */
  private mayContainCandidate(root: Element): boolean {
    if (this.options.visibility === 'layout' && root === this.doc.body) {
      return this.matcher.mayContain((root as HTMLElement).innerText, 'words');
    }
    return this.matcher.mayContain(root.textContent ?? '', 'substring');
  }

  private accepts(match: AliasMatch, run: TextRun): boolean {
    const entry = this.entries.get(match.entryId);
    if (!entry || isInNavigation(run.block)) return false;
    if (entry.match.scope === 'always') return true;
    return this.pageRelevant && isInMainContent(run.block);
  }

  private decideRelevance(found: Array<{ matches: AliasMatch[] }>, text: string): boolean {
    // Mentions wrapped before a reset (a single-page-app navigation) still count.
    let strongMentions = this.mentions.filter((m) => this.entries.get(m.entryId)?.match.scope === 'always').length;
    for (const { matches } of found) {
      for (const match of matches) {
        if (this.entries.get(match.entryId)?.match.scope === 'always') strongMentions++;
      }
    }
    return isHealthRelevant({ strongMentions, title: this.doc.title, text });
  }
}

function runIntact(run: TextRun, lengths: number[]): boolean {
  return run.segments.every(
    (segment, index) => segment.node.isConnected && segment.node.data.length === lengths[index],
  );
}
