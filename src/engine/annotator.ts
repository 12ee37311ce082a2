/**
 * The engine's front door: finds every mention of a dataset entry under a root, wraps it,
 * and can remove every trace again. Depends on the DOM and the dataset only, so the content
 * script, the Node auditor and the tests all run this same code.
 */
import type { MatchEntry, MatchIndex } from '../dataset/match-index';
import type { Analysis, Analyzer } from '../nlp/types';
import { isInMainContent, isInNavigation } from './context';
import { FLAGGED_ATTR } from './dom-rules';
import { FuzzyMatcher } from './fuzzy';
import { Highlighter } from './highlighter';
import { MarkSet, type ClaimMark, type MentionMark } from './marks';
import type { AliasMatch, Matcher, MatcherTables } from './matcher';
import { PreScanner, RELEVANCE_SAMPLE, type PreScan } from './pre-scan';
import { countCues, isAboutHealth, RLS_NAMED, senseOf, sentenceAround, type SentenceCues, type Sense } from './senses';
import { runAtOnce, runSliced, type EditGuard, type SliceClock, type SlicedResult } from './slices';
import { isStretchVisible, iterateTextRuns, overlapsWrapped, type TextRun } from './text-runs';
import { createVisibilityCheck, type VisibilityMode } from './visibility';

export type { Analyzer } from '../nlp/types';
export type { ClaimMark, Mark, MentionMark } from './marks';
export type { PreScan } from './pre-scan';
/** A mention of a dataset entry on the page (a mark of kind 'mention'). */
export type Mention = MentionMark;

/** What the language analysis found on the page so far, across every analysed run. */
export interface PageFindings {
  contexts: Analysis['contexts'];
  doses: Analysis['doses'];
  claims: Array<Analysis['claims'][number] & { markId: number | null }>;
  aggravators: Analysis['aggravators'];
}

const LAYOUT_WHITESPACE = /[\n\r\t\f\v\u2028\u2029]/g;

export interface AnnotatorOptions {
  /** 'layout' in a browser; 'markup' where the DOM has no layout (Node, unit tests). */
  visibility: VisibilityMode;
  /**
   * Runs our DOM edits (one call per synchronous slice). The page watcher passes one that
   * switches its observer off meanwhile, so it never mistakes our edits for the page's.
   */
  editGuard?: EditGuard;
  /**
   * The pre-scan the page already runs (the content script's, with its matcher), so the
   * matcher is compiled once per page. By default the annotator makes its own.
   */
  preScanner?: PreScanner;
}

export class Annotator {
  /** Every mark this annotator has made and not yet lost to the page. */
  readonly marks = new MarkSet();
  readonly findings: PageFindings = emptyFindings();
  private readonly preScanner: PreScanner;
  private readonly matcher: Matcher;
  /** Built on the first page that is read in full: most pages never need it. */
  private fuzzyMatcher: FuzzyMatcher | null | undefined;
  private readonly entries: Map<string, MatchEntry>;
  /** Regions the page made editable: our marks there were removed, and they are never read again. */
  private readonly released = new WeakSet<Element>();
  /** Runs the analysis has read, so each is analysed once. */
  private readonly analysed = new WeakSet<TextRun>();
  private readonly highlighter: Highlighter;
  private readonly guard: EditGuard;
  /** What the page is about, as far as the scans so far tell (decided anew until it is health). */
  private topic: PageTopic | null = null;
  private readonly evidence = { distinctive: 0, healthSense: 0, otherSense: 0, rlsSignals: 0 };
  /** Text already weighed for the topic (by its first node), so a rescan adds no evidence twice. */
  private weighed = new WeakSet<Text>();
  /** How the latest scan's pre-scan decided (the benchmark and the report read it). */
  lastPreScan: PreScan | null = null;

  constructor(
    private readonly doc: Document,
    private readonly dataset: Pick<MatchIndex, 'entries' | 'disambiguations' | 'fuzzyGuard'> & { tables?: MatcherTables },
    private readonly options: AnnotatorOptions,
  ) {
    this.preScanner = options.preScanner ?? new PreScanner(doc, dataset, options.visibility);
    this.matcher = this.preScanner.matcher;
    this.entries = this.preScanner.entries;
    this.highlighter = new Highlighter({ layout: options.visibility === 'layout' });
    this.guard = options.editGuard ?? ((edit) => edit());
  }

