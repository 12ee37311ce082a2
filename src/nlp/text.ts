/**
 * Sentences and words with exact offsets. compromise/one (tokenizer, sentence splitter,
 * contraction expansion; no tagger) runs only on the stretches of text around mentions: the
 * text is first cut at boundaries compromise would also split at (line breaks, and ". " before
 * a capital after an ordinary word), and only the pieces holding a mention are parsed.
 */
import nlp from 'compromise/one';
import type { Span } from './types';

type View = ReturnType<typeof nlp>;

/** The fields of a compromise/one term this module reads (the published types omit some). */
interface RawTerm {
  text: string;
  pre: string;
  post: string;
  normal: string;
  machine?: string;
  implicit?: string;
}

export interface Token {
  /** Lower-case word; contractions expanded ("doesn't" gives "does" then "not"). */
  word: string;
  start: number;
  end: number;
  /** An expansion word with no characters of its own ("not" of "doesn't"): zero-width at the end of its host. */
  implicit: boolean;
  /** Clause punctuation follows this token (, ; : brackets, dashes). */
  breakAfter: boolean;
}

export interface Sentence extends Span {
  tokens: Token[];
  /** Clause number of each token (same length as tokens). */
  clauses: number[];
}

export interface Chunk extends Span {
  doc: View;
  /** Sentences in text order (only those with words). */
  sentences: Sentence[];
  /** By compromise sentence index: our sentence, and where its tokens start in it. */
  byDocSentence: Array<{ sentence: Sentence; offset: number } | undefined>;
}

const CLAUSE_PUNCT = /[,;:()[\]{}\u2014\u2013]|\s-\s|\.\.\.|\u2026/;
/** Words that start a new clause: "magnesium helped, but ropinirole didn't". */
const CLAUSE_WORDS = new Set(['but', 'however', 'although', 'though', 'whereas', 'except', 'unlike', 'because']);
/** "and I didn't...", "so she stopped...": a joining word before a new subject starts a clause. */
const JOINERS = new Set(['and', 'or', 'so', 'then']);
const SUBJECTS = new Set(['i', 'he', 'she', 'it', 'they', 'we', 'you', 'my', 'his', 'her', 'their', 'our', 'your']);

// Abbreviations of three letters or more that a period may follow inside a sentence.
const ABBREVIATIONS = new Set([
  'approx', 'incl', 'etc', 'dept', 'corp', 'inc', 'ltd', 'fig', 'figs', 'prof', 'gen', 'sept', 'vol', 'est',
  'misc', 'mrs', 'rev', 'sgt', 'capt', 'col', 'gov', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep',
  'oct', 'nov', 'dec', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun', 'tab', 'tabs', 'caps', 'cap', 'max',
  'min', 'avg', 'ref', 'refs', 'ed', 'eds', 'pp', 'vs', 'viz', 'cf', 'al', 'resp', 'govt', 'univ', 'assn',
]);

/** compromise splits after these when a lower-case word follows; such splits are undone. */
const JOIN_AFTER = new Set(['vs', 'etc', 'approx', 'eg', 'ie', 'incl', 'fig', 'cf', 'viz', 'ca', 'no', 'nr', 'dr', 'mr', 'mrs', 'ms', 'st', 'prof', 'resp']);

const PUNCT_BOUNDARY = /[.!?\u2026]+["'\u201d\u2019)\]]*\s+(?=["'\u201c\u2018([]*[A-Z])/g;
const LINE_BOUNDARY = /\s*[\n\r\u2028\u2029]\s*/g;

/**
 * Offsets where a new sentence surely starts. Conservative: a missed boundary only makes a
 * piece longer; a wrong one could split a sentence compromise would keep whole.
 */
export function safeBoundaries(text: string): number[] {
  const found: number[] = [];
  for (const m of text.matchAll(LINE_BOUNDARY)) found.push(m.index + m[0].length);
  for (const m of text.matchAll(PUNCT_BOUNDARY)) {
    const before = /([A-Za-z]+)$/.exec(text.slice(Math.max(0, m.index - 24), m.index));
    const word = before?.[1];
    const strong = m[0][0] !== '.';
    if (!strong) {
      if (!word || word.length < 3 || ABBREVIATIONS.has(word.toLowerCase())) continue;
      if (!/[a-z]/.test(word)) continue; // "U.S.", "FDA." and other capitals
    }
    found.push(m.index + m[0].length);
  }
  return found.sort((a, b) => a - b);
}

/** A piece longer than this (a run-on block with no sentence ends) is parsed only near its mentions. */
export const MAX_PIECE = 6000;
const WINDOW = 1500;

/**
 * The boundary-delimited pieces holding at least one span, merged when they overlap (touching
 * pieces stay apart, so every cut holds). In a piece over MAX_PIECE characters only windows of
 * ±1500 characters around the spans are kept, cut at white space.
 */
export function piecesAround(text: string, spans: readonly Span[], bounds: readonly number[] = safeBoundaries(text)): Span[] {
  if (spans.length === 0) return [];
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const pieces: Span[] = [];
  for (const span of sorted) {
    let start = lastAtOrBefore(bounds, span.start);
    let end = firstAfter(bounds, Math.max(span.start, span.end - 1), text.length);
    if (end - start > MAX_PIECE) {
      start = Math.max(start, cutAtSpace(text, span.start - WINDOW, 1));
      end = Math.min(end, cutAtSpace(text, span.end + WINDOW, -1));
    }
    const last = pieces[pieces.length - 1];
    if (last && start < last.end) last.end = Math.max(last.end, end);
    else pieces.push({ start, end });
  }
  return pieces;
}

/** The first white-space position at or after (direction 1) / before (-1) an offset. */
function cutAtSpace(text: string, offset: number, direction: 1 | -1): number {
  if (offset <= 0) return 0;
  if (offset >= text.length) return text.length;
  let i = offset;
  while (i > 0 && i < text.length && !/\s/.test(text.charAt(i))) i += direction;
  return direction === 1 ? Math.min(text.length, i + 1) : i;
}

/** The last of the sorted offsets at or before `value` (0 if none): a binary search. */
export function lastAtOrBefore(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  let best = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= value) {
      best = sorted[mid]!;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best;
}

/** The first of the sorted offsets after `value` (else `fallback`): a binary search. */
export function firstAfter(sorted: readonly number[], value: number, fallback: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  let best = fallback;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! > value) {
      best = sorted[mid]!;
      hi = mid - 1;
    } else lo = mid + 1;
  }
  return best;
}

