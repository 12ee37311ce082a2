/**
 * The pre-scan: whether a page (or a subtree the page added) can hold anything to annotate,
 * decided as cheaply as possible. Most of the web stops here, so this is the part of the engine
 * every page loads; reading a page in full (runs, senses, wrapping: the Annotator) is loaded
 * only for pages it lets through.
 */
import type { MatchEntry, MatchIndex } from '../dataset/match-index';
import { mayBeAboutHealth } from './health-words';
import { compileMatcher, type Matcher, type MatcherTables } from './matcher';
import type { VisibilityMode } from './visibility';

/**
 * `no-candidate`: no alias on the page; `nothing-to-annotate`: only everyday words on a page
 * not about health; `walk`: the page is read in full.
 */
export type PreScan = 'no-candidate' | 'nothing-to-annotate' | 'walk';

/** How much text the relevance decision samples: enough to judge, cheap on huge pages. */
export const RELEVANCE_SAMPLE = 20_000;
/** How much text one pre-scan step reads (a few milliseconds of regex work). */
const PRESCAN_PART = 64 * 1024;
/** Longer than any alias, so an alias cut by one part's end is whole at the next part's start. */
const PRESCAN_OVERLAP = 256;

export class PreScanner {
  /** The one matcher of the page (the Annotator reads with it too, once it is loaded). */
  readonly matcher: Matcher;
  readonly entries: Map<string, MatchEntry>;

  constructor(
    private readonly doc: Document,
    dataset: Pick<MatchIndex, 'entries' | 'disambiguations'> & { tables?: MatcherTables },
    /** 'layout' in a browser; 'markup' where the DOM has no layout (Node, unit tests). */
    private readonly visibility: VisibilityMode,
  ) {
    this.matcher = compileMatcher(dataset);
    this.entries = new Map(dataset.entries.map((entry) => [entry.id, entry]));
  }

  /**
   * Whether a scan of root can annotate anything. First the raw text (textContent: no layout,
   * a fraction of a millisecond per 100 KB) for alias substrings, which never says no wrongly;
   * most of the web stops here. In a browser, a whole-page "maybe" is then matched against the
   * rendered text (innerText: visible text only, blocks apart) as whole words, so
   * "environment" is no reason to walk a page for "iron", and a page that is not about health
   * and only uses everyday words ("coffee", "iron") is not walked either: nothing there would
   * be annotated. A subtree from the observer stays with substrings: innerText there would
   * force layout on a page that is busy changing. `aboutHealth`: the page is already known to
   * be about health.
   */
  *steps(root: Element, aboutHealth: boolean): Generator<void, PreScan> {
    if (!(yield* this.mayContainSliced(root.textContent ?? ''))) return 'no-candidate';
    // A page already found to be about health is walked whenever a candidate is there: no
    // rendered text needed (on a page that keeps changing, innerText would force a layout each time).
    if (this.visibility !== 'layout' || root !== this.doc.body || aboutHealth) return 'walk';
    // Each of these is one native call over the whole page: a step of its own, so a big page
    // hands the main thread back between them.
    yield;
    const rendered = (root as HTMLElement).innerText;
    // Matched a block-aligned part at a time (a step each); the first name that is always
    // annotated settles it.
    let found = false;
    for (const part of textParts(rendered, PRESCAN_PART, PRESCAN_OVERLAP)) {
      yield;
      const matches = this.matcher.find(part);
      if (matches.length === 0) continue;
      found = true;
      if (matches.some((m) => this.entries.get(m.entryId)?.match.scope === 'always')) return 'walk';
    }
    if (!found) return 'no-candidate';
    return mayBeAboutHealth(this.doc.title, rendered.slice(0, RELEVANCE_SAMPLE)) ? 'walk' : 'nothing-to-annotate';
  }

  /** The substring pre-scan a part at a time (overlapping, so no alias is cut in two), a step each. */
  private *mayContainSliced(text: string): Generator<void, boolean> {
    if (text.length <= PRESCAN_PART) return this.matcher.mayContain(text, 'substring');
    for (const part of textParts(text, PRESCAN_PART, PRESCAN_OVERLAP)) {
      if (this.matcher.mayContain(part, 'substring')) return true;
      yield;
    }
    return false;
  }
}

/**
 * `text` in parts of about `size` characters, each ending at a line break where one is near
 * (blocks end in one in rendered text), the next starting `overlap` characters back.
 */
function* textParts(text: string, size: number, overlap: number): Generator<string> {
  for (let start = 0; start < text.length; ) {
    let end = Math.min(text.length, start + size);
    if (end < text.length) {
      const lineEnd = text.lastIndexOf('\n', end);
      if (lineEnd > start + size / 2) end = lineEnd + 1;
    }
    yield text.slice(start, end);
    if (end >= text.length) return;
    start = Math.max(start + 1, end - overlap);
  }
}
