import { describe, expect, it } from 'vitest';
import { parseDataset } from '@/src/dataset/schema';
import { patternProblems } from '@/src/dataset/check';
import { patternToMatches } from '@/src/nlp/claims';
import fixture from '../fixtures/nlp/dataset.json';
import { fixtureHarness, loadFixtureDataset } from '../fixtures/nlp/harness';

const harness = fixtureHarness();
const claimsIn = (text: string) => harness.run(text).claims.map((c) => c.claimId);

describe('the fixture dataset', () => {
  it('is valid against the schema and its patterns follow the claim-pattern grammar', () => {
    const result = parseDataset(fixture);
    expect(result.ok ? [] : result.errors).toEqual([]);
    for (const claim of loadFixtureDataset().claims) {
      for (const pattern of claim.patterns) expect(patternProblems(pattern), pattern).toEqual([]);
    }
  });
});

const POSITIVES: Array<[string, string]> = [
  ['Magnesium cures RLS.', 'magnesium-cures-rls'],
  ['MAGNESIUM CURES RLS!!!', 'magnesium-cures-rls'],
  ['Magnesium cured my restless legs within a week.', 'magnesium-cures-rls'],
  ['Honestly, magnesium is the cure for restless legs.', 'magnesium-cures-rls'],
  ['I fixed my RLS completely with magnesium.', 'magnesium-cures-rls'],
  ['Did you know magnesium cures RLS?', 'magnesium-cures-rls'],
  ['Restless legs are usually caused by a magnesium deficiency.', 'rls-caused-by-magnesium-deficiency'],
  ['Magnesium deficiency causes RLS in most people.', 'rls-caused-by-magnesium-deficiency'],
  ['Magnesium oil is absorbed through the skin.', 'magnesium-oil-absorbed-through-skin'],
  ['Your skin absorbs magnesium from Epsom salt baths.', 'magnesium-oil-absorbed-through-skin'],
  ['Ropinirole does not cause augmentation.', 'ropinirole-never-causes-augmentation'],
  ["Ropinirole doesn't cause augmentation, my doctor said.", 'ropinirole-never-causes-augmentation'],
  ["Requip can't cause augmentation.", 'ropinirole-never-causes-augmentation'],
  ['Ropinirole cannot cause augmentation.', 'ropinirole-never-causes-augmentation'],
  ['RLS is all in your head, according to my old GP.', 'rls-all-in-your-head'],
  ["My GP said it's all in your head about my RLS.", 'rls-all-in-your-head'],
  ['Benadryl is great for sleep when you have RLS.', 'antihistamines-safe-for-rls-sleep'],
  ['Iron supplements helped because of my low ferritin.', 'iron-helps-when-ferritin-low'],
];

const NEGATIVES: Array<[string, string]> = [
  ['Magnesium does not cure RLS.', 'magnesium-cures-rls'],
  ["Magnesium doesn't cure RLS.", 'magnesium-cures-rls'],
  ["It's a myth that magnesium cures RLS.", 'magnesium-cures-rls'],
  ['There is no good evidence that magnesium cures RLS.', 'magnesium-cures-rls'],
  ['Does magnesium cure RLS?', 'magnesium-cures-rls'],
  ['If magnesium cured RLS, we would all be fine.', 'magnesium-cures-rls'],
  ['Some bloggers claim magnesium cures RLS.', 'magnesium-cures-rls'],
  ['Magnesium cures RLS is a claim that has been debunked.', 'magnesium-cures-rls'],
  ['Magnesium helps me sleep.', 'magnesium-cures-rls'],
  ['Magnesium never cured my RLS.', 'magnesium-cures-rls'],
  ['Restless legs are not caused by magnesium deficiency.', 'rls-caused-by-magnesium-deficiency'],
  ['Restless legs can be caused by iron deficiency, not magnesium.', 'rls-caused-by-magnesium-deficiency'],
  ['Magnesium oil is not absorbed through the skin in useful amounts.', 'magnesium-oil-absorbed-through-skin'],
  // The pattern matches but the sentence is about oral magnesium, not the claim's entry.
  ['Sunscreen is absorbed through the skin, unlike magnesium pills.', 'magnesium-oil-absorbed-through-skin'],
  ['Ropinirole can cause augmentation.', 'ropinirole-never-causes-augmentation'],
  ['It is false that ropinirole does not cause augmentation.', 'ropinirole-never-causes-augmentation'],
  ['RLS is not all in your head.', 'rls-all-in-your-head'],
  ['Antihistamines are not safe for RLS.', 'antihistamines-safe-for-rls-sleep'],
  ['Benadryl is never fine for RLS.', 'antihistamines-safe-for-rls-sleep'],
  // No mention at all: claims are looked for only in sentences with a mention.
  ["It's all in your head, my uncle said about my knees.", 'rls-all-in-your-head'],
];

