import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '@/src/nlp/analyze';
import { piecesAround, safeBoundaries } from '@/src/nlp/text';
import { fixtureHarness, loadFixtureDataset } from '../fixtures/nlp/harness';

const harness = fixtureHarness();

/** Negation and hedging of the first mention of `alias` in the text. */
function contextOf(text: string, alias: string) {
  const result = harness.run(text);
  const at = text.toLowerCase().indexOf(alias.toLowerCase());
  const mention = result.mentions.find((m) => m.start === at);
  if (!mention) throw new Error(`no mention of ${alias} in: ${text}`);
  const context = result.contexts.find((c) => c.mentionId === mention.id);
  if (!context) throw new Error(`no context for ${alias}`);
  return { negated: context.negated, hedged: context.hedged };
}

const NEGATED: Array<[string, string]> = [
  ['Ropinirole did not help at all.', 'ropinirole'],
  ['Magnesium never worked for me.', 'magnesium'],
  ["Magnesium doesn't do anything for my legs.", 'magnesium'],
  ['Magnesium doesn\u2019t do anything for my legs.', 'magnesium'],
  ['Magnesium doesnt help me.', 'magnesium'],
  ['Requip no longer works for me.', 'Requip'],
  ['Mirapex stopped working after a year.', 'Mirapex'],
  ["Magnesium isn't a cure.", 'magnesium'],
  ['I stopped taking Benadryl.', 'Benadryl'],
  ['Avoid antihistamines if you can.', 'antihistamines'],
  ['I quit ropinirole in March.', 'ropinirole'],
  ['I came off Requip last year.', 'Requip'],
  ['Ropinirole had no effect on my legs.', 'ropinirole'],
  ["Ropinirole helped a lot, but magnesium didn't.", 'magnesium'],
  ['Gabapentin instead of ropinirole is what my doctor suggested.', 'ropinirole'],
];

const HEDGED: Array<[string, string]> = [
  ['Magnesium may help some people.', 'magnesium'],
  ['Ropinirole might make it worse over time.', 'ropinirole'],
  ['Some people find magnesium useful.', 'magnesium'],
  ["I've heard that magnesium helps.", 'magnesium'],
  ['Possibly, magnesium could help.', 'magnesium'],
  ['Magnesium seems to calm my legs.', 'magnesium'],
  ['Perhaps Epsom salt baths are worth a try.', 'Epsom salt'],
  ["I'm not sure magnesium helps.", 'magnesium'],
  ['Magnesium is thought to relax muscles.', 'magnesium'],
  ['Iron supplements probably help if ferritin is low.', 'iron supplements'],
];

const PLAIN: Array<[string, string]> = [
  ['Magnesium works for me.', 'magnesium'],
  ['Ropinirole helped a lot, but magnesium did not.', 'ropinirole'],
  ['Not only does magnesium help, it also relaxes me.', 'magnesium'],
  ['I have no RLS symptoms since I started magnesium.', 'magnesium'],
  ['Ropinirole stopped my symptoms within a week.', 'ropinirole'],
  ["Ropinirole works and I don't regret starting it.", 'ropinirole'],
  ['I take magnesium every night.', 'magnesium'],
  ['Magnesium without any side effects is rare.', 'magnesium'],
];

describe('negation around a mention', () => {
  it.each(NEGATED)('negated: %s', (text, alias) => {
    expect(contextOf(text, alias).negated).toBe(true);
  });
});

describe('hedging around a mention', () => {
  it.each(HEDGED)('hedged: %s', (text, alias) => {
    const context = contextOf(text, alias);
    expect(context.hedged).toBe(true);
    expect(context.negated).toBe(false);
  });
});

describe('neither negated nor hedged', () => {
  it.each(PLAIN)('plain: %s', (text, alias) => {
    expect(contextOf(text, alias)).toEqual({ negated: false, hedged: false });
  });
});

