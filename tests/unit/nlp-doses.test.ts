import { describe, expect, it } from 'vitest';
import { findDosePhrases, parseAmount, parseUnit } from '@/src/nlp/doses';
import type { DoseFinding } from '@/src/nlp/types';
import { fixtureHarness } from '../fixtures/nlp/harness';

const harness = fixtureHarness();

interface Expected {
  entry: string;
  amount: number;
  amountMax?: number;
  unit: DoseFinding['unit'];
  timesPerDay: number;
  dailyMg: number | null;
  indication?: DoseFinding['indication'];
  status: DoseFinding['status'];
  bedtime?: boolean;
  ratio?: number;
}

// Real-world phrasings, as people write them on forums and blogs. Every sentence holds exactly
// one dose phrase that belongs to the named entry.
const CASES: Array<[string, Expected]> = [
  // Units and their spellings.
  ['I take 400mg of magnesium every night.', { entry: 'oral-magnesium', amount: 400, unit: 'mg', timesPerDay: 1, dailyMg: 400, status: 'over-upper-limit', bedtime: true }],
  ['I take 400 mgs of magnesium citrate.', { entry: 'oral-magnesium', amount: 400, unit: 'mg', timesPerDay: 1, dailyMg: 400, status: 'over-upper-limit' }],
  ['I was taking 400 miligrams of magnesium.', { entry: 'oral-magnesium', amount: 400, unit: 'mg', timesPerDay: 1, dailyMg: 400, status: 'over-upper-limit' }],
  ['Magnesium 250 milligrams daily keeps my legs calm.', { entry: 'oral-magnesium', amount: 250, unit: 'mg', timesPerDay: 1, dailyMg: 250, status: 'within-limit' }],
  ['Magnesium glycinate, 300 milligrammes, before bed.', { entry: 'oral-magnesium', amount: 300, unit: 'mg', timesPerDay: 1, dailyMg: 300, status: 'within-limit', bedtime: true }],
  ['I take magnesium 300 MG with dinner.', { entry: 'oral-magnesium', amount: 300, unit: 'mg', timesPerDay: 1, dailyMg: 300, status: 'within-limit' }],
  ['My doctor started me on Requip 0.25 mg.', { entry: 'ropinirole', amount: 0.25, unit: 'mg', timesPerDay: 1, dailyMg: 0.25, status: 'within-limit' }],
  ['Requip .5mg at bedtime helped at first.', { entry: 'ropinirole', amount: 0.5, unit: 'mg', timesPerDay: 1, dailyMg: 0.5, status: 'within-limit', bedtime: true }],
  ['I take Mirapex 0,25 mg at night.', { entry: 'pramipexole', amount: 0.25, unit: 'mg', timesPerDay: 1, dailyMg: 0.25, status: 'within-limit', bedtime: true }],
  ['Requip 500 mcg twice daily was my dose.', { entry: 'ropinirole', amount: 500, unit: 'mcg', timesPerDay: 2, dailyMg: 1, status: 'within-limit' }],
  ['Pramipexole 250 \u03bcg twice daily.', { entry: 'pramipexole', amount: 250, unit: 'mcg', timesPerDay: 2, dailyMg: 0.5, status: 'within-limit' }],
  ['Pramipexole 750 \u00b5g at night is what I was given.', { entry: 'pramipexole', amount: 750, unit: 'mcg', timesPerDay: 1, dailyMg: 0.75, status: 'over-rls-max', ratio: 1.5, bedtime: true }],
  ['I split my pramipexole 125ug tablets.', { entry: 'pramipexole', amount: 125, unit: 'mcg', timesPerDay: 1, dailyMg: 0.125, status: 'within-limit' }],
  ['Pramipexole 180 micrograms every evening.', { entry: 'pramipexole', amount: 180, unit: 'mcg', timesPerDay: 1, dailyMg: 0.18, status: 'within-limit', bedtime: true }],
  ['I use 2 g of magnesium oxide a day.', { entry: 'oral-magnesium', amount: 2, unit: 'g', timesPerDay: 1, dailyMg: 2000, status: 'over-upper-limit' }],
  ['Magnesium 1 gram at night knocks me out.', { entry: 'oral-magnesium', amount: 1, unit: 'g', timesPerDay: 1, dailyMg: 1000, status: 'over-upper-limit', bedtime: true }],
  ['I take 5,000 IU of vitamin D daily.', { entry: 'vitamin-d', amount: 5000, unit: 'IU', timesPerDay: 1, dailyMg: null, status: 'over-upper-limit', ratio: 1.25 }],
  ['Vitamin D3 1,000 IU is my daily dose.', { entry: 'vitamin-d', amount: 1000, unit: 'IU', timesPerDay: 1, dailyMg: null, status: 'within-limit' }],
  ['Requip 0.5 milligrams was plenty.', { entry: 'ropinirole', amount: 0.5, unit: 'mg', timesPerDay: 1, dailyMg: 0.5, status: 'within-limit' }],
  // Ranges.
  ['Magnesium glycinate 200-400 mg at night.', { entry: 'oral-magnesium', amount: 200, amountMax: 400, unit: 'mg', timesPerDay: 1, dailyMg: 400, status: 'over-upper-limit', bedtime: true }],
  ['Most sites suggest 200 to 400 mg of magnesium.', { entry: 'oral-magnesium', amount: 200, amountMax: 400, unit: 'mg', timesPerDay: 1, dailyMg: 400, status: 'over-upper-limit' }],
  ['Take between 1 and 2 mg of ropinirole.', { entry: 'ropinirole', amount: 1, amountMax: 2, unit: 'mg', timesPerDay: 1, dailyMg: 2, status: 'within-limit' }],
  ['Requip 0.25 to 0.5 mg is the usual start.', { entry: 'ropinirole', amount: 0.25, amountMax: 0.5, unit: 'mg', timesPerDay: 1, dailyMg: 0.5, status: 'within-limit' }],
  ['Ropinirole 1mg\u20132mg twice a day.', { entry: 'ropinirole', amount: 1, amountMax: 2, unit: 'mg', timesPerDay: 2, dailyMg: 4, status: 'within-limit' }],
  // Frequencies.
  ['Ropinirole 1 mg twice daily.', { entry: 'ropinirole', amount: 1, unit: 'mg', timesPerDay: 2, dailyMg: 2, status: 'within-limit' }],
  ['Pramipexole 0.25 mg 3x daily.', { entry: 'pramipexole', amount: 0.25, unit: 'mg', timesPerDay: 3, dailyMg: 0.75, status: 'over-rls-max', ratio: 1.5 }],
  ['Requip 1mg tid.', { entry: 'ropinirole', amount: 1, unit: 'mg', timesPerDay: 3, dailyMg: 3, status: 'within-limit' }],
  ['Requip 2 mg b.i.d. for years.', { entry: 'ropinirole', amount: 2, unit: 'mg', timesPerDay: 2, dailyMg: 4, status: 'within-limit' }],
  ['Requip 3 mg bid now.', { entry: 'ropinirole', amount: 3, unit: 'mg', timesPerDay: 2, dailyMg: 6, status: 'over-rls-max', ratio: 1.5 }],
  ['Ropinirole 1 mg qid.', { entry: 'ropinirole', amount: 1, unit: 'mg', timesPerDay: 4, dailyMg: 4, status: 'within-limit' }],
  ['Ropinirole 1 mg every 8 hours.', { entry: 'ropinirole', amount: 1, unit: 'mg', timesPerDay: 3, dailyMg: 3, status: 'within-limit' }],
  ['Ropinirole 2 mg morning and night.', { entry: 'ropinirole', amount: 2, unit: 'mg', timesPerDay: 2, dailyMg: 4, status: 'within-limit' }],
  ['Ropinirole 0.5 mg once a day.', { entry: 'ropinirole', amount: 0.5, unit: 'mg', timesPerDay: 1, dailyMg: 0.5, status: 'within-limit' }],
  ['Ropinirole 3 mg per day.', { entry: 'ropinirole', amount: 3, unit: 'mg', timesPerDay: 1, dailyMg: 3, status: 'within-limit' }],
  ['Ropinirole 6 mg/day was too much.', { entry: 'ropinirole', amount: 6, unit: 'mg', timesPerDay: 1, dailyMg: 6, status: 'over-rls-max', ratio: 1.5 }],
  ['Ropinirole 1 mg 3x/day.', { entry: 'ropinirole', amount: 1, unit: 'mg', timesPerDay: 3, dailyMg: 3, status: 'within-limit' }],
  ['Mirapex 0.125 mg twice a day.', { entry: 'pramipexole', amount: 0.125, unit: 'mg', timesPerDay: 2, dailyMg: 0.25, status: 'within-limit' }],
  ['Requip 0.5 mg three times daily.', { entry: 'ropinirole', amount: 0.5, unit: 'mg', timesPerDay: 3, dailyMg: 1.5, status: 'within-limit' }],
  ['Requip 0.5 mg 3 times daily.', { entry: 'ropinirole', amount: 0.5, unit: 'mg', timesPerDay: 3, dailyMg: 1.5, status: 'within-limit' }],
  ['Magnesium 200mg 2x daily.', { entry: 'oral-magnesium', amount: 200, unit: 'mg', timesPerDay: 2, dailyMg: 400, status: 'over-upper-limit' }],
  ['Magnesium citrate 150 mg every 12 hours.', { entry: 'oral-magnesium', amount: 150, unit: 'mg', timesPerDay: 2, dailyMg: 300, status: 'within-limit' }],
  ['Magnesium 400 mg every other day.', { entry: 'oral-magnesium', amount: 400, unit: 'mg', timesPerDay: 0.5, dailyMg: 200, status: 'within-limit' }],
  ['Requip 1mg 2 hours before bed.', { entry: 'ropinirole', amount: 1, unit: 'mg', timesPerDay: 1, dailyMg: 1, status: 'within-limit' }],
  // Counts and fractions.
  ['Magnesium citrate 200mg x3 a day.', { entry: 'oral-magnesium', amount: 600, unit: 'mg', timesPerDay: 1, dailyMg: 600, status: 'over-upper-limit' }],
  ['I take two 200mg magnesium tablets.', { entry: 'oral-magnesium', amount: 400, unit: 'mg', timesPerDay: 1, dailyMg: 400, status: 'over-upper-limit' }],
  ['Two 200 mg tablets of magnesium twice a day.', { entry: 'oral-magnesium', amount: 400, unit: 'mg', timesPerDay: 2, dailyMg: 800, status: 'over-upper-limit' }],
  ['I take half a 0.5 mg Requip tablet.', { entry: 'ropinirole', amount: 0.25, unit: 'mg', timesPerDay: 1, dailyMg: 0.25, status: 'within-limit' }],
  ['Ropinirole 2 x 2 mg daily.', { entry: 'ropinirole', amount: 4, unit: 'mg', timesPerDay: 1, dailyMg: 4, status: 'within-limit' }],
  // Where the dose stands relative to its mention.
  ['Requip XL 8 mg is what I am on now.', { entry: 'ropinirole', amount: 8, unit: 'mg', timesPerDay: 1, dailyMg: 8, status: 'over-rls-max', ratio: 2 }],
  ['My neurologist had me on ropinirole 12 mg three times a day.', { entry: 'ropinirole', amount: 12, unit: 'mg', timesPerDay: 3, dailyMg: 36, indication: 'unstated', status: 'over-rls-max', ratio: 9 }],
  ['I was on ropinirole, 12 mg three times a day.', { entry: 'ropinirole', amount: 12, unit: 'mg', timesPerDay: 3, dailyMg: 36, status: 'over-rls-max', ratio: 9 }],
  ['12 mg ropinirole a day is a Parkinson-level dose.', { entry: 'ropinirole', amount: 12, unit: 'mg', timesPerDay: 1, dailyMg: 12, indication: 'parkinsons', status: 'other-indication' }],
  ['I take 400 mg magnesium glycinate at bedtime.', { entry: 'oral-magnesium', amount: 400, unit: 'mg', timesPerDay: 1, dailyMg: 400, status: 'over-upper-limit', bedtime: true }],
  ['Up to 4 mg per day of ropinirole is allowed.', { entry: 'ropinirole', amount: 4, unit: 'mg', timesPerDay: 1, dailyMg: 4, status: 'within-limit' }],
  ['I take 2 mg of Requip at night.', { entry: 'ropinirole', amount: 2, unit: 'mg', timesPerDay: 1, dailyMg: 2, status: 'within-limit', bedtime: true }],
  ['Magnesium: 500 mg.', { entry: 'oral-magnesium', amount: 500, unit: 'mg', timesPerDay: 1, dailyMg: 500, status: 'over-upper-limit' }],
  ['I started ropinirole last spring and now I take 2 mg.', { entry: 'ropinirole', amount: 2, unit: 'mg', timesPerDay: 1, dailyMg: 2, status: 'within-limit' }],
  ['Neupro patch 3 mg/24h.', { entry: 'rotigotine', amount: 3, unit: 'mg', timesPerDay: 1, dailyMg: 3, status: 'within-limit' }],
  ['Rotigotine 4 mg/24 hours made things worse.', { entry: 'rotigotine', amount: 4, unit: 'mg', timesPerDay: 1, dailyMg: 4, status: 'over-rls-max', ratio: 1.333333 }],
  ['Gabapentin 300 mg three times a day.', { entry: 'gabapentin', amount: 300, unit: 'mg', timesPerDay: 3, dailyMg: 900, status: 'no-limit' }],
  // Strengths written without a unit, as forums do: milligrams, the unit of the drug's limit.
  ['Pramipexole 0.5 three times a day for RLS.', { entry: 'pramipexole', amount: 0.5, unit: 'mg', timesPerDay: 3, dailyMg: 1.5, indication: 'rls', status: 'over-rls-max', ratio: 3 }],
  ['mirapex .25 at bedtime', { entry: 'pramipexole', amount: 0.25, unit: 'mg', timesPerDay: 1, dailyMg: 0.25, status: 'within-limit', bedtime: true }],
  ['i take 3 magnesium 400s a day', { entry: 'oral-magnesium', amount: 1200, unit: 'mg', timesPerDay: 1, dailyMg: 1200, status: 'over-upper-limit' }],
  ['pramipexole 0.125s, i take eight a night', { entry: 'pramipexole', amount: 1, unit: 'mg', timesPerDay: 1, dailyMg: 1, status: 'over-rls-max', bedtime: true }],
  ['ropinirole 1 at 6pm and 2 at bedtime', { entry: 'ropinirole', amount: 3, unit: 'mg', timesPerDay: 1, dailyMg: 3, status: 'within-limit' }],
  ['My routine is magnesium 200: one with breakfast, one with dinner, one at bedtime.', { entry: 'oral-magnesium', amount: 600, unit: 'mg', timesPerDay: 1, dailyMg: 600, status: 'over-upper-limit' }],
  // A per-unit amount whose count of units comes before it or in the next sentence.
  ['I take 3 capsules of magnesium glycinate (200 mg elemental magnesium each) daily.', { entry: 'oral-magnesium', amount: 600, unit: 'mg', timesPerDay: 1, dailyMg: 600, status: 'over-upper-limit' }],
  ['Magnesium citrate softgels, 150 mg elemental each, I take 3 at night.', { entry: 'oral-magnesium', amount: 450, unit: 'mg', timesPerDay: 1, dailyMg: 450, status: 'over-upper-limit', bedtime: true }],
  ['Magnesium powder: 200 mg elemental per heaped scoop. Stir 2 scoops into warm milk.', { entry: 'oral-magnesium', amount: 400, unit: 'mg', timesPerDay: 1, dailyMg: 400, status: 'over-upper-limit' }],
  ['Each tablet has 100 mg of elemental magnesium. For cramps at night: 2 tablets with dinner and 2 more at bedtime.', { entry: 'oral-magnesium', amount: 400, unit: 'mg', timesPerDay: 1, dailyMg: 400, status: 'over-upper-limit' }],
  ['Ropinirole: 1 mg tablets. Take 5 tablets an hour before bed.', { entry: 'ropinirole', amount: 5, unit: 'mg', timesPerDay: 1, dailyMg: 5, status: 'over-rls-max', ratio: 1.25, bedtime: true }],
  ['Calm gummies: 60 mg elemental magnesium per gummy. Our advisor recommends 3 gummies a day for ages 4-8.', { entry: 'oral-magnesium', amount: 180, unit: 'mg', timesPerDay: 1, dailyMg: 180, status: 'over-upper-limit' }],
  // Indications.
  ['Ropinirole is dosed up to 8 mg a day for RLS.', { entry: 'ropinirole', amount: 8, unit: 'mg', timesPerDay: 1, dailyMg: 8, indication: 'rls', status: 'over-rls-max', ratio: 2 }],
  ["For Parkinson's, ropinirole up to 24 mg a day.", { entry: 'ropinirole', amount: 24, unit: 'mg', timesPerDay: 1, dailyMg: 24, indication: 'parkinsons', status: 'other-indication' }],
  ['Requip 9 mg a day for my PD.', { entry: 'ropinirole', amount: 9, unit: 'mg', timesPerDay: 1, dailyMg: 9, indication: 'parkinsons', status: 'other-indication' }],
  ['Magnesium sulfate 4 g for pre-eclampsia is given in hospital.', { entry: 'oral-magnesium', amount: 4, unit: 'g', timesPerDay: 1, dailyMg: 4000, indication: 'other', status: 'other-indication' }],
  ['Ropinirole 1 mg for restless legs.', { entry: 'ropinirole', amount: 1, unit: 'mg', timesPerDay: 1, dailyMg: 1, indication: 'rls', status: 'within-limit' }],
  ['Requip 0.5 mg for my legs at night.', { entry: 'ropinirole', amount: 0.5, unit: 'mg', timesPerDay: 1, dailyMg: 0.5, indication: 'rls', status: 'within-limit', bedtime: true }],
];

