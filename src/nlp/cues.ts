/**
 * Negation and hedging around a word span, decided on the words of its clause. Word lists,
 * not a parser: they are tuned so that "negated" is said only where a reader would agree
 * ("did not help", "stopped working", "avoid antihistamines"), because downstream a negated
 * sentence silences a flag.
 */
import { clauseAround, type Sentence } from './text';

/** Words that negate on their own (contractions arrive expanded: "doesn't" is "does" + "not"). */
export const NEGATION_WORDS = new Set([
  'not', 'never', 'nor', 'neither', 'nothing', 'none', 'nobody', 'cannot',
  'dont', 'doesnt', 'didnt', 'isnt', 'wasnt', 'arent', 'werent', 'cant', 'couldnt', 'wouldnt', 'shouldnt',
  'havent', 'hasnt', 'hadnt', 'aint', 'wont',
]);

/** "no" negates when one of these follows it ("no effect", "no longer"). */
const NO_OUTCOMES = new Set([
  'longer', 'effect', 'effects', 'help', 'relief', 'difference', 'improvement', 'luck', 'benefit', 'benefits',
  'change', 'use', 'good', 'better', 'results', 'result', 'success', 'impact', 'evidence',
]);

/** Negation words that do not negate in these pairs ("not only", "nothing but"). */
const NOT_NEGATING_NEXT: Record<string, Set<string>> = {
  not: new Set(['only', 'just', 'sure', 'certain', 'bad', 'know']),
  nothing: new Set(['but', 'short', 'else']),
  never: new Set(['looked']),
};

/** "nobody talks about", "nobody tells you": the claim is presented as a secret, not denied. */
const UNSPOKEN = new Set(['talks', 'tells', 'mentions', 'knows', 'told', 'mentioned', 'wants', 'will']);
const STOP_VERBS = new Set(['stopped', 'stop', 'stopping', 'stops', 'quit', 'quitting', 'quits', 'discontinued', 'discontinue']);
const STOP_OBJECTS = new Set(['working', 'helping', 'taking', 'using', 'doing', 'being']);
const OFF_VERBS = new Set(['came', 'come', 'coming', 'went', 'go', 'going', 'got', 'get', 'getting', 'weaned', 'tapered', 'taper', 'wean', 'be', 'am', 'is', 'was', 'been', 'now']);
const AVOID = new Set([
  'avoid', 'avoided', 'avoiding', 'avoids', 'skip', 'skipped', 'ditch', 'ditched', 'without',
  // Giving up an aggravator: "dropping the nightcap", "cutting caffeine".
  'dropping', 'dropped', 'cutting', 'limiting', 'reducing',
]);
const FAIL = new Set(['failed', 'fails', 'fail', 'useless', 'worthless', 'ineffective']);

/** Single hedge words. */
const HEDGE_WORDS = new Set([
  'may', 'might', 'could', 'possibly', 'perhaps', 'maybe', 'probably', 'reportedly', 'supposedly', 'allegedly',
  'anecdotally', 'apparently', 'potentially', 'seemingly', 'arguably', 'likely', 'unlikely', 'seem', 'seems',
  'seemed', 'suggest', 'suggests', 'suggested', 'suggesting', 'theoretically', 'unsure', 'rumored', 'rumoured',
  'purportedly', 'presumably',
]);
const SUGGEST = new Set(['suggest', 'suggests', 'suggested', 'suggesting']);
/** What suggests as evidence does: then "suggest" hedges. */
const EVIDENCE_NOUNS = new Set([
  'study', 'studies', 'research', 'evidence', 'data', 'trial', 'trials', 'review', 'reviews', 'findings', 'results',
  'science', 'researchers', 'authors', 'analysis', 'it', 'this', 'which', 'experience', 'reports',
]);
/** "some" hedges before these ("some people find"), not before a substance ("some magnesium"). */
const SOME_HEDGES = new Set([
  'people', 'folks', 'users', 'patients', 'studies', 'study', 'research', 'researchers', 'find', 'say', 'report',
  'experts', 'doctors', 'sufferers', 'of', 'readers', 'claim', 'evidence', 'say', 'swear', 'believe',
]);
/** Two-word hedges: [first, second]. */
const HEDGE_PAIRS: Array<[string, string]> = [
  ['have', 'heard'], ['i', 'heard'], ['heard', 'that'], ['i', 'think'], ['i', 'believe'], ['i', 'guess'],
  ['i', 'suspect'], ['i', 'wonder'], ['not', 'sure'], ['not', 'certain'], ['worth', 'a'], ['worth', 'trying'],
  ['in', 'theory'], ['thought', 'to'], ['believed', 'to'], ['said', 'to'], ['claimed', 'to'], ['is', 'thought'],
  ['is', 'believed'], ['for', 'some'], ['not', 'know'], ['may', 'be'],
];

