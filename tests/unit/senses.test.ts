import { describe, expect, it } from 'vitest';
import { isAboutHealth, senseOfSentence, sentenceAround } from '../../src/engine/senses';

describe('senseOfSentence', () => {
  it('reads an element or acronym in its health sense beside doses, symptoms and care', () => {
    expect(senseOfSentence('I take 400 mg of magnesium glycinate at bedtime.', 'magnesium')).toBe('health');
    expect(senseOfSentence('My RLS gets worse when I sit still in the evening, my legs ache.', 'RLS')).toBe('health');
  });

  it('reads it in another sense beside another world’s words', () => {
    expect(senseOfSentence('Magnesium burns with a bright white flame when the ribbon is lit.', 'Magnesium')).toBe('other');
    expect(senseOfSentence('The RLS trim adds 19-inch alloy wheels and a bigger engine.', 'RLS')).toBe('other');
    expect(senseOfSentence('Season the cast pan and preheat the oven for the iron skillet recipe.', 'iron')).toBe('other');
  });

  it('leaves a bare heading to the page', () => {
    expect(senseOfSentence('Magnesium', 'Magnesium')).toBe('neutral');
  });

  it('lets another distinctive mention in the sentence confirm the sense', () => {
    expect(senseOfSentence('Magnesium or ropinirole?', 'Magnesium', 1)).toBe('health');
  });
});

describe('sentenceAround', () => {
  it('finds the sentence around a word, keeping decimal points inside', () => {
    const text = 'First one. I take 0.25 mg of ropinirole nightly. Last one.';
    const at = text.indexOf('ropinirole');
    const { start, end } = sentenceAround(text, at, at + 10);
    expect(text.slice(start, end).trim()).toBe('I take 0.25 mg of ropinirole nightly');
  });
});

describe('isAboutHealth', () => {
  const base = { distinctive: 0, healthSense: 0, otherSense: 0, title: '', text: '' };

  it('takes a page with a drug name and health vocabulary as health', () => {
    expect(isAboutHealth({ ...base, distinctive: 2, text: 'My doctor changed my dose after the symptoms came back at night.' })).toBe(true);
  });

  it('does not take one ambiguous word on an otherwise silent page as health', () => {
    expect(isAboutHealth({ ...base, healthSense: 1 })).toBe(false);
  });

  it('lets a page whose vocabulary belongs to another world outvote stray health words', () => {
    const text =
      'The garden soil needs compost. Tomato plants and roses want a fertiliser with magnesium; the lawn and the seedlings too. Water the potting mix in the greenhouse.';
    expect(isAboutHealth({ ...base, healthSense: 3, otherSense: 1, text })).toBe(false);
  });
});
