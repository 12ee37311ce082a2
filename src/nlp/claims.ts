/**
 * Recurring health-blog claims. Each dataset pattern (see `patternProblems` in
 * dataset/check.ts: lower-case words, `word?`, `(a|b)`, `.`, `.?`, `*`) is turned into
 * compromise/one match strings once (parsed, with the words each needs); on a parsed piece of
 * text only the patterns whose words all occur are run. A match is dropped when a negation or
 * a debunking word stands inside it or just before it ("it is a myth that magnesium cures
 * RLS"), when the sentence fences it off ("unless you have RLS"), or when it is a question.
 */
import nlp from 'compromise/one';
import type { Claim } from '../dataset/schema';
import { hasNegationWord, NEGATION_WORDS } from './cues';
import type { Chunk, Sentence } from './text';

/** A statement that ends by asking for agreement: ", right?", ", isn't it?", ", correct?". */
const TAG_QUESTION = /,\s*(?:right|correct|true|no|yes|isn['\u2019]t it|don['\u2019]t they|doesn['\u2019]t it|eh)\s*\?+["'\u201d\u2019)]*$/i;

type View = ReturnType<typeof nlp>;

/** `*` in a pattern: any few words, at most this many. */
export const MAX_GAP_WORDS = 8;
const MAX_VARIANTS = 16;

const FLAGGED_VERDICTS = new Set<Claim['verdict']>(['false', 'not-supported', 'misleading']);
/** "it's" is "it is" as often as not; other "'s" words are possessives ("parkinson's"). */
const IS_CONTRACTIONS = new Set(['it', 'that', 'there', 'what', 'he', 'she', 'who', 'here', 'where', 'this']);
const EXTRA_NEGATIONS = ['no', 'without', 'hardly', 'barely'];

export interface CompiledClaim {
  claim: Claim;
  /** Entry ids the claim is about; empty means any mention. */
  entries: ReadonlySet<string>;
  flagged: boolean;
  /** Negation words the pattern itself contains ("ropinirole does not cause augmentation"). */
  literalNegations: ReadonlySet<string>;
  /** The compromise match strings the patterns became. */
  matches: string[];
}

interface CompiledMatch {
  claimId: string;
  parsed: ReturnType<typeof nlp.parseMatch>;
  /** Cheap prefilter: one word of each group must be in the text. */
  required: string[][];
}

interface RawTerm {
  text: string;
  normal: string;
  machine?: string;
  implicit?: string;
}

export interface CompiledClaims {
  claims: Map<string, CompiledClaim>;
  matchers: CompiledMatch[];
}

/** One pattern as compromise match strings (more than one when a word has two spellings). */
export function patternToMatches(pattern: string): string[] {
  let variants: string[][] = [[]];
  for (const token of pattern.trim().toLowerCase().split(/\s+/)) {
    const options = tokenOptions(token);
    const next: string[][] = [];
    for (const variant of variants) for (const option of options) next.push([...variant, ...option]);
    variants = next.slice(0, MAX_VARIANTS);
  }
  return [...new Set(variants.map((words) => mergeWildcards(words).join(' ')))];
}

/**
 * Runs of wildcards (`.`, `.?`, `*`) become one `.{min,max}`: compromise/one fails to match
 * two optional wildcards in a row when both are empty ("by .? .? magnesium" on "by magnesium").
 */
function mergeWildcards(words: readonly string[]): string[] {
  const out: string[] = [];
  let min = 0;
  let max = 0;
  let run = 0;
  const flush = () => {
    if (run === 0) return;
    if (run === 1 && min === max && min === 1) out.push('.');
    else if (run === 1 && min === 0 && max === 1) out.push('.?');
    else out.push(`.{${min},${max}}`);
    min = max = run = 0;
  };
  for (const word of words) {
    if (word === '.' || word === '.?' || word === '*') {
      run++;
      if (word === '.') min++;
      max += word === '*' ? MAX_GAP_WORDS : 1;
      continue;
    }
    flush();
    out.push(word);
  }
  flush();
  return out;
}