export interface Polarity {
  negated: boolean;
  hedged: boolean;
}

/** Negation and hedging of the word span [from, to) of a sentence, within its clause. */
export function polarity(sentence: Sentence, from: number, to: number): Polarity {
  const [cf, ct] = clauseAround(sentence, from);
  const words = sentence.tokens.map((t) => t.word);
  return {
    negated: isNegated(words, cf, ct, from, to),
    hedged: isHedged(words, cf, ct),
  };
}

/** Is the span [from, to) negated inside the clause [cf, ct)? */
export function isNegated(words: readonly string[], cf: number, ct: number, from: number, to: number): boolean {
  for (let i = cf; i < ct; i++) {
    if (i >= from && i < to) continue;
    const w = words[i]!;
    const next = words[i + 1] ?? '';
    const before = i < from;
    const distanceBefore = from - i; // words between cue and span, +1
    if (NEGATION_WORDS.has(w)) {
      if (NOT_NEGATING_NEXT[w]?.has(next)) continue;
      // "the best remedy nobody talks about": a relative clause after the span, not a denial of it.
      if (i >= to && w === 'nobody' && UNSPOKEN.has(next)) continue;
      if (w === 'not' && (words[i - 1] === 'or' || words[i - 1] === 'if')) continue; // whether or not, if not
      if (w === 'not' && next === 'to' && words[i + 2] === 'mention') continue;
      return true;
    }
    if (w === 'no') {
      if (NO_OUTCOMES.has(next) || (before && distanceBefore <= 3)) return true;
      if (next === 'more' && before) return true; // "no more Requip"
      continue;
    }
    if (STOP_VERBS.has(w)) {
      if (STOP_OBJECTS.has(next)) return true;
      if (before && distanceBefore <= 3) return true; // "I stopped ropinirole", "quit taking Benadryl"
      continue;
    }
    if (w === 'gave' || w === 'give' || w === 'giving') {
      if (next === 'up') return true;
      continue;
    }
    if (w === 'off' && before && distanceBefore <= 2 && (OFF_VERBS.has(words[i - 1] ?? '') || distanceBefore === 1)) {
      return true; // "came off ropinirole", "I'm off Requip now"
    }
    if (w === 'instead' && next === 'of' && before) return true;
    if (w === 'switched' && next === 'from' && before) return true;
    if (w === 'used' && next === 'to' && before && distanceBefore <= 3) return true; // "I used to take"
    if (AVOID.has(w) && before) return true;
    if (FAIL.has(w)) return true;
  }
  return false;
}

export function isHedged(words: readonly string[], cf: number, ct: number): boolean {
  for (let i = cf; i < ct; i++) {
    const w = words[i]!;
    const next = words[i + 1] ?? '';
    if (HEDGE_WORDS.has(w)) {
      if (w === 'could' && next === 'not') continue; // "could not" negates
      // "Studies suggest", "it suggests that" hedge; "a pharmacist suggested NyQuil" is advice.
      if (SUGGEST.has(w) && next !== 'that' && !words.slice(Math.max(cf, i - 3), i).some((x) => EVIDENCE_NOUNS.has(x))) continue;
      return true;
    }
    if (w === 'some' && SOME_HEDGES.has(next)) return true;
    if (w === 'heard' && (i === cf || words[i - 1] === 'have' || words[i - 1] === 'i' || words[i - 1] === 'had')) return true;
    for (const [a, b] of HEDGE_PAIRS) if (w === a && next === b) return true;
  }
  return false;
}

/** Is any negation word (not, never, no...) at token indexes [from, to)? */
export function hasNegationWord(words: readonly string[], from: number, to: number, allowed: ReadonlySet<string>): boolean {
  for (let i = Math.max(0, from); i < to && i < words.length; i++) {
    const w = words[i]!;
    if (allowed.has(w)) continue;
    if (NEGATION_WORDS.has(w) || w === 'no' || w === 'without' || w === 'hardly' || w === 'barely') {
      if (NOT_NEGATING_NEXT[w]?.has(words[i + 1] ?? '')) continue;
      return true;
    }
  }
  return false;
}