  /** The mentions on the page, in the order they were found. */
  get mentions(): readonly MentionMark[] {
    return this.marks.mentions;
  }

  /** Whether the page reads as being about human health. */
  get pageRelevant(): boolean {
    return this.topic?.health ?? false;
  }

  /** Whether the page as a whole is about RLS (everyday words are marked anywhere on it). */
  get pageAboutRls(): boolean {
    return this.topic?.aboutRls ?? false;
  }

  /** Annotates everything under root not yet annotated, in one go; returns the new mentions. */
  scan(root: Element | null = this.doc.body): MentionMark[] {
    return runAtOnce(this.scanSteps(root), this.guard);
  }

  /**
   * The same as scan, but hands the main thread back to the page whenever a slice has run
   * for the clock's slice, so no task of ours grows long on a big page. Each slice is one
   * guarded edit: the page's observer is off only while our synchronous slice runs.
   */
  scanSliced(root: Element | null, clock: SliceClock): Promise<SlicedResult<MentionMark[]>> {
    return runSliced(this.scanSteps(root ?? this.doc.body), clock, this.guard);
  }

  /**
   * The scan after a pre-scan that already said `walk` (the content script pre-scans before it
   * loads the annotator): reads root in full, in slices.
   */
  walkSliced(root: Element, clock: SliceClock): Promise<SlicedResult<MentionMark[]>> {
    return runSliced(this.walkSteps(root), clock, this.guard);
  }

  /**
   * Runs the language analysis over every run that holds a mention and has not been read yet:
   * records what it finds (doses, negation, claims, aggravators) and marks each sentence that
   * makes a claim. Returns the new findings.
   */
  analyze(analyzer: Analyzer): PageFindings {
    return runAtOnce(this.analysisSteps(analyzer), this.guard);
  }

  analyzeSliced(analyzer: Analyzer, clock: SliceClock): Promise<SlicedResult<PageFindings>> {
    return runSliced(this.analysisSteps(analyzer), clock, this.guard);
  }

  /** Forgets the page-level decisions (after a single-page-app navigation, say). */
  resetPageContext(): void {
    this.topic = null;
    Object.assign(this.evidence, { distinctive: 0, healthSense: 0, otherSense: 0, rlsSignals: 0 });
    this.weighed = new WeakSet();
  }

  /** Drops marks (and what was found about them) whose elements the page has removed. */
  pruneDetached(): void {
    const live = this.marks.prune();
    if (!live) return;
    const f = this.findings;
    f.contexts = f.contexts.filter((c) => live.has(c.mentionId));
    f.doses = f.doses.filter((d) => live.has(d.mentionId));
    f.aggravators = f.aggravators.filter((a) => live.has(a.mentionId));
    f.claims = f.claims.filter((c) => c.mentionIds.some((id) => live.has(id)));
  }

  /**
   * The page rewrote a text node; if we had wrapped or split it, give it back whole.
   * Returns the element to rescan, or null when the node was none of ours.
   */
  releaseRewritten(node: Text): Element | null {
    const parentBefore = node.parentElement;
    let released = false;
    this.guard(() => {
      released = this.highlighter.releaseRewritten(node);
    });
    if (!released) return null;
    this.pruneDetached();
    return node.parentElement ?? parentBefore;
  }

  /**
   * Whether the page has registered one of our element names as a custom element since we
   * last looked. If so, every later mark is made under the fallback names, and the marks made
   * under the public names are removed (the caller rescans): the page's code would otherwise
   * keep running for them.
   */
  replaceClaimedNames(): boolean {
    if (!this.highlighter.names.recheck(this.doc)) return false;
    if (this.marks.mentions.length === 0 && this.marks.claims.length === 0) return false;
    this.clear();
    return true;
  }

  /**
   * The page made `region` editable (contenteditable set after load, or design mode: the whole
   * document). Removes our marks there once, keeping the reader's selection and caret on the
   * same characters, and never reads the region again. Returns whether anything was removed.
   */
  releaseEditable(region: Element): boolean {
    if (this.isReleased(region, true)) return false;
    this.released.add(region);
    let removed = false;
    this.guard(() => {
      removed = this.highlighter.releaseWithin(region);
    });
    if (removed) this.pruneDetached();
    return removed;
  }