describe('dose phrases: amount, unit, frequency, daily total, indication, status', () => {
  it.each(CASES)('%s', (text, expected) => {
    const { doses } = harness.run(text);
    expect(doses).toHaveLength(1);
    const dose = doses[0]!;
    expect(dose.entryId).toBe(expected.entry);
    expect(dose.amount).toBeCloseTo(expected.amount, 6);
    expect(dose.amountMax).toBe(expected.amountMax);
    expect(dose.unit).toBe(expected.unit);
    expect(dose.timesPerDay).toBeCloseTo(expected.timesPerDay, 6);
    if (expected.dailyMg === null) expect(dose.dailyMg).toBeNull();
    else expect(dose.dailyMg).toBeCloseTo(expected.dailyMg, 6);
    expect(dose.indication).toBe(expected.indication ?? (dose.indication === 'rls' ? 'rls' : 'unstated'));
    expect(dose.status).toBe(expected.status);
    expect(dose.flagged).toBe(expected.status === 'over-rls-max' || expected.status === 'over-upper-limit');
    if (expected.ratio !== undefined) expect(dose.ratio).toBeCloseTo(expected.ratio, 5);
    else if (dose.flagged) expect(dose.ratio).toBeGreaterThan(1);
    else expect(dose.ratio).toBeUndefined();
    expect(dose.bedtime).toBe(expected.bedtime ?? false);
    // Offsets are exact: the phrase and the sentence are where the text says they are.
    expect(text.slice(dose.phrase.start, dose.phrase.end)).toBe(dose.phraseText);
    expect(text.slice(dose.sentence.start, dose.sentence.end)).toBe(dose.sentenceText);
    expect(dose.phraseText).toMatch(/\d|half|two|one/i);
  });

  it('gives the limit compared against', () => {
    const [dose] = harness.run('My neurologist had me on ropinirole 12 mg three times a day.').doses;
    expect(dose?.limit?.role).toBe('rls-max-daily-dose');
    expect(dose?.limit?.value).toBe(4);
    const [magnesium] = harness.run('I take 400 mg magnesium glycinate at bedtime.').doses;
    // The adult ("ages 9 and over") limit, not the ones for young children.
    expect(magnesium?.limit?.value).toBe(350);
    const [parkinsons] = harness.run("For Parkinson's, ropinirole up to 24 mg a day.").doses;
    expect(parkinsons?.limit?.role).toBe('other-indication-max-daily-dose');
    expect(parkinsons?.flagged).toBe(false);
  });

  it('includes an adjacent frequency in the phrase, not a distant one', () => {
    expect(harness.run('Ropinirole 1 mg twice daily.').doses[0]?.phraseText).toBe('1 mg twice daily');
    expect(harness.run('I take 400 mg magnesium glycinate at bedtime.').doses[0]?.phraseText).toBe('400 mg');
    expect(harness.run('I take two 200mg magnesium tablets.').doses[0]?.phraseText).toBe('two 200mg');
    expect(harness.run('I take half a 0.5 mg Requip tablet.').doses[0]?.phraseText).toBe('half a 0.5 mg');
  });
});