describe('claim detection on the fixture dataset', () => {
  it.each(POSITIVES)('flags: %s', (text, claimId) => {
    expect(claimsIn(text)).toContain(claimId);
  });

  it.each(NEGATIVES)('does not flag: %s', (text, claimId) => {
    expect(claimsIn(text)).not.toContain(claimId);
  });

  it('reports the sentence, the matched words and the mentions, once per claim per sentence', () => {
    const text = 'I tried everything. Magnesium cures RLS, and magnesium fixed my restless legs! Then I stopped.';
    const { claims, mentions } = harness.run(text);
    expect(claims).toHaveLength(1);
    const [claim] = claims;
    expect(claim?.sentenceText).toBe('Magnesium cures RLS, and magnesium fixed my restless legs!');
    expect(text.slice(claim!.sentence.start, claim!.sentence.end)).toBe(claim?.sentenceText);
    expect(claim?.matchedText).toBe('Magnesium cures RLS');
    expect(claim?.mentionIds).toEqual(mentions.filter((m) => m.entryId === 'oral-magnesium').map((m) => m.id));
    expect(claim?.flagged).toBe(true);
  });

  it('flags only claims whose verdict is false, not-supported or misleading', () => {
    const [iron] = harness.run('Iron supplements helped because of my low ferritin.').claims;
    expect(iron?.claimId).toBe('iron-helps-when-ferritin-low');
    expect(iron?.flagged).toBe(false);
  });

  it('finds claims in each sentence of a paragraph', () => {
    const text =
      'Magnesium cures RLS. That is what the blog says. Magnesium oil is absorbed through the skin, it adds. ' +
      'RLS is all in your head, my GP once told me.';
    expect(claimsIn(text)).toEqual([
      'magnesium-cures-rls',
      'magnesium-oil-absorbed-through-skin',
      'rls-all-in-your-head',
    ]);
  });
});

describe('pattern compilation', () => {
  it('turns the dataset grammar into compromise match strings', () => {
    expect(patternToMatches('magnesium * (cures|fixes) .? rls')).toEqual(['magnesium .{0,8} (cures|fixes) .? rls']);
    expect(patternToMatches("ropinirole doesn't cause augmentation")).toEqual(['ropinirole does not cause augmentation']);
    expect(patternToMatches("parkinson's disease")).toEqual(["(parkinson's|parkinsons) disease"]);
    expect(patternToMatches("it's all in your head")).toEqual(["it's all in your head", 'it is all in your head']);
    // compromise/one cannot match two empty optional wildcards in a row: runs become one.
    expect(patternToMatches('caused by .? .? magnesium deficiency')).toEqual(['caused by .{0,2} magnesium deficiency']);
    expect(patternToMatches('magnesium . * rls')).toEqual(['magnesium .{1,9} rls']);
    expect(patternToMatches('68 percent? of adults')).toEqual(['(68|68%) percent? of adults']);
  });
});