  /** Whether an element (or, with `orAncestor`, any ancestor) was given up as editable. */
  private readonly isReleased = (element: Element, orAncestor = false): boolean => {
    if (this.released.has(element)) return true;
    if (!orAncestor) return false;
    for (let el = element.parentElement; el; el = el.parentElement) if (this.released.has(el)) return true;
    return false;
  };

  /** Removes every mark and restores the page's text nodes exactly. */
  clear(): void {
    this.guard(() => this.highlighter.unwrapAll());
    this.marks.clear();
    Object.assign(this.findings, emptyFindings());
    this.resetPageContext();
  }

  /**
   * The scan as small steps: collect runs, match them, decide relevance, then wrap one run's
   * matches per step. Yields between steps; returns the new mentions in reading order.
   */
  private *scanSteps(root: Element | null): Generator<void, MentionMark[]> {
    // A document in design mode is editable everywhere: nothing of it is ours to mark.
    if (!root || !root.isConnected || this.doc.designMode === 'on') return [];
    // Most pages hold no candidate at all: one native text read and one regex test settle it.
    // Relevance is left undecided until content with a candidate arrives.
    this.lastPreScan = yield* this.preScanner.steps(root, this.pageRelevant);
    if (this.lastPreScan !== 'walk') return [];
    return yield* this.walkSteps(root);
  }

  /** Collects runs, matches them, decides relevance, then wraps one run's matches per step. */
  private *walkSteps(root: Element): Generator<void, MentionMark[]> {
    if (!root.isConnected || this.doc.designMode === 'on') return [];
    const isVisible = createVisibilityCheck(this.options.visibility, this.doc);
    const found: FoundRun[] = [];
    const sample: string[] = [];
    let sampled = 0;
    let section = 0;
    /** Per section (between headings), mentions of RLS itself; a heading naming RLS counts double. */
    const rlsSignals = new Map<number, number>();
    for (const run of iterateTextRuns(root, this.isReleased)) {
      const heading = HEADING_TAGS.has(run.block.tagName);
      if (heading) section++;
      const exact = this.matcher.find(run.text);
      const fuzzy = this.fuzzy?.find(run.text, exact) ?? [];
      const all: AliasMatch[] = fuzzy.length > 0 ? [...exact, ...fuzzy].sort((a, b) => a.start - b.start) : exact;
      const visible = all.filter((m) => !overlapsWrapped(run, m.start, m.end) && isStretchVisible(run, m.start, m.end, isVisible));
      const matches = visible.length > 0 ? this.judgeRun(run, visible) : [];
      if (matches.length > 0) {
        this.highlighter.noteContainers(run);
        found.push({ run, matches, section, length: run.segments.map((s) => s.node.data.length) });
        const signals = matches.filter((m) => m.signalsRls).length;
        if (signals > 0) rlsSignals.set(section, (rlsSignals.get(section) ?? 0) + (heading ? RLS_SECTION_SIGNALS : signals));
      }
      if (sampled < RELEVANCE_SAMPLE) {
        sample.push(run.text);
        sampled += run.text.length;
      }
      yield;
    }
    this.decideTopic(found, sample.join(' '));

    const added: MentionMark[] = [];
    for (const { run, matches, length, section } of found) {
      // The page may have changed the run while we paused; the watcher will bring it back.
      if (!runIntact(run, length)) continue;
      // Everyday words are ours in a paragraph that names RLS, or a section about it.
      const aboutRls = (rlsSignals.get(section) ?? 0) >= RLS_SECTION_SIGNALS || matches.some((m) => m.signalsRls);
      const accepted = this.accepted(matches, run, aboutRls);
      const firstId = this.marks.reserve(accepted.length);
      const runMentions: MentionMark[] = [];
      // Last match first, so earlier offsets stay valid as we split nodes.
      for (let i = accepted.length - 1; i >= 0; i--) {
        const { start, end, entryId, text, readAs } = accepted[i]!;
        const markId = firstId + i;
        const elements = this.highlighter.wrap(run, start, end, { kind: 'mention', entryId }, markId);
        if (elements.length > 0) {
          const mention: MentionMark = { kind: 'mention', markId, entryId, text, elements, run, start, end };
          if (readAs) mention.readAs = readAs;
          runMentions.push(mention);
        }
      }
      runMentions.reverse();
      for (const mention of runMentions) this.marks.add(mention);
      added.push(...runMentions);
      yield;
    }
    return added;
  }

