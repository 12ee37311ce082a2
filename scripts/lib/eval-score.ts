/**
 * Scoring for the page evaluation set: marks the extension made (entry id + [start, end) in
 * the page text) against the truth items of tests/eval/pages.
 */
import { entriesOf, locateItem, type EvalPage, type TruthItem } from './eval-truth';

export interface Mark {
  mention: string;
  entry: string;
  start: number;
  end: number;
}

export interface PageObservation {
  text: string;
  marks: Mark[];
  textChanged: boolean;
  layoutChanged: boolean;
  /** How many of our page's own elements moved or resized (for the report). */
  movedElements: number;
  /** A few moved elements, "tag box -> box", for --verbose. */
  movedSample: string[];
  reported: boolean;
  error?: string;
}

export interface PlacedItem extends TruthItem {
  start: number;
  end: number;
}

export interface PageScore {
  name: string;
  split: string;
  health: boolean;
  genre: string;
  must: number;
  found: number;
  marks: number;
  right: number;
  wrong: number;
  textChanged: boolean;
  layoutChanged: boolean;
  movedElements: number;
  movedSample: string[];
  reported: boolean;
  badQuotes: string[];
  missed: { item: PlacedItem; context: string }[];
  wrongMarks: { mark: Mark; context: string; why: string }[];
  byClass: Record<string, { must: number; found: number }>;
  error?: string;
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

export function context(text: string, start: number, end: number, width = 50): string {
  const before = text.slice(Math.max(0, start - width), start);
  const after = text.slice(end, end + width);
  return `…${before}[[${text.slice(start, end)}]]${after}…`;
}

export function scorePage(page: EvalPage, seen: PageObservation): PageScore {
  const { text, marks } = seen;
  const placed: PlacedItem[] = [];
  const badQuotes: string[] = [];
  for (const item of page.truth.items) {
    const where = locateItem(text, item);
    if ('error' in where) badQuotes.push(where.error);
    else placed.push({ ...item, ...where });
  }
  const acceptable = placed.filter((item) => item.label !== 'not');
  const score: PageScore = {
    name: page.name,
    split: page.split,
    health: page.truth.health,
    genre: page.truth.genre,
    must: 0,
    found: 0,
    marks: marks.length,
    right: 0,
    wrong: 0,
    textChanged: seen.textChanged,
    layoutChanged: seen.layoutChanged,
    movedElements: seen.movedElements,
    movedSample: seen.movedSample,
    reported: seen.reported,
    badQuotes,
    missed: [],
    wrongMarks: [],
    byClass: {},
    error: seen.error,
  };
  const isRight = (mark: Mark, item: PlacedItem) => {
    const ids = entriesOf(item);
    return overlaps(mark, item) && (ids.length === 0 || ids.includes(mark.entry));
  };
  for (const mark of marks) {
    if (acceptable.some((item) => isRight(mark, item))) score.right++;
    else {
      score.wrong++;
      const near = placed.find((item) => overlaps(mark, item));
      const why = !near
        ? 'no item here'
        : near.label === 'not'
          ? `labelled not (${near.class})`
          : `entry ${mark.entry} not in [${entriesOf(near).join(', ')}]`;
      score.wrongMarks.push({ mark, context: context(text, mark.start, mark.end), why });
    }
  }
  for (const item of placed) {
    if (item.label !== 'must') continue;
    score.must++;
    const cls = (score.byClass[item.class] ??= { must: 0, found: 0 });
    cls.must++;
    if (marks.some((mark) => isRight(mark, item))) {
      score.found++;
      cls.found++;
    } else score.missed.push({ item, context: context(text, item.start, item.end) });
  }
  return score;
}

export interface Totals {
  pages: number;
  must: number;
  found: number;
  marks: number;
  right: number;
  recall: number;
  precision: number;
  nonHealthMarks: number;
  nonHealthPagesMarked: string[];
  changedPages: string[];
  unreported: string[];
  badQuotePages: string[];
  byClass: Record<string, { must: number; found: number; recall: number }>;
}

export function totals(scores: PageScore[]): Totals {
  const t: Totals = {
    pages: scores.length,
    must: 0,
    found: 0,
    marks: 0,
    right: 0,
    recall: 1,
    precision: 1,
    nonHealthMarks: 0,
    nonHealthPagesMarked: [],
    changedPages: [],
    unreported: [],
    badQuotePages: [],
    byClass: {},
  };
  for (const s of scores) {
    t.must += s.must;
    t.found += s.found;
    t.marks += s.marks;
    t.right += s.right;
    if (!s.health && s.marks > 0) {
      t.nonHealthMarks += s.marks;
      t.nonHealthPagesMarked.push(s.name);
    }
    if (s.textChanged || s.layoutChanged) t.changedPages.push(s.name);
    if (!s.reported) t.unreported.push(s.name);
    if (s.badQuotes.length > 0 || s.error) t.badQuotePages.push(s.name);
    for (const [cls, c] of Object.entries(s.byClass)) {
      const acc = (t.byClass[cls] ??= { must: 0, found: 0, recall: 1 });
      acc.must += c.must;
      acc.found += c.found;
    }
  }
  t.recall = t.must === 0 ? 1 : t.found / t.must;
  t.precision = t.marks === 0 ? 1 : t.right / t.marks;
  for (const c of Object.values(t.byClass)) c.recall = c.must === 0 ? 1 : c.found / c.must;
  return t;
}
