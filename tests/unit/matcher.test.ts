import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Entry } from '@/src/dataset/schema';
import { compileMatcher } from '@/src/engine/matcher';
import { aliasKey } from '@/src/dataset/words';
import { trieRegexSource } from '@/src/engine/trie-regex';

function entry(id: string, aliases: Array<string | { text: string; caseSensitive: true }>, falseFriends: string[] = []): Entry {
  return {
    id,
    name: id,
    kind: 'supplement',
    prescription: false,
    aliases: aliases.map((a) => (typeof a === 'string' ? { text: a } : a)),
    match: { scope: 'always', falseFriends },
    verdict: 'insufficient-evidence',
    verdictFor: 'RLS',
    verdictSource: 'test',
    certainty: 'not-graded',
    provisional: false,
    summary: 'test',
    numbers: [],
    caveats: [],
    citations: ['TEST'],
    reviewed: '2026-11-22',
  };
}

const matcher = compileMatcher({
  entries: [
    entry('mg', ['magnesium', 'magnesium citrate', 'magnésium'], ['magnesium stearate']),
    entry('mg-oil', ['magnesium oil']),
    entry('rls', ['restless legs syndrome', 'Willis-Ekbom disease', { text: 'RLS', caseSensitive: true }]),
    entry('sjw', ["St John's wort"]),
    entry('iron', ['iron'], ['cast iron', 'iron ore']),
  ],
  disambiguations: [],
});
const found = (text: string) => matcher.find(text).map((m) => `${m.entryId}:${m.text}`);

describe('compileMatcher', () => {
  it('matches whole words only, in any case unless the alias is case-sensitive', () => {
    expect(found('Magnesium, MAGNESIUM and magnesiumhaltig')).toEqual(['mg:Magnesium', 'mg:MAGNESIUM']);
    expect(found('RLS, rls, Rls, RLSx')).toEqual(['rls:RLS']);
    expect(found('éiron iron_ iron2 iron.')).toEqual(['iron:iron']);
  });

  it('lets the longest alias win and crosses any word separator', () => {
    expect(found('magnesium citrate; magnesium\n  oil; magnesium-oil; magnesium\u00a0oil')).toEqual([
      'mg:magnesium citrate',
      'mg-oil:magnesium\n  oil',
      'mg-oil:magnesium-oil',
      'mg-oil:magnesium\u00a0oil',
    ]);
    expect(found('Willis–Ekbom disease and Willis Ekbom disease')).toEqual([
      'rls:Willis–Ekbom disease',
      'rls:Willis Ekbom disease',
    ]);
  });

  it('accepts plurals, possessives and either apostrophe', () => {
    expect(found("RLS's toll, magnesium's price, St John’s wort, St John's Wort")).toEqual([
      "rls:RLS's",
      "mg:magnesium's",
      'sjw:St John’s wort',
      "sjw:St John's Wort",
    ]);
  });

  it('matches accented aliases and drops false friends', () => {
    expect(found('Le magnésium. Cast iron pans, iron ore, and iron tablets. Magnesium stearate.')).toEqual([
      'mg:magnésium',
      'iron:iron',
    ]);
  });

  it('pre-scan never says no when an alias is present, even glued to other text', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.constantFrom('magnesium', 'RLS', 'iron', 'restless legs syndrome', "st john's wort"),
        fc.string(),
        (before, alias, after) => matcher.mayContain(before + alias + after, 'substring'),
      ),
    );
    expect(matcher.mayContain('A page about gardening and bread.', 'substring')).toBe(false);
    // Whole words for rendered text: "environment" is no reason to walk the page for "iron".
    expect(matcher.mayContain('The environment matters.', 'substring')).toBe(true);
    expect(matcher.mayContain('The environment matters.', 'words')).toBe(false);
    expect(matcher.mayContain('Iron matters.', 'words')).toBe(true);
    // Case-sensitive acronyms are looked for as written: "girls" and "showed" hold no RLS or WED.
    expect(matcher.mayContain('The girls showed up on Wednesday.', 'substring')).toBe(false);
    expect(matcher.mayContain('Living with RLS.', 'substring')).toBe(true);
  });

  it('normalises aliases to one dictionary key', () => {
    expect(aliasKey('  Willis-Ekbom\u00a0 Disease ')).toBe('willis ekbom disease');
    expect(aliasKey('St John’s Wort')).toBe("st john's wort");
  });

  it('finds an alias written with a combining accent in composed page text (one normalisation for check and matcher)', () => {
    const decomposed = 'me\u0301latonine';
    const accented = compileMatcher({ entries: [entry('melatonin', [decomposed])], disambiguations: [] });
    expect(aliasKey(decomposed)).toBe(aliasKey('m\u00e9latonine'));
    expect(accented.find('Un peu de m\u00e9latonine le soir.').map((m) => m.entryId)).toEqual(['melatonin']);
  });
});

describe('trieRegexSource', () => {
  const literal = (c: string) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  it('builds a longest-first trie that matches exactly the phrases', () => {
    const source = trieRegexSource(['ab', 'abc', 'abd', 'b', 'x.y'], literal);
    expect(source).toBe('ab(?:c|d)?|b|x\\.y');
    const regex = new RegExp(`^(?:${source})$`);
    for (const phrase of ['ab', 'abc', 'abd', 'b', 'x.y']) expect(regex.test(phrase)).toBe(true);
    for (const other of ['a', 'abcd', 'xzy', '']) expect(regex.test(other)).toBe(false);
  });
});