  /** One step per run that holds mentions not yet analysed: analyse, record, mark claims. */
  private *analysisSteps(analyzer: Analyzer): Generator<void, PageFindings> {
    const added = emptyFindings();
    const pageAboutRls = this.mentions.some((m) => this.entries.get(m.entryId)?.match.signalsRls);
    const byRun = new Map<TextRun, MentionMark[]>();
    for (const mention of this.mentions) {
      if (this.analysed.has(mention.run)) continue;
      const list = byRun.get(mention.run) ?? [];
      list.push(mention);
      byRun.set(mention.run, list);
    }
    // Claimed now, before the first pause, so an analysis started meanwhile skips these runs.
    for (const run of byRun.keys()) this.analysed.add(run);
    yield;
    if (byRun.size > 0 && analyzer.prepare) yield* analyzer.prepare();
    for (const [run, mentions] of byRun) {
      // The page may have rewritten the run since we wrapped it; the watcher brings it back.
      if (this.highlighter.currentText(run) !== run.text) continue;
      const analysis = analyzer.analyze({
        // Outside <pre> (never read) a line break in the markup is a space on screen; same
        // length, so every offset still points at the page's characters.
        text: run.text.replace(LAYOUT_WHITESPACE, ' '),
        mentions: mentions.map(({ markId, entryId, start, end }) => ({ id: markId, entryId, start, end })),
        pageAboutRls,
      });
      added.contexts.push(...analysis.contexts);
      added.doses.push(...analysis.doses);
      added.aggravators.push(...analysis.aggravators);
      const flaggedIds = new Set([
        ...analysis.doses.filter((d) => d.flagged).map((d) => d.mentionId),
        ...analysis.aggravators.map((a) => a.mentionId),
      ]);
      for (const mention of mentions) {
        if (flaggedIds.has(mention.markId)) for (const el of mention.elements) el.setAttribute(FLAGGED_ATTR, '');
      }
      for (const finding of analysis.claims) {
        const { start, end } = finding.sentence;
        // A sentence an earlier analysis already marked (text added to its paragraph later).
        if (this.highlighter.hasClaimIn(run, start, end)) continue;
        const markId = this.marks.reserve();
        const elements = this.highlighter.wrap(run, start, end, { kind: 'claim', claimId: finding.claimId }, markId);
        if (finding.flagged) for (const el of elements) el.setAttribute(FLAGGED_ATTR, '');
        if (elements.length > 0) {
          const mark: ClaimMark = { kind: 'claim', markId, claimId: finding.claimId, finding, elements, run, start, end };
          this.marks.add(mark);
        }
        added.claims.push({ ...finding, markId: elements.length > 0 ? markId : null });
      }
      yield;
    }
    const f = this.findings;
    f.contexts.push(...added.contexts);
    f.doses.push(...added.doses);
    f.claims.push(...added.claims);
    f.aggravators.push(...added.aggravators);
    return added;
  }

  /**
   * The matches of a run that may be annotated. Nothing on a page not about human health;
   * never a word whose sentence gives it another sense; context words only in the main
   * content; everyday words only where the page or the section is about RLS.
   */
  private accepted(matches: JudgedMatch[], run: TextRun, rlsSection: boolean): JudgedMatch[] {
    if (matches.length === 0 || !this.topic?.health || isInNavigation(run.block)) return [];
    let mainContent: boolean | undefined;
    return matches.filter((match) => {
      const entry = this.entries.get(match.entryId);
      if (!entry || match.sense === 'other') return false;
      const { scope } = entry.match;
      if (scope === 'always') return true;
      if (!(mainContent ??= isInMainContent(run.block))) return false;
      return scope === 'health-context' || rlsSection || this.topic!.aboutRls;
    });
  }