describe('sentences and offsets', () => {
  it('maps compromise sentences back to exact offsets, including odd characters', () => {
    const text =
      'Dr. Smith said: \u201cMagnesium helps.\u201d  I disagree \ud83d\ude00 \u2014 ropinirole\u00a0did more!\nNew line: RLS is worse at night';
    const result = harness.run(text);
    const sentences = result.contexts.map((c) => text.slice(c.sentence.start, c.sentence.end));
    expect(sentences).toEqual([
      'Dr. Smith said: \u201cMagnesium helps.',
      'I disagree \ud83d\ude00 \u2014 ropinirole\u00a0did more!',
      'New line: RLS is worse at night',
    ]);
    for (const c of result.contexts) {
      const mention = result.mentions.find((m) => m.id === c.mentionId)!;
      expect(c.sentence.start).toBeLessThanOrEqual(mention.start);
      expect(c.sentence.end).toBeGreaterThanOrEqual(mention.end);
    }
  });

  it('keeps abbreviations inside a sentence and splits at line breaks', () => {
    const text = 'I take approx. 400 mg of magnesium, e.g. glycinate. Ropinirole vs. nothing\nMagnesium again';
    const result = harness.run(text);
    const sentences = [...new Set(result.contexts.map((c) => text.slice(c.sentence.start, c.sentence.end)))];
    expect(sentences).toEqual([
      'I take approx. 400 mg of magnesium, e.g. glycinate.',
      'Ropinirole vs. nothing',
      'Magnesium again',
    ]);
  });

  it('parses only the pieces of text that hold a mention', () => {
    const filler = 'Nothing to see here, just some words about gardening. '.repeat(40);
    const text = `${filler}I take magnesium every night. ${filler}`;
    const at = text.indexOf('magnesium');
    const pieces = piecesAround(text, [{ start: at, end: at + 9 }]);
    expect(pieces).toHaveLength(1);
    expect(text.slice(pieces[0]!.start, pieces[0]!.end)).toBe('I take magnesium every night. ');
    expect(piecesAround(text, [])).toEqual([]);
  });

  it('parses only a window around mentions in a long block with no sentence ends', () => {
    const words = 'and then some more words without any full stop ';
    const text = `${words.repeat(400)}I take magnesium every night ${words.repeat(400)}`;
    const at = text.indexOf('magnesium');
    const [piece] = piecesAround(text, [{ start: at, end: at + 9 }]);
    expect(piece!.end - piece!.start).toBeLessThanOrEqual(2 * 1500 + 20);
    expect(piece!.start).toBeLessThan(at);
    expect(/\s/.test(text.charAt(piece!.start - 1))).toBe(true);
    const result = harness.run(text);
    expect(result.contexts).toHaveLength(1);
    expect(text.slice(result.contexts[0]!.sentence.start, result.contexts[0]!.sentence.end)).toContain('I take magnesium every night');
  });

  it('never cuts after an abbreviation, initials or a unit', () => {
    // Cuts: after "Smith." and "rules." and "Done." and "Yes!"; none after "Dr.", "mg.", "U.S.", "Approx.".
    const text = 'Ask Dr. Smith. Take 4 mg. Then U.S. rules. Approx. Done. Yes! No';
    const cuts = safeBoundaries(text).map((i) => text.slice(i, i + 4));
    expect(cuts).toEqual(['Take', 'Appr', 'Yes!', 'No']);
  });

  it('returns nothing for a text without mentions, and ignores mentions outside the text', () => {
    const analyzer = createAnalyzer(loadFixtureDataset());
    expect(analyzer.analyze({ text: 'Magnesium 500 mg.', mentions: [], pageAboutRls: true })).toEqual({
      contexts: [],
      doses: [],
      claims: [],
      aggravators: [],
    });
    const result = analyzer.analyze({
      text: 'Magnesium 500 mg.',
      mentions: [
        { id: 1, entryId: 'oral-magnesium', start: 0, end: 9 },
        { id: 2, entryId: 'oral-magnesium', start: 40, end: 49 },
      ],
      pageAboutRls: true,
    });
    expect(result.contexts.map((c) => c.mentionId)).toEqual([1]);
    expect(result.doses.map((d) => d.mentionId)).toEqual([1]);
  });
});

describe('preparing the analysis in small steps', () => {
  it('compiles its patterns over many steps, once, and finds the same afterwards', () => {
    const text = 'Valerian cures restless legs syndrome for good, and I take 6 mg of ropinirole.';
    const mentions = [
      { id: 1, entryId: 'valerian', start: 0, end: 8 },
      { id: 2, entryId: 'restless-legs-syndrome', start: 15, end: 38 },
      { id: 3, entryId: 'ropinirole', start: 67, end: 77 },
    ];
    const cold = createAnalyzer(loadFixtureDataset()).analyze({ text, mentions, pageAboutRls: true });
    const warmed = createAnalyzer(loadFixtureDataset());
    expect([...warmed.prepare!()].length).toBeGreaterThan(10);
    expect([...warmed.prepare!()]).toHaveLength(0);
    expect(warmed.analyze({ text, mentions, pageAboutRls: true })).toEqual(cold);
  });
});
