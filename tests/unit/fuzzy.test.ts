import { describe, expect, it } from 'vitest';
import bundled from '../../src/dataset/generated/dataset.json';
import { parseDataset } from '../../src/dataset/schema';
import { toMatchIndex } from '../../src/dataset/match-index';
import { boundedDistance, FuzzyMatcher } from '../../src/engine/fuzzy';
import { compileMatcher } from '../../src/engine/matcher';

const parsed = parseDataset(bundled);
if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
const index = toMatchIndex(parsed.dataset);
const exact = compileMatcher(index);
const fuzzy = new FuzzyMatcher(index.entries, index.fuzzyGuard!);

function read(text: string): Array<[string, string]> {
  return fuzzy.find(text, exact.find(text)).map((m) => [m.text, m.entryId]);
}

describe('FuzzyMatcher', () => {
  it('reads misspelled drug and supplement names nobody listed', () => {
    expect(read('I was on ropinerol and then gabapenten, now pramipexil.')).toEqual([
      ['ropinerol', 'ropinirole'],
      ['gabapenten', 'gabapentin'],
      ['pramipexil', 'pramipexole'],
    ]);
    expect(read('My magnezium is the glycinate kind.')).toEqual([['magnezium', 'oral-magnesium']]);
  });

  it('reads two letters swapped near the start as one slip, but never a moved first letter', () => {
    expect(read('bumped my nuepro up, and the mangesium did nothing')).toEqual([
      ['nuepro', 'rotigotine'],
      ['mangesium', 'oral-magnesium'],
    ]);
    expect(read('amgnesium and enupro')).toEqual([]);
  });

  it('names what it read the word as', () => {
    expect(fuzzy.find('ropinerol', [])[0]!.readAs).toBe('ropinirole');
  });

  it('never turns an English word into a drug', () => {
    expect(read('The lyrics of the song were neurotic and the ultras sang of magnesia and methane.')).toEqual([]);
  });

  it('leaves short words, exact names and words inside longer tokens alone', () => {
    expect(read('Lyrica, gabapentin and ropinirolexyz; requi')).toEqual([]);
  });
});

describe('boundedDistance', () => {
  it('counts edits up to the bound and stops past it', () => {
    expect(boundedDistance('ropinerol', 'ropinirole', 2)).toBe(2);
    expect(boundedDistance('requipp', 'requip', 1)).toBe(1);
    expect(boundedDistance('banana', 'ropinirole', 2)).toBe(3);
    expect(boundedDistance('nuepro', 'neupro', 1)).toBe(1);
  });
});