// Numbers that are not doses, and doses that belong to something else.
const NOT_DOSES: string[] = [
  'In 2019, I started ropinirole.',
  '10 patients took ropinirole for 12 weeks.',
  "I've had RLS for 5 years and take magnesium.",
  'See page 400 for more on magnesium.',
  'I take magnesium and 400 mg of calcium.',
  'Magnesium with calcium 600 mg is a common combination.',
  'I take 2 mg Lyrica along with magnesium.',
  'Ferritin should be above 75 mcg/L before iron supplements are stopped.',
  'Ropinirole was dosed at 0.05 mg/kg in the trial.',
  'I take ropinirole and my husband takes 400 mg at night.',
  'I take ropinirole; my husband takes 10 mg of melatonin.',
  'Magnesium levels were 2.1 mg/dL in my last blood test.',
  'Ropinirole costs about 12 dollars for 30 tablets.',
  'Ropinirole, 4G internet and a 3D printer walk into a bar.',
  'I was on ropinirole 3 years ago.',
  'Ropinirole 2 times a day was too often for me.',
  'Magnesium 400 is the brand I buy.',
  'Requip 1, 2 and 4 are the strengths.',
];

// Doses that exist but must not be reported: negated, thresholds, food amounts, salts against an
// elemental limit.
const NOT_REPORTED: string[] = [
  'Never take more than 8 mg of ropinirole a day.',
  'Doses above 4 mg of ropinirole increase the risk of augmentation.',
  "Don't exceed 6 mg of ropinirole.",
  'Adults need about 400 mg of magnesium a day from food.',
  'Almonds contain 80 mg of magnesium per ounce.',
  'The RDA for magnesium is 420 mg for men.',
  'I take ferrous sulfate 325 mg every other day.',
  'I never took Requip 8 mg, thankfully.',
  'Requip XL comes in 2, 4, 6, 8 and 12 mg tablets.',
  'Requip (ropinirole) 0.25 mg, 0.5 mg, 1 mg, 2 mg, 3 mg, 4 mg, 5 mg tablets.',
  'Magnesium 500 mg tablets are available without a prescription.',
];

