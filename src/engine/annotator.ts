/**
 * The engine's front door: finds every mention of a dataset entry under a root, wraps it,
 * and can remove every trace again. Depends on the DOM and the dataset only, so the content
 * script, the Node auditor and the tests all run this same code.
 */
import type { Dataset, Entry } from '../dataset/schema';
import { isHealthRelevant, isInMainContent } from './context';
import { compileMatcher, type AliasMatch, type Matcher } from './matcher';
import { collectTextRuns, type TextRun } from './text-runs';
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
}

/** How much text the relevance decision samples: enough to judge, cheap on huge pages. */
const RELEVANCE_SAMPLE = 20_000;

export class Annotator {
  readonly mentions: Mention[] = [];
  private readonly matcher: Matcher;
  private readonly entries: Map<string, Entry>;
  private readonly wrapper = new Wrapper();
  private relevant: boolean | null = null;

  constructor(
    private readonly doc: Document,
    dataset: Pick<Dataset, 'entries' | 'disambiguations'>,
    private readonly options: AnnotatorOptions,
  ) {
    this.matcher = compileMatcher(dataset);
    this.entries = new Map(dataset.entries.map((entry) => [entry.id, entry]));
  }

  /** Whether the page reads as a health page (decided on the first scan). */
  get pageRelevant(): boolean {
    return this.relevant ?? false;
  }

  /** Annotates everything under root not yet annotated; returns the new mentions. */
  scan(root: Element | null = this.doc.body): Mention[] {
    if (!root) return [];
    const runs = collectTextRuns(root, createVisibilityCheck(this.options.visibility));
    const found = runs.map((run) => ({ run, matches: this.matcher.find(run.text) }));
    this.relevant ??= this.decideRelevance(found, runs);

    const added: Mention[] = [];
    for (const { run, matches } of found) {
      const accepted = matches.filter((match) => this.accepts(match, run));
      const firstId = this.mentions.length + added.length + 1;
      const runMentions: Mention[] = [];
      // Last to first, so earlier offsets in the run stay valid while we split nodes.
      for (let i = accepted.length - 1; i >= 0; i--) {
        const { start, end, entryId, text } = accepted[i]!;
        const id = firstId + i;
        const elements = this.wrapper.wrap(run, start, end, entryId, id);
        if (elements.length > 0) runMentions.unshift({ id, entryId, text, elements });
      }
      added.push(...runMentions);
    }
    this.mentions.push(...added);
    return added;
  }

  /** Removes every wrapper and restores the page's text nodes exactly. */
  clear(): void {
    this.wrapper.unwrapAll();
    this.mentions.length = 0;
    this.relevant = null;
  }

  entry(id: string): Entry | undefined {
    return this.entries.get(id);
  }

  private accepts(match: AliasMatch, run: TextRun): boolean {
    const entry = this.entries.get(match.entryId);
    if (!entry) return false;
    if (entry.match.scope === 'always') return true;
    return this.pageRelevant && isInMainContent(run.block);
  }

  private decideRelevance(found: Array<{ matches: AliasMatch[] }>, runs: TextRun[]): boolean {
    const strongMentions = found.reduce(
      (count, { matches }) =>
        count + matches.filter((m) => this.entries.get(m.entryId)?.match.scope === 'always').length,
      0,
    );
    let text = '';
    for (const run of runs) {
      if (text.length >= RELEVANCE_SAMPLE) break;
      text += `${run.text} `;
    }
    return isHealthRelevant({ strongMentions, title: this.doc.title, text });
  }
}
