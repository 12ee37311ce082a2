/**
 * The populations a dose limit may apply to, read from a key number's `population` text
 * ("adults", "ages 4-8", "ages 9 and over, including adults", "ESRD on dialysis"). Shared by
 * `dataset:check` (every limit must name one it understands) and the dose check (which picks
 * the limit for the population a sentence names).
 */

export type Population =
  /** An age band in whole years; `max` is Infinity for "and over" and for adults. */
  | { kind: 'ages'; min: number; max: number }
  /** Kidney failure treated with dialysis. */
  | { kind: 'dialysis' }
  /** Anything else ("Parkinson's disease", "pregnant women"): not chosen by age or dialysis. */
  | { kind: 'other' };

/** Adults start here, for the age a sentence gives. */
export const ADULT_AGE = 18;

const DIALYSIS = /dialysis|\besrd\b|end[\s-]stage\s+(?:renal|kidney)/i;
const RANGE = /\bages?\s+(\d{1,2})\s*(?:-|\u2013|to)\s*(\d{1,2})\b/i;
const AND_OVER = /\bages?\s+(\d{1,2})\s*(?:\+|and\s+(?:over|older|up)|or\s+(?:over|older))/i;
const ADULTS = /^adults?\b/i;

export function parsePopulation(text: string | undefined): Population {
  const value = (text ?? '').trim();
  if (DIALYSIS.test(value)) return { kind: 'dialysis' };
  const range = RANGE.exec(value);
  if (range) return { kind: 'ages', min: Number(range[1]), max: Number(range[2]) };
  const over = AND_OVER.exec(value);
  if (over) return { kind: 'ages', min: Number(over[1]), max: Infinity };
  if (ADULTS.test(value)) return { kind: 'ages', min: ADULT_AGE, max: Infinity };
  return { kind: 'other' };
}

/** Does the population take in adults (the default when a sentence names nobody)? */
export function coversAdults(population: Population): boolean {
  return population.kind === 'ages' && population.min <= ADULT_AGE && population.max === Infinity;
}

export function coversAge(population: Population, age: number): boolean {
  return population.kind === 'ages' && age >= population.min && age <= population.max;
}