  /**
   * The run's matches with the sense their sentences give them. Only ambiguous words are
   * judged, and each sentence's vocabulary is counted once however many words it holds.
   */
  private judgeRun(run: TextRun, matches: FoundMatch[]): JudgedMatch[] {
    const ambiguous = matches.map((m) => this.isAmbiguous(m));
    const cuesByStart = new Map<number, SentenceCues>();
    const senseOfMatch = (match: FoundMatch, i: number): Sense => {
      if (!ambiguous[i]) return 'health';
      const { start, end } = sentenceAround(run.text, match.start, match.end);
      let cues = cuesByStart.get(start);
      if (!cues) {
        cues = countCues(run.text.slice(start, end));
        cuesByStart.set(start, cues);
      }
      // Only names nothing else is called confirm a sense: "wine" and "coffee" do not vouch for each other.
      let confirming = 0;
      for (let j = 0; j < matches.length; j++) {
        const other = matches[j]!;
        if (!ambiguous[j] && other.entryId !== match.entryId && other.start >= start && other.end <= end) confirming++;
      }
      return senseOf(cues, match.text, confirming);
    };
    return matches.map((match, i) => {
      const sense = senseOfMatch(match, i);
      return { ...match, sense, distinctive: !ambiguous[i], signalsRls: this.signalsRls(match.entryId, sense) };
    });
  }

  private get fuzzy(): FuzzyMatcher | null {
    const { entries, fuzzyGuard } = this.dataset;
    if (this.fuzzyMatcher === undefined) this.fuzzyMatcher = fuzzyGuard ? new FuzzyMatcher(entries, fuzzyGuard) : null;
    return this.fuzzyMatcher;
  }

  /**
   * Whether a match needs a sense decision: a context word, an ambiguous alias (the matcher
   * says which), or a misspelling read as a name, which proves nothing about the page.
   */
  private isAmbiguous(match: FoundMatch): boolean {
    return Boolean(match.readAs || match.ambiguous) || this.entries.get(match.entryId)?.match.scope !== 'always';
  }

  /** A mention of RLS itself (not an everyday word that stands for it), in its health sense. */
  private signalsRls(entryId: string, sense: Sense): boolean {
    const entry = this.entries.get(entryId);
    return Boolean(entry?.match.signalsRls) && entry?.match.scope !== 'rls-context' && sense === 'health';
  }

  /**
   * Adds this scan's evidence to the page's and decides what the page is about. A page once
   * found to be about health (or RLS) stays so until a reset: its marks are already there.
   */
  private decideTopic(found: FoundRun[], text: string): void {
    const evidence = this.evidence;
    for (const { run, matches } of found) {
      const first = run.segments[0]?.node;
      if (!first || this.weighed.has(first)) continue;
      this.weighed.add(first);
      for (const match of matches) {
        if (match.distinctive) evidence.distinctive++;
        else if (match.sense === 'health') evidence.healthSense++;
        else if (match.sense === 'other') evidence.otherSense++;
        if (match.signalsRls) evidence.rlsSignals++;
      }
    }
    const title = this.doc.title;
    const health = this.topic?.health || isAboutHealth({ ...evidence, title, text });
    const aboutRls = health && (this.topic?.aboutRls || evidence.rlsSignals >= RLS_PAGE_SIGNALS || RLS_NAMED.test(title));
    this.topic = { health, aboutRls };
  }
}

/**
 * A new annotator: what the lazily loaded reader module (entrypoints/evlens-reader.ts) hands the
 * content script, for a page its pre-scan lets through.
 */
export function createAnnotator(...args: ConstructorParameters<typeof Annotator>): Annotator {
  return new Annotator(...args);
}

/** What a page is about: human health at all, and RLS itself. */
interface PageTopic {
  health: boolean;
  aboutRls: boolean;
}

/** A match as the matcher or the fuzzy reader found it (`readAs`: the name a misspelling was read as). */
type FoundMatch = AliasMatch & { readAs?: string };

interface JudgedMatch extends FoundMatch {
  sense: Sense;
  /** A name nothing else is called: needs no sense decision. */
  distinctive: boolean;
  /** A mention of RLS itself, in its health sense. */
  signalsRls: boolean;
}

interface FoundRun {
  run: TextRun;
  matches: JudgedMatch[];
  /** Which section (counted by headings) the run stands in. */
  section: number;
  length: number[];
}

const HEADING_TAGS = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6']);
/** Mentions of RLS itself that make a whole page about it, wherever its everyday words stand. */
const RLS_PAGE_SIGNALS = 3;
/** Mentions of RLS that make a section about it (a heading naming RLS does on its own). */
const RLS_SECTION_SIGNALS = 2;

function emptyFindings(): PageFindings {
  return { contexts: [], doses: [], claims: [], aggravators: [] };
}

function runIntact(run: TextRun, lengths: number[]): boolean {
  return run.segments.every(
    (segment, index) => segment.node.isConnected && segment.node.data.length === lengths[index],
  );
}