/** The ways one pattern token can be written as compromise match words. */
function tokenOptions(token: string): string[][] {
  if (token.startsWith('(') || token.startsWith('.') || token === '*') return [[token]];
  // "68 percent" is often written "68%", one word for compromise.
  if (/^\d+(?:\.\d+)?$/.test(token)) return [[`(${token}|${token}%)`]];
  if (!token.includes("'")) return [[token]];
  const optional = token.endsWith('?');
  const word = optional ? token.slice(0, -1) : token;
  const mark = optional ? '?' : '';
  if (word.endsWith("'s")) {
    const base = word.slice(0, -2);
    if (IS_CONTRACTIONS.has(base)) return [[token], [`${base}${mark}`, `is${mark}`]];
    return [[`(${base}'s|${base}s)${mark}`]];
  }
  // Contractions as compromise expands them in the text: "doesn't" → "does not".
  const terms = (nlp.tokenize(word).document as unknown as Array<Array<{ machine?: string; normal: string }>>)[0] ?? [];
  const expanded = terms.map((t) => (t.machine || t.normal).toLowerCase()).filter(Boolean);
  if (expanded.length <= 1) return [[token]];
  return [expanded.map((w) => `${w}${mark}`)];
}

export function compileClaims(claims: readonly Claim[]): CompiledClaims {
  const compiled = new Map<string, CompiledClaim>();
  const matchers: CompiledMatch[] = [];
  for (const claim of claims) {
    const matches = [...new Set(claim.patterns.flatMap(patternToMatches))];
    const literalNegations = new Set<string>();
    for (const match of matches) {
      for (const word of match.split(/[\s()|?]+/)) {
        if (NEGATION_WORDS.has(word) || EXTRA_NEGATIONS.includes(word)) literalNegations.add(word);
        // "can't" / "cannot" in an alternation stay whole in the pattern, but arrive in the
        // text as "can" + "not".
        if (/n't$/.test(word) || word === 'cannot') literalNegations.add('not');
      }
    }
    compiled.set(claim.id, {
      claim,
      entries: new Set(claim.entries),
      flagged: FLAGGED_VERDICTS.has(claim.verdict),
      literalNegations,
      matches,
    });
    for (const match of matches) {
      matchers.push({ claimId: claim.id, parsed: nlp.parseMatch(match), required: requiredWords(match) });
    }
  }
  return { claims: compiled, matchers };
}

/** Groups of words of which the text must hold at least one each for the match to be possible. */
function requiredWords(match: string): string[][] {
  const groups: string[][] = [];
  for (const token of match.split(' ')) {
    if (token.endsWith('?') || token.startsWith('.')) continue;
    if (token.startsWith('(') && token.endsWith(')')) groups.push(token.slice(1, -1).split('|'));
    else groups.push([token]);
  }
  return groups;
}

/** Every form compromise may match a word by: its text, normal form and expansion. */
function chunkWords(chunk: Chunk): Set<string> {
  const words = new Set<string>();
  for (const terms of chunk.doc.document as unknown as RawTerm[][]) {
    for (const term of terms) {
      if (term.text) words.add(term.text.toLowerCase());
      if (term.normal) words.add(term.normal);
      if (term.machine) words.add(term.machine);
      if (term.implicit) words.add(term.implicit);
    }
  }
  return words;
}

export interface ClaimHit {
  claimId: string;
  sentence: Sentence;
  /** Token range [from, to) of the match in the sentence. */
  from: number;
  to: number;
}

// Words that, just before a match or anywhere after it in the sentence, say it is being refuted.
const DEBUNK_WORDS = new Set([
  'myth', 'myths', 'misconception', 'misconceptions', 'false', 'untrue', 'debunked', 'debunk', 'disproven',
  'disproved', 'wrong', 'unfounded', 'unproven', 'baseless', 'misleading', 'bogus', 'hype', 'overhyped',
]);
const WEAK = new Set(['no', 'little', 'weak', 'limited', 'scant', 'insufficient', 'inconclusive', 'lacking', 'lack', 'not', 'zero', 'any']);
const EVIDENCE = new Set(['evidence', 'proof', 'data', 'research', 'studies', 'study', 'trials', 'support']);
const CONDITIONAL = new Set(['if', 'whether', 'unless', 'claim', 'claims', 'claimed', 'claiming']);

/**
 * All claim matches in the parsed piece, kept when the sentence passes `accept` (it holds a
 * mention the claim is about) and no negation, refutation, condition or question surrounds it.
 */
export function sweepClaims(
  compiled: CompiledClaims,
  chunk: Chunk,
  text: string,
  accept: (claim: CompiledClaim, sentence: Sentence) => boolean,
): ClaimHit[] {
  if (compiled.matchers.length === 0) return [];
  // Only the patterns whose words all occur in this piece are run (most pieces: none).
  const words = chunkWords(chunk);
  const found: Array<{ claimId: string; pointer: NonNullable<View['pointer']>[number] }> = [];
  for (const matcher of compiled.matchers) {
    if (!matcher.required.every((group) => group.some((w) => words.has(w)))) continue;
    for (const pointer of chunk.doc.match(matcher.parsed).pointer ?? []) found.push({ claimId: matcher.claimId, pointer });
  }
  const hits: ClaimHit[] = [];
  const seen = new Set<string>();
  for (const item of found) {
    const claim = compiled.claims.get(item.claimId);
    if (!claim) continue;
    const [n, start, end] = item.pointer;
    if (n === undefined || start === undefined || end === undefined) continue;
    const place = chunk.byDocSentence[n];
    if (!place) continue;
    const { sentence, offset } = place;
    const from = start + offset;
    const to = end + offset;
    const key = `${claim.claim.id}:${sentence.start}`;
    if (seen.has(key)) continue;
    if (!accept(claim, sentence)) continue;
    if (!survives(sentence, from, to, claim.literalNegations, text)) continue;
    seen.add(key);
    hits.push({ claimId: claim.claim.id, sentence, from, to });
  }
  return hits;
}

function survives(sentence: Sentence, from: number, to: number, literal: ReadonlySet<string>, text: string): boolean {
  const words = sentence.tokens.map((t) => t.word);
  if (hasNegationWord(words, from, to, literal)) return false;
  if (hasNegationWord(words, from - 3, from, literal)) return false;
  for (let i = Math.max(0, from - 3); i < from; i++) {
    if (DEBUNK_WORDS.has(words[i]!) || CONDITIONAL.has(words[i]!)) return false;
  }
  for (let i = to; i < words.length; i++) {
    const w = words[i]!;
    if (DEBUNK_WORDS.has(w)) return false;
    // "... unless you have RLS", "... except for people with RLS": the claim is fenced off.
    if (w === 'unless' || (w === 'except' && words[i + 1] !== 'that')) return false;
    // "..., said no one ever", "... nobody believes that".
    if (w === 'nobody' || (w === 'no' && words[i + 1] === 'one')) return false;
  }
  // "there is no (good) evidence that ...", "little research supports ..." before the match.
  for (let i = 0; i < from; i++) {
    if (!EVIDENCE.has(words[i]!)) continue;
    for (let j = Math.max(0, i - 3); j < i; j++) if (WEAK.has(words[j]!)) return false;
  }
  // Questions ("Does magnesium cure RLS?") are not claims; "Did you know ...?" is, and so is a
  // statement with a tag question ("Magnesium has no side effects, right?").
  const said = text.slice(sentence.start, sentence.end);
  if (said.endsWith('?')) {
    const didYouKnow = words[0] === 'did' && words[1] === 'you' && words[2] === 'know';
    if (!didYouKnow && !TAG_QUESTION.test(said)) return false;
  }
  return true;
}
