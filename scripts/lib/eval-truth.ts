/**
 * The page evaluation set (tests/eval/pages/{dev,heldout}/X.html + X.truth.json): loading,
 * the page text both Node and the browser compute, and the truth-file validator.
 *
 * The page text is every text node of <body> in document order, skipping script, style,
 * noscript and template (and our own evlens-ui* elements), with each run of whitespace
 * collapsed to one space. A truth item names a quote that occurs exactly once in that text
 * and holds its term once; the term's range in the text is what marks are scored against.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { Window } from 'happy-dom';

export const EVAL_PAGES_DIR = resolve(import.meta.dirname, '../../tests/eval/pages');
export const SPLITS = ['dev', 'heldout'] as const;
export type Split = (typeof SPLITS)[number];

export const GENRES = [
  'forum',
  'blog',
  'product',
  'patient-sheet',
  'news',
  'listicle',
  'qa',
  'spa',
  'stress',
  'other-condition',
  'general-health',
  'not-health',
] as const;
export const ABOUTS = ['rls', 'other-condition', 'general-health', 'not-health'] as const;
export const LABELS = ['must', 'may', 'not'] as const;
export const MUST_CLASSES = [
  'generic',
  'brand',
  'misspelling',
  'drug-class',
  'compound',
  'heading',
  'signature',
  'quote-block',
  'everyday-rls',
  'condition',
  'other-condition-drug',
  'layout',
  'spa',
] as const;
export const NOT_CLASSES = ['other-sense', 'not-health-page', 'everyday-not-rls', 'editable', 'code'] as const;

export type Label = (typeof LABELS)[number];

export interface TruthItem {
  quote: string;
  term: string;
  /** An entry id, or a list of ids any of which is accepted; absent means any entry. */
  entry?: string | string[];
  label: Label;
  class: string;
}

export interface Truth {
  genre: (typeof GENRES)[number];
  health: boolean;
  about: (typeof ABOUTS)[number];
  notes: string;
  /** The page builds its text with script: quotes are checked in the browser only. */
  dynamic?: boolean;
  /** Extra time to wait after load before reading the page (pages that update on a timer). */
  waitMs?: number;
  items: TruthItem[];
}

export interface EvalPage {
  /** "dev/forum-ropinirole", the path under tests/eval/pages without ".html". */
  name: string;
  split: Split;
  htmlPath: string;
  truthPath: string;
  truth: Truth;
}

export function entriesOf(item: TruthItem): string[] {
  if (item.entry === undefined) return [];
  return Array.isArray(item.entry) ? item.entry : [item.entry];
}

/** Every page of the chosen split(s), sorted by name; `only` keeps pages whose name or file name matches. */
export function loadEvalPages(split: Split | 'all' = 'all', only?: string): EvalPage[] {
  const pages: EvalPage[] = [];
  for (const s of SPLITS) {
    if (split !== 'all' && split !== s) continue;
    const dir = join(EVAL_PAGES_DIR, s);
    if (!existsSync(dir)) continue;
    for (const file of readdirSync(dir).sort()) {
      if (!file.endsWith('.html')) continue;
      const stem = file.slice(0, -'.html'.length);
      const name = `${s}/${stem}`;
      if (only && only !== name && only !== stem && only !== file) continue;
      const htmlPath = join(dir, file);
      const truthPath = join(dir, `${stem}.truth.json`);
      if (!existsSync(truthPath)) throw new Error(`${name}: no truth file ${basename(truthPath)}`);
      const truth = JSON.parse(readFileSync(truthPath, 'utf8')) as Truth;
      pages.push({ name, split: s, htmlPath, truthPath, truth });
    }
  }
  return pages;
}

/** Tags whose text is not page text. */
export const SKIPPED_TAGS = ['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE'];

/**
 * The page text with each text node's [start, end) in it. This function is also serialised
 * into the browser (page.evaluate), so it must stay self-contained: no imports, no closures.
 */