/**
 * Parses one piece of `text` with compromise/one and maps every word back to exact offsets.
 * Sentences compromise splits after "vs." or "e.g." when a lower-case word follows are joined.
 */
export function parseChunk(text: string, piece: Span): Chunk {
  const source = text.slice(piece.start, piece.end);
  const doc = nlp(source);
  const document = doc.document as unknown as RawTerm[][];
  let cursor = 0;
  const perDocSentence = document.map((terms) => {
    const tokens: Token[] = [];
    for (const term of terms) {
      cursor += term.pre.length;
      let start = cursor;
      if (term.text && source.slice(start, start + term.text.length) !== term.text) {
        // compromise normally keeps every character; if it did not, find the word itself.
        const found = source.indexOf(term.text, Math.max(0, cursor - term.pre.length));
        if (found >= 0) start = found;
      }
      const end = start + term.text.length;
      cursor = end + term.post.length;
      const expansion = term.machine ?? term.implicit;
      const word = (expansion || term.normal || term.text).toLowerCase();
      const breakAfter = CLAUSE_PUNCT.test(term.post);
      const previous = tokens[tokens.length - 1];
      if (term.text === '' && previous) {
        // An expansion word ("not" of "doesn't"): zero-width at the end of its host word, and
        // the clause punctuation after the pair belongs to it.
        tokens.push({ word, start: previous.end, end: previous.end, implicit: true, breakAfter: breakAfter || previous.breakAfter });
        previous.breakAfter = false;
      } else {
        tokens.push({ word, start: piece.start + start, end: piece.start + end, implicit: term.text === '', breakAfter });
      }
    }
    return tokens;
  });

  const sentences: Sentence[] = [];
  const byDocSentence: Chunk['byDocSentence'] = [];
  let group: { tokens: Token[]; members: Array<[number, number]> } | undefined;
  const close = () => {
    if (!group) return;
    const words = group.tokens.filter((t) => !t.implicit);
    const first = words[0]!;
    const last = words[words.length - 1]!;
    const closing = /^[.!?\u2026]+/.exec(text.slice(last.end, Math.min(text.length, last.end + 8)));
    const sentence: Sentence = {
      start: first.start,
      end: last.end + (closing ? closing[0].length : 0),
      tokens: group.tokens,
      clauses: clauseNumbers(group.tokens),
    };
    sentences.push(sentence);
    for (const [n, offset] of group.members) byDocSentence[n] = { sentence, offset };
    group = undefined;
  };
  perDocSentence.forEach((tokens, n) => {
    const firstWord = tokens.find((t) => !t.implicit);
    if (!firstWord) return;
    const lastOfGroup = group?.tokens.filter((t) => !t.implicit).pop();
    const joins =
      group && lastOfGroup && JOIN_AFTER.has(lastOfGroup.word) && /^[a-z0-9]/.test(text.charAt(firstWord.start));
    if (group && joins) {
      group.members.push([n, group.tokens.length]);
      group.tokens = group.tokens.concat(tokens);
      return;
    }
    close();
    group = { tokens: [...tokens], members: [[n, 0]] };
  });
  close();
  return { ...piece, doc, sentences, byDocSentence };
}

function clauseNumbers(tokens: readonly Token[]): number[] {
  const clauses: number[] = [];
  let clause = 0;
  tokens.forEach((token, i) => {
    const starts = CLAUSE_WORDS.has(token.word) || (JOINERS.has(token.word) && SUBJECTS.has(tokens[i + 1]?.word ?? ''));
    if (i > 0 && starts && !tokens[i - 1]!.breakAfter) clause++;
    clauses.push(clause);
    if (token.breakAfter) clause++;
  });
  return clauses;
}

/** Index range [from, to) of the tokens overlapping a span (implicit tokens never overlap). */
export function tokenRange(sentence: Sentence, span: Span): [number, number] | undefined {
  let from = -1;
  let to = -1;
  sentence.tokens.forEach((token, i) => {
    if (token.implicit) return;
    if (token.start < span.end && token.end > span.start) {
      if (from < 0) from = i;
      to = i + 1;
    }
  });
  return from < 0 ? undefined : [from, to];
}

/** Token range [from, to) of the clause around token index i. */
export function clauseAround(sentence: Sentence, i: number): [number, number] {
  const clause = sentence.clauses[i];
  let from = i;
  let to = i + 1;
  while (from > 0 && sentence.clauses[from - 1] === clause) from--;
  while (to < sentence.tokens.length && sentence.clauses[to] === clause) to++;
  return [from, to];
}
