/**
 * Issue 13 (dataset v2) against the real bundled dataset: doses are held against the limit for
 * the population a sentence names, compound weights are converted to elemental magnesium, and
 * the facts the audit found wrong stay fixed.
 */
import { describe, expect, it } from 'vitest';
import bundled from '@/src/dataset/generated/dataset.json';
import { parseDataset, type Dataset } from '@/src/dataset/schema';
import { populationCue } from '@/src/nlp/limits';
import { harnessFor } from '../fixtures/nlp/harness';

const parsed = parseDataset(bundled);
if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
const dataset: Dataset = parsed.dataset;
const harness = harnessFor(dataset);
const entry = (id: string) => dataset.entries.find((e) => e.id === id)!;
const dose = (text: string) => harness.run(text, true).doses;

describe('the dose check uses the limit for the population the sentence names', () => {
  it('flags a 5 year old given 300 mg magnesium against the 110 mg/day limit for ages 4-8', () => {
    const [finding] = dose('I give my 5 year old 300 mg magnesium.');
    expect(finding).toMatchObject({ entryId: 'oral-magnesium', status: 'over-upper-limit', flagged: true, dailyMg: 300 });
    expect(finding!.limit).toMatchObject({ value: 110, population: 'ages 4-8', provisional: true });
  });

  it('uses the ages 1-3 limit for a toddler and says nothing "within" for a baby', () => {
    expect(dose('Our toddler gets 100 mg magnesium a day.')[0]).toMatchObject({ status: 'over-upper-limit' });
    expect(dose('Our toddler gets 100 mg magnesium a day.')[0]!.limit!.value).toBe(65);
    expect(dose('My 6 month old baby had 20 mg magnesium.')).toEqual([]);
  });

  it('never reports a child of unknown age as within the adult limit', () => {
    expect(dose('My kids take 300 mg magnesium at night.')).toEqual([]);
    expect(dose('My kids take 500 mg magnesium at night.')[0]).toMatchObject({ status: 'over-upper-limit' });
  });

  it('flags 4 mg ropinirole on dialysis against the 3 mg/day dialysis maximum', () => {
    const [finding] = dose("I'm on dialysis and take 4 mg ropinirole for my RLS.");
    expect(finding).toMatchObject({ entryId: 'ropinirole', status: 'over-rls-max', flagged: true });
    expect(finding!.limit).toMatchObject({ value: 3, population: 'ESRD on dialysis', basis: 'us-label' });
    // The same dose for an adult not on dialysis is within the US label's maximum.
    expect(dose('I take 4 mg ropinirole for my RLS.')[0]).toMatchObject({ status: 'within-limit' });
  });

  it('converts one 400 mg magnesium oxide tablet to about 241 mg elemental: not flagged', () => {
    const [finding] = dose('I take one 400 mg magnesium oxide tablet a day.');
    expect(finding).toMatchObject({ status: 'within-limit', flagged: false, dailyMg: 241.3 });
    expect(finding!.elementalFrom).toMatchObject({ compound: 'magnesium oxide', compoundAmount: 400 });
    expect(dose('I take two 400 mg magnesium oxide tablets a day.')[0]).toMatchObject({ status: 'over-upper-limit', dailyMg: 482.6 });
  });

  it('does not compare a salt weight it cannot convert with the elemental limit', () => {
    expect(dose('I take 400 mg magnesium glycinate every night.')).toEqual([]);
  });

  it('gives gabapentin enacarbil its usual dose and the dose that added no benefit', () => {
    const [finding] = dose('I take Horizant 1200 mg a day.');
    expect(finding).toMatchObject({ status: 'no-limit' });
    expect(finding!.usual).toMatchObject({ value: 600 });
    expect(finding!.noAddedBenefit).toMatchObject({ value: 1200 });
  });

  it('reads the population cues', () => {
    expect(populationCue('my 5-year-old son')).toEqual({ age: 5 });
    expect(populationCue('my 45 year old husband')).toBeUndefined();
    expect(populationCue('on haemodialysis three times a week')).toEqual({ dialysis: true });
    expect(populationCue('the kids')).toEqual({ child: true });
  });
});