describe('numbers that are not doses of a mentioned entry', () => {
  it.each(NOT_DOSES)('%s', (text) => {
    expect(harness.run(text).doses).toEqual([]);
  });

  it.each(NOT_REPORTED)('not reported: %s', (text) => {
    expect(harness.run(text).doses).toEqual([]);
  });

  it('attaches a dose only to the nearest relevant mention', () => {
    const { doses } = harness.run('I take 200 mg of magnesium and 400 mg of calcium.');
    expect(doses.map((d) => [d.entryId, d.amount])).toEqual([['oral-magnesium', 200]]);
    const two = harness.run('Ropinirole 0.25 mg and pramipexole 0.125 mg were both tried.').doses;
    expect(two.map((d) => [d.entryId, d.amount])).toEqual([
      ['ropinirole', 0.25],
      ['pramipexole', 0.125],
    ]);
    const titration = harness.run('Started ropinirole at 0.25 mg, then 0.5 mg, now 6 mg.').doses;
    expect(titration.map((d) => [d.amount, d.flagged])).toEqual([
      [0.25, false],
      [0.5, false],
      [6, true],
    ]);
    const later = harness.run('I stopped ropinirole and now take 400 mg magnesium.').doses;
    expect(later.map((d) => [d.entryId, d.amount])).toEqual([['oral-magnesium', 400]]);
  });

  it('reads an amount with no name as the dose of the one drug named in the sentence before', () => {
    const carried = harness.run('My doctor put me on ropinirole for RLS. I take 2 mg three times a day.').doses;
    expect(carried.map((d) => [d.entryId, d.dailyMg, d.flagged])).toEqual([['ropinirole', 6, true]]);
    // Not across another substance, nor after a sentence about another condition.
    expect(harness.run('My doctor put me on ropinirole for RLS. I take 500 mg of calcium too.').doses).toEqual([]);
    expect(harness.run("Ropinirole is also used for Parkinson's disease. Doses go up to 24 mg a day.").doses).toEqual([]);
    // A dose the next sentence answers is not flagged.
    const answered = harness.run('Someone on here said 10 mg of Requip for RLS is fine. You cannot, the RLS maximum is 4 mg.').doses;
    expect(answered.find((d) => d.amount === 10)?.flagged).toBe(false);
    expect(answered.some((d) => d.flagged)).toBe(false);
  });

  it('adds up a day told over two sentences, and reads a label whose directions come first', () => {
    const dailyOf = (text: string) => harness.run(text).doses.filter((d) => d.flagged).map((d) => [d.entryId, d.dailyMg]);
    expect(dailyOf('I take 250 mg elemental magnesium glycinate at breakfast for RLS. Then another 250 mg at night.')).toEqual([['oral-magnesium', 500]]);
    expect(dailyOf('My doctor started me on pramipexole for RLS. Half a milligram at dinner and then 0.5 at bedtime.')).toEqual([['pramipexole', 1]]);
    expect(dailyOf('We suggest three scoops of our magnesium powder nightly for restless legs. Each scoop gives 150 mg of elemental magnesium.')).toEqual([
      ['oral-magnesium', 450],
    ]);
    // The child named in the sentence before is who takes it: the limit for ages 4-8.
    expect(dailyOf('my 7 yo has restless legs so we started magnesium. she gets a 200 mg elemental gummy at night')).toEqual([['oral-magnesium', 200]]);
  });

  it('does not judge an RLS maximum on a page not about RLS when no indication is stated', () => {
    const text = 'My neurologist had me on ropinirole 12 mg three times a day.';
    expect(harness.run(text, false).doses).toEqual([]);
    // A stated RLS indication still counts.
    const stated = harness.run('Ropinirole is dosed up to 8 mg a day for RLS.', false).doses;
    expect(stated[0]?.flagged).toBe(true);
  });
});