export function pageTextWithMap(body: Element): { text: string; nodes: { node: Node; start: number; end: number }[] } {
  const skipped = ['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE'];
  let text = '';
  const nodes: { node: Node; start: number; end: number }[] = [];
  const walk = (parent: Node): void => {
    for (let child = parent.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        const start = text.length;
        const data = child.nodeValue ?? '';
        for (let i = 0; i < data.length; i++) {
          const ch = data[i];
          if (ch === ' ' || ch === '\n' || ch === '\t' || ch === '\r' || ch === '\f' || ch === '\u00a0') {
            if (!text.endsWith(' ')) text += ' ';
          } else {
            text += ch;
          }
        }
        nodes.push({ node: child, start, end: text.length });
      } else if (child.nodeType === 1) {
        const tag = (child as Element).tagName.toUpperCase();
        if (skipped.includes(tag) || tag.startsWith('EVLENS-UI')) continue;
        walk(child);
      }
    }
  };
  walk(body);
  return { text, nodes };
}

/** The page text of a static page, computed in Node with happy-dom (no script runs). */
export function staticPageText(html: string): string {
  const window = new Window({
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      navigation: { disableMainFrameNavigation: true, disableChildFrameNavigation: true, disableChildPageNavigation: true },
    },
  });
  try {
    const parser = new window.DOMParser();
    const doc = parser.parseFromString(html, 'text/html');
    return pageTextWithMap(doc.body as unknown as Element).text;
  } finally {
    void window.happyDOM.close();
  }
}

function count(haystack: string, needle: string): number {
  if (!needle) return 0;
  let n = 0;
  for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + 1)) n++;
  return n;
}

/** Where the item's term sits in the page text, or why it cannot be placed. */
export function locateItem(text: string, item: TruthItem): { start: number; end: number } | { error: string } {
  const quote = item.quote.replace(/\s+/g, ' ');
  const occurrences = count(text, quote);
  if (occurrences !== 1) return { error: `quote occurs ${occurrences} times: "${item.quote}"` };
  const inQuote = count(quote, item.term);
  if (inQuote !== 1) return { error: `term "${item.term}" occurs ${inQuote} times in quote "${item.quote}"` };
  const start = text.indexOf(quote) + quote.indexOf(item.term);
  return { start, end: start + item.term.length };
}

/** Checks a truth file's shape and, given the page text, every quote. Returns the problems. */
export function validateTruth(truth: Truth, text: string | null, knownEntries?: Set<string>): string[] {
  const problems: string[] = [];
  if (!GENRES.includes(truth.genre)) problems.push(`unknown genre "${truth.genre}"`);
  if (!ABOUTS.includes(truth.about)) problems.push(`unknown about "${truth.about}"`);
  if (typeof truth.health !== 'boolean') problems.push('health must be true or false');
  if (truth.health !== (truth.about !== 'not-health')) problems.push(`health=${truth.health} disagrees with about=${truth.about}`);
  if (!Array.isArray(truth.items)) return [...problems, 'items must be a list'];
  const ranges: { start: number; end: number; quote: string }[] = [];
  for (const item of truth.items) {
    if (!LABELS.includes(item.label)) problems.push(`bad label "${item.label}" on "${item.quote}"`);
    const classes: readonly string[] = item.label === 'not' ? NOT_CLASSES : MUST_CLASSES;
    if (item.label !== 'may' && !classes.includes(item.class)) problems.push(`bad class "${item.class}" for ${item.label} item "${item.quote}"`);
    if (item.label !== 'not' && entriesOf(item).length === 0) problems.push(`${item.label} item without entry: "${item.quote}"`);
    if (knownEntries) {
      for (const id of entriesOf(item)) if (!knownEntries.has(id)) problems.push(`unknown entry "${id}" on "${item.quote}"`);
    }
    if (!truth.health && item.label !== 'not') problems.push(`non-health page with a ${item.label} item: "${item.quote}"`);
    if (text !== null) {
      const where = locateItem(text, item);
      if ('error' in where) problems.push(where.error);
      else {
        const clash = ranges.find((r) => r.start < where.end && where.start < r.end);
        if (clash) problems.push(`"${item.quote}" overlaps the term of "${clash.quote}"`);
        ranges.push({ ...where, quote: item.quote });
      }
    }
  }
  return problems;
}

/** Entry ids the dataset has, plus the ids truth files may name ahead of the dataset. */
export const FUTURE_ENTRIES = ['dopamine-agonists', 'alpha2delta-ligands', 'obstructive-sleep-apnea'];
