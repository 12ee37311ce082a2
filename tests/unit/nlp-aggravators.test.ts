import { describe, expect, it } from 'vitest';
import { fixtureHarness } from '../fixtures/nlp/harness';

const harness = fixtureHarness();
const flagged = (text: string, pageAboutRls = true) => harness.run(text, pageAboutRls).aggravators.map((a) => a.entryId);

const TAKING: Array<[string, string]> = [
  ['I take Benadryl every night to sleep.', 'sedating-antihistamines'],
  ['My doctor put me on sertraline last year.', 'antidepressants'],
  ["I've been taking an antidepressant for years.", 'antidepressants'],
  ['She was prescribed mirtazapine in the spring.', 'antidepressants'],
  ['My husband pops diphenhydramine like candy.', 'sedating-antihistamines'],
  ['The antihistamine I take for hay fever keeps me up.', 'sedating-antihistamines'],
  ["I'm on sertraline and ropinirole.", 'antidepressants'],
];

const NOT_TAKING: string[] = [
  'I stopped taking Benadryl.',
  'Avoid antihistamines if you have RLS.',
  'I never take antihistamines.',
  'I no longer use Benadryl.',
  'I used to take Zoloft, but not any more.',
  'Antihistamines can make RLS worse.',
  // A person reporting that it made the legs worse agrees with the evidence: a symptom, not a use.
  'Since I started taking Zoloft, my RLS has been awful.',
  'If you take antihistamines, your RLS may flare.',
  'Taking antihistamines is a common trigger.',
  'My doctor told me not to take Benadryl.',
  'I switched from sertraline to bupropion.',
  'I was on Benadryl for years until I quit.',
  // Reporting that the legs got worse on it agrees with the evidence: nothing to contradict.
  'My doctor put me on sertraline last year and my legs got worse.',
];

describe('aggravators: a person taking a known aggravator', () => {
  it.each(TAKING)('flags: %s', (text, entryId) => {
    expect(flagged(text)).toEqual([entryId]);
  });

  it.each(NOT_TAKING)('does not flag: %s', (text) => {
    expect(flagged(text)).toEqual([]);
  });

  it('flags nothing on a page that is not about RLS', () => {
    expect(flagged('I take Benadryl every night to sleep.', false)).toEqual([]);
  });

  it('reports the mention and its sentence with exact offsets', () => {
    const text = 'My legs are bad. I take Benadryl every night to sleep. It helps.';
    const { aggravators, mentions } = harness.run(text);
    expect(aggravators).toEqual([
      {
        mentionId: mentions[0]!.id,
        entryId: 'sedating-antihistamines',
        sentence: { start: 17, end: 54 },
        sentenceText: 'I take Benadryl every night to sleep.',
        flagged: true,
      },
    ]);
    expect(text.slice(17, 54)).toBe('I take Benadryl every night to sleep.');
  });
});