describe('dataset v2 facts', () => {
  it('scopes every verdict to RLS and gives every prescription drug the prescriber caveat', () => {
    for (const e of dataset.entries) {
      expect(e.verdictFor).toMatch(/^RLS/);
      if (e.kind === 'drug') expect(e.caveats.some((c) => c.role === 'prescriber' && /prescriber/.test(c.text)), e.id).toBe(true);
    }
    for (const id of ['levodopa', 'valproate', 'carbamazepine', 'clonazepam']) {
      expect(entry(id).caveats[0]).toMatchObject({ role: 'prescriber' });
    }
  });

  it('keeps class words and other agents off single-agent entries', () => {
    const ownerOf = (alias: string) => dataset.entries.find((e) => e.aliases.some((a) => a.text.toLowerCase() === alias.toLowerCase()))?.id;
    expect(ownerOf('IV iron')).toBe('iv-iron');
    expect(ownerOf('iron infusion')).toBe('iv-iron');
    expect(entry('iv-iron').verdict).toBe('recommended-conditional');
    expect(ownerOf('opioid')).toBe('opioids');
    expect(ownerOf('oxycodone')).toBe('opioids');
    expect(ownerOf('diazepam')).toBe('benzodiazepines');
    expect(ownerOf('Xanax')).toBe('benzodiazepines');
    expect(ownerOf('Aggrenox')).toBeUndefined();
    expect(ownerOf('lithium')).toBe('lithium');
    expect(entry('lithium').provisional).toBe(true);
    expect(ownerOf('dopamine agonist')).toBe('dopamine-agonists');
    expect(ownerOf('DA')).toBeUndefined();
    expect(ownerOf('OSA')).toBe('obstructive-sleep-apnea');
  });

  it('scopes vitamin C and iron sucrose to haemodialysis and splits vitamin E out', () => {
    expect(entry('vitamin-c-hemodialysis').verdictFor).toBe('RLS on haemodialysis');
    expect(entry('vitamin-e-hemodialysis').verdictFor).toBe('RLS on haemodialysis');
    expect(entry('iv-iron-sucrose').verdictFor).toBe('RLS on haemodialysis');
  });

  it('fixes the wrong facts', () => {
    // A possible aggravator (REFERENCES: "aggravator (possible)"), whose evidence is indirect: never "can worsen RLS".
    expect(entry('nicotine')).toMatchObject({ verdict: 'insufficient-evidence', kind: 'aggravator' });
    expect(entry('restless-legs-syndrome').numbers.find((n) => n.value === 6.2)!.label).toMatch(/21 of 337/);
    const upper = entry('oral-magnesium').numbers.filter((n) => n.role === 'upper-intake-daily');
    for (const n of upper) expect(n.label).toMatch(/elemental magnesium from supplements and medicines/);
    expect(entry('plms-plmd').numbers.find((n) => n.value === 80)!.provisional).toBe(true);
    expect(entry('pneumatic-compression').verdict).toBe('recommended-conditional');
    expect(entry('pregabalin').summary).toMatch(/0\.5 mg/);
  });
});

describe('a day’s total is what is held against the limit (issue 12)', () => {
  it('adds the parts of a split dose placed in the day', () => {
    expect(dose('Ropinirole 3 mg in the morning and 3 mg at bedtime for RLS.')[0]).toMatchObject({ dailyMg: 6, flagged: true });
    expect(dose('Ropinirole 4mg at 8pm plus another 2mg at 2am for my RLS.')[0]).toMatchObject({ dailyMg: 6, flagged: true });
    expect(dose('I take 1 mg ropinirole at 7pm and 1 mg at bedtime for my RLS.')[0]).toMatchObject({ dailyMg: 2, flagged: false });
  });

  it('does not add a change of dose or alternatives', () => {
    expect(dose('I went from 2 mg ropinirole to 4 mg for RLS.').some((d) => d.flagged)).toBe(false);
    expect(dose('I take 2 mg ropinirole or 3 mg for RLS at night.').some((d) => d.flagged)).toBe(false);
  });

  it('reads amounts written in words', () => {
    expect(dose('Ropinirole twenty milligrams a day for restless legs.')[0]).toMatchObject({ dailyMg: 20, flagged: true });
    expect(dose('I take five hundred mg of magnesium twice a day for RLS.')[0]).toMatchObject({ dailyMg: 1000 });
  });

  it('multiplies a per-unit amount on a label by the serving', () => {
    const [finding] = dose('Directions: adults take 3 softgels daily; each softgel contains magnesium 250 mg.');
    expect(finding).toMatchObject({ dailyMg: 750, status: 'over-upper-limit' });
  });

  it('reads a child’s age in months', () => {
    const [finding] = dose('Our 18-month-old kicks all night; we give him 100 mg of magnesium in his milk.');
    expect(finding).toMatchObject({ status: 'over-upper-limit' });
    expect(finding!.limit!.value).toBe(65);
  });
});
