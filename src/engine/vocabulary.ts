/**
 * Counts the words of a vocabulary in a text: exact words (a plural "s", "es" or "ies" is the same
 * word), stems ("supplement" for "supplements", "supplementing") and two-word phrases ("test
 * tube"). One pass over the text with a character loop and set lookups: a page's vocabulary is
 * counted once per page load, when a regular expression with hundreds of alternatives would
 * still run interpreted, several times slower.
 */
export interface VocabularySpec {
  words: readonly string[];
  /** Word beginnings: any word that starts with one counts. */
  stems?: readonly string[];
  /** Two words in a row, separated by a space or hyphen in the text. */
  pairs?: readonly string[];
}

export class Vocabulary {
  private readonly words: ReadonlySet<string>;
  private readonly stems: ReadonlySet<string>;
  private readonly stemLengths: readonly number[];
  private readonly pairs: ReadonlySet<string>;
  /** The second words of the pairs: only after one of these is a pair looked up. */
  private readonly pairEnds: ReadonlySet<string>;
  /**
   * What each token as written is to this vocabulary (a word of it, the end of a pair, or
   * nothing). Page text repeats its words, so most tokens cost one lookup and no lower-casing.
   */
  private readonly known = new Map<string, TokenKind>();

  constructor(spec: VocabularySpec) {
    this.words = new Set(spec.words);
    this.stems = new Set(spec.stems ?? []);
    this.stemLengths = [...new Set((spec.stems ?? []).map((s) => s.length))].sort((a, b) => a - b);
    this.pairs = new Set(spec.pairs ?? []);
    this.pairEnds = new Set((spec.pairs ?? []).map((pair) => pair.slice(pair.lastIndexOf(' ') + 1)));
  }

  /** How many of the vocabulary's words the text holds. */
  count(text: string): number {
    return Vocabulary.tally(text, [this])[0]!;
  }

  /** How many words of each vocabulary the text holds, in one pass over it. */
  static tally(text: string, vocabularies: readonly Vocabulary[]): number[] {
    const counts = vocabularies.map(() => 0);
    let previous = '';
    let start = -1;
    for (let i = 0; i <= text.length; i++) {
      const code = i < text.length ? text.charCodeAt(i) : 32;
      if (isWordChar(code)) {
        if (start < 0) start = i;
        continue;
      }
      if (start < 0) continue;
      const token = text.slice(start, i);
      start = -1;
      for (let v = 0; v < vocabularies.length; v++) {
        const vocabulary = vocabularies[v]!;
        const kind = vocabulary.kindOf(token);
        if (kind === TokenKind.Word) counts[v]!++;
        else if (kind === TokenKind.PairEnd && previous && vocabulary.pairs.has(`${previous} ${token}`.toLowerCase())) counts[v]!++;
      }
      previous = token;
    }
    return counts;
  }

  private kindOf(token: string): TokenKind {
    let kind = this.known.get(token);
    if (kind === undefined) {
      const lower = token.toLowerCase();
      kind = this.has(lower) ? TokenKind.Word : this.pairEnds.has(lower) ? TokenKind.PairEnd : TokenKind.None;
      // Bounded: a page of random strings must not grow it without end.
      if (this.known.size >= MAX_KNOWN) this.known.clear();
      this.known.set(token, kind);
    }
    return kind;
  }

  private has(token: string): boolean {
    if (this.words.has(token)) return true;
    if (token.endsWith('s')) {
      if (this.words.has(token.slice(0, -1))) return true;
      if (token.endsWith('es') && this.words.has(token.slice(0, -2))) return true;
      if (token.endsWith('ies') && this.words.has(`${token.slice(0, -3)}y`)) return true;
    }
    for (const length of this.stemLengths) {
      if (length > token.length) break;
      if (this.stems.has(token.slice(0, length))) return true;
    }
    return false;
  }
}

/** A list written as words separated by white space. */
export function words(list: string): string[] {
  return list.split(/\s+/).filter(Boolean);
}

/** What a token is to a vocabulary. */
const TokenKind = { None: 0, Word: 1, PairEnd: 2 } as const;
type TokenKind = (typeof TokenKind)[keyof typeof TokenKind];

const MAX_KNOWN = 20_000;

/** ASCII letters and digits, µ, and the Latin-1 / Latin Extended letters of accented words. */
function isWordChar(code: number): boolean {
  return (
    (code >= 97 && code <= 122) ||
    (code >= 65 && code <= 90) ||
    (code >= 48 && code <= 57) ||
    code === 0xb5 ||
    (code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7)
  );
}
