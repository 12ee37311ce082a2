/**
 * One precompiled matcher over every alias in the dataset: a single longest-first regex
 * alternation (measured at ~12 ms per MB of text, see ../shared/TOOLCHAIN.md §6), then a
 * dictionary lookup to learn which alias matched and whether its case rule holds.
 */
import type { Dataset } from '../dataset/schema';

export interface AliasMatch {
  start: number;
  end: number;
  entryId: string;
  /** The matched text as it stands on the page. */
  text: string;
}

export interface Matcher {
  /** Non-overlapping matches in text order; the longest alias wins at each position. */
  find(text: string): AliasMatch[];
  /** Quick yes/no for a cheap pre-scan. */
  test(text: string): boolean;
}

interface AliasTarget {
  entryId: string;
  /** Set when the alias only matches as written ("RLS", not "rls"). */
  exact?: string;
}

// Word separators an alias's space or hyphen may stand for on a page.
const SEPARATOR = '[\\s\\u00a0\\u2010\\u2011\\u2012\\u2013-]+';
const APOSTROPHE = "['\\u2019]";
// Plural and possessive endings: "magnesium's", "RLS's", "supplements".
const SUFFIX = `(?:${APOSTROPHE}s|s|es)?`;
const BEFORE = '(?<![\\p{L}\\p{N}_])';
const AFTER = '(?![\\p{L}\\p{N}_])';

export function compileMatcher(dataset: Pick<Dataset, 'entries' | 'disambiguations'>): Matcher {
  const targets = new Map<string, AliasTarget[]>();
  const winners = new Map(dataset.disambiguations.map((d) => [normalizeAlias(d.alias), d.entry]));
  const falseFriendsByEntry = new Map<string, RegExp>();

  for (const entry of dataset.entries) {
    for (const alias of entry.aliases) {
      const key = normalizeAlias(alias.text);
      const winner = winners.get(key);
      if (winner && winner !== entry.id) continue;
      const list = targets.get(key) ?? [];
      list.push(
        alias.caseSensitive
          ? { entryId: entry.id, exact: normalizeSeparators(alias.text) }
          : { entryId: entry.id },
      );
      targets.set(key, list);
    }
    if (entry.match.falseFriends.length > 0) {
      falseFriendsByEntry.set(entry.id, alternation(entry.match.falseFriends, ''));
    }
  }

  const pattern = alternation([...targets.keys()], SUFFIX);

  const resolve = (matched: string): AliasTarget | undefined => {
    const core = normalizeSeparators(matched);
    const lower = core.toLowerCase();
    for (const [key, suffixLength] of candidateKeys(lower)) {
      const list = targets.get(key);
      if (!list) continue;
      const written = suffixLength ? core.slice(0, -suffixLength) : core;
      const target = list.find((t) => t.exact === undefined || t.exact === written);
      if (target) return target;
    }
    return undefined;
  };

  return {
    test: (text) => {
      pattern.lastIndex = 0;
      return pattern.test(text);
    },
    find(text) {
      const matches: AliasMatch[] = [];
      pattern.lastIndex = 0;
      for (const m of text.matchAll(pattern)) {
        const target = resolve(m[0]);
        if (!target) continue;
        const start = m.index;
        matches.push({ start, end: start + m[0].length, entryId: target.entryId, text: m[0] });
      }
      return dropFalseFriends(text, matches, falseFriendsByEntry);
    },
  };
}

/** Lower-case, one space between words, straight apostrophes: the dictionary key of an alias. */
export function normalizeAlias(alias: string): string {
  return normalizeSeparators(alias).toLowerCase();
}

function normalizeSeparators(text: string): string {
  return text
    .trim()
    .replace(/[\s\u00a0\u2010\u2011\u2012\u2013-]+/g, ' ')
    .replace(/\u2019/g, "'");
}

/** The key itself, then the key without each plural or possessive ending. */
function* candidateKeys(lower: string): Generator<[string, number]> {
  yield [lower, 0];
  if (lower.endsWith("'s")) yield [lower.slice(0, -2), 2];
  if (lower.endsWith('es')) yield [lower.slice(0, -2), 2];
  if (lower.endsWith('s')) yield [lower.slice(0, -1), 1];
}

function alternation(phrases: string[], suffix: string): RegExp {
  const sources = [...new Set(phrases.map(normalizeAlias))]
    .sort((a, b) => b.length - a.length || a.localeCompare(b))
    .map(phraseSource);
  return new RegExp(`${BEFORE}(?:${sources.join('|')})${suffix}${AFTER}`, 'giu');
}

function phraseSource(phrase: string): string {
  return phrase
    .split(' ')
    .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, APOSTROPHE))
    .join(SEPARATOR);
}

/** A mention inside a false friend of its own entry ("cast iron", "magnesium stearate") is not one. */
function dropFalseFriends(
  text: string,
  matches: AliasMatch[],
  falseFriendsByEntry: Map<string, RegExp>,
): AliasMatch[] {
  const spansByEntry = new Map<string, Array<[number, number]>>();
  const spansOf = (entryId: string) => {
    let spans = spansByEntry.get(entryId);
    if (!spans) {
      const regex = falseFriendsByEntry.get(entryId);
      spans = regex ? [...text.matchAll(regex)].map((m) => [m.index, m.index + m[0].length]) : [];
      spansByEntry.set(entryId, spans);
    }
    return spans;
  };
  return matches.filter(
    (match) =>
      !falseFriendsByEntry.has(match.entryId) ||
      !spansOf(match.entryId).some(([start, end]) => match.start < end && start < match.end),
  );
}