describe('phrase parsing helpers', () => {
  it('reads amounts', () => {
    expect(parseAmount('1,000')).toBe(1000);
    expect(parseAmount('0,5')).toBe(0.5);
    expect(parseAmount('.5')).toBe(0.5);
    expect(parseAmount('two')).toBe(2);
    expect(parseAmount('half a')).toBe(0.5);
    expect(parseAmount('12')).toBe(12);
  });

  it('reads units', () => {
    for (const unit of ['mg', 'mgs', 'MG', 'milligram', 'milligrams', 'miligrams', 'milligrammes']) expect(parseUnit(unit)).toBe('mg');
    for (const unit of ['mcg', '\u00b5g', '\u03bcg', 'ug', 'micrograms']) expect(parseUnit(unit)).toBe('mcg');
    for (const unit of ['g', 'gram', 'grams', 'gm']) expect(parseUnit(unit)).toBe('g');
    for (const unit of ['IU', 'iu', 'I.U.', 'international units']) expect(parseUnit(unit)).toBe('IU');
  });

  it('finds phrases with exact offsets', () => {
    const text = 'Start with 0.25 mg, then 0.5 mg, then 1 mg twice daily.';
    const phrases = findDosePhrases(text);
    expect(phrases.map((p) => text.slice(p.start, p.end))).toEqual(['0.25 mg', '0.5 mg', '1 mg twice daily']);
    expect(phrases.map((p) => p.timesPerDay)).toEqual([1, 1, 2]);
  });

  it('marks thresholds', () => {
    const [phrase] = findDosePhrases('doses above 4 mg');
    expect(phrase?.threshold).toBe(true);
    expect(findDosePhrases('a dose of 4 mg')[0]?.threshold).toBe(false);
  });
});
