/**
 * Which mention a dose phrase belongs to. A dose belongs to the drug or supplement written
 * right next to it ("Requip 0.5 mg", "400mg magnesium glycinate", "400 mg of magnesium",
 * "ropinirole, 12 mg"), else to the nearest one in its clause when nothing between names
 * another substance. "400 mg of calcium" belongs to nobody we know: never to a nearby
 * magnesium mention.
 */
import type { DosePhrase } from './doses';
import { WORD_CHARS } from '../dataset/words';

export interface LocalMention {
  id: number;
  /** Offsets relative to the sentence text. */
  start: number;
  end: number;
  /**
   * `target`: a drug, supplement or aggravator, something a dose can be of;
   * `transparent`: a condition ("for RLS"), no obstacle between a drug and its dose;
   * `other`: anything else named (a food, "CBD", "iron" the condition): a dose next to it is its own.
   */
  role: 'target' | 'transparent' | 'other';
}

const MODIFIER =
  '(?:elemental|chelated|supplemental|pure|extra|liquid|my|the|a|an|your|this|that|some|oral|buffered|ionic|generic|brand|(?:slow|extended|time|sustained|immediate|controlled)[- ]release|prescription|daily|nightly|plain|regular)';
const FORM_WORD = '(?:tablets?|pills?|capsules?|caps|tabs?|softgels?|doses?|dosage|patch(?:es)?)';
const OF_AFTER = new RegExp(String.raw`^\s*(?:${FORM_WORD}\s+)?of\s+((?:${MODIFIER}\s+){0,3})`, 'i');
const PRONOUN = /^(?:it|them|this|that|these|those|each|which|both|either)\b/i;
const FORWARD_GAP = new RegExp(String.raw`^[\s\-\u2013(:,]*(?:(?:${MODIFIER}|${FORM_WORD})\s+)*$`, 'i');

/** Words that may stand between a mention and its dose ("Requip at 0.5 mg", "ropinirole XL, 2 mg"). */
const FILLERS = new Set([
  'at', 'is', 'was', 'were', 'been', 'be', 'of', 'dose', 'doses', 'dosage', 'in', 'on', 'a', 'an', 'the', 'my',
  'its', 'up', 'to', 'from', 'around', 'about', 'approx', 'approximately', 'roughly', 'only', 'just', 'now',
  'currently', 'usually', 'normally', 'typically', 'starting', 'start', 'started', 'initial', 'low', 'high',
  'max', 'maximum', 'total', 'daily', 'nightly', 'usual', 'typical', 'standard', 'recommended', 'tablet',
  'tablets', 'pill', 'pills', 'capsule', 'capsules', 'xl', 'er', 'sr', 'cr', 'ir', 'la', 'extended', 'release',
  'with', 'take', 'takes', 'took', 'taking', 'i', 'we', 'he', 'she', 'me', 'like', 'over', 'under',
]);

/** Substances outside the dataset: a dose next to one of them is that substance's dose. */
const OTHER_SUBSTANCES = new Set([
  'calcium', 'zinc', 'potassium', 'sodium', 'caffeine', 'vitamin', 'vitamins', 'b12', 'b6', 'b1', 'd3', 'k2',
  'melatonin', 'folate', 'folic', 'omega', 'fish', 'cbd', 'thc', 'ibuprofen', 'advil', 'motrin', 'tylenol',
  'acetaminophen', 'paracetamol', 'aspirin', 'naproxen', 'aleve', 'tramadol', 'oxycodone', 'codeine',
  'hydrocodone', 'methadone', 'buprenorphine', 'morphine', 'opioid', 'opioids', 'clonazepam', 'klonopin',
  'diazepam', 'valium', 'gabapentin', 'neurontin', 'pregabalin', 'lyrica', 'horizant', 'levodopa', 'sinemet',
  'carbidopa', 'quinine', 'valerian', 'theanine', 'glycine', 'tryptophan', 'iron', 'selenium', 'chromium',
  'iodine', 'copper', 'manganese', 'boron', 'coq10', 'curcumin', 'turmeric', 'ashwagandha', 'lavender',
  'chamomile', 'kava', 'trazodone', 'zolpidem', 'ambien', 'benadryl', 'diphenhydramine', 'ropinirole',
  'pramipexole', 'rotigotine', 'mirapex', 'requip', 'neupro', 'magnesium', 'sertraline', 'zoloft', 'prozac',
  'fluoxetine', 'citalopram', 'escitalopram', 'lexapro', 'mirtazapine', 'remeron', 'lithium', 'protein',
  'fiber', 'fibre', 'sugar', 'salt', 'water', 'coffee', 'tea', 'alcohol', 'cholesterol', 'carbs', 'ferritin',
]);

// The word characters the matcher uses, so both read the same words.
const LETTER = WORD_CHARS;
const WORDS = new RegExp(`[${LETTER}][${LETTER}'-]*`, 'g');
const NEXT_WORD = new RegExp(`^\\s*([${LETTER}][${LETTER}'-]*)`);

/** The mention a dose phrase belongs to, or undefined. */
export function attachDose(
  text: string,
  phrase: DosePhrase,
  mentions: readonly LocalMention[],
  phrases: readonly DosePhrase[] = [phrase],
): LocalMention | undefined {
  const sorted = [...mentions].sort((a, b) => a.start - b.start);
  const masked = maskMentions(text, sorted);

  // "400 mg of magnesium" / "400 mg of calcium" / "400 mg of it".
  const of = OF_AFTER.exec(text.slice(phrase.coreEnd));
  if (of) {
    const at = phrase.coreEnd + of[0].length;
    const named = sorted.find((m) => m.start === at);
    if (named) return named.role === 'target' ? named : undefined;
    if (!PRONOUN.test(text.slice(at))) return undefined;
  }
  // "400 mg calcium", "2 mg Lyrica": the word after the dose names something else.
  const nextWord = NEXT_WORD.exec(text.slice(phrase.coreEnd));
  if (nextWord && isOtherSubstance(nextWord[1]!)) {
    const at = phrase.coreEnd + nextWord[0].length - nextWord[1]!.length;
    if (!sorted.some((m) => m.role !== 'other' && m.start <= at && at < m.end)) return undefined;
  }
  // "400 mg CBD": the next word is another named thing.
  const following = sorted.find((m) => m.start >= phrase.coreEnd);
  if (following && following.role === 'other' && /^\s*$/.test(text.slice(phrase.coreEnd, following.start))) return undefined;

  const before = sorted.filter((m) => m.role === 'target' && m.end <= phrase.start).pop();
  const after = sorted.find((m) => m.role === 'target' && m.start >= phrase.coreEnd);
  // Another named thing between a mention and the dose takes the dose away from the mention.
  const otherBetween = (from: number, to: number) => sorted.some((m) => m.role === 'other' && m.start >= from && m.end <= to);

  // Right before: "Requip 0.5 mg", "ropinirole, 12 mg", "ropinirole for RLS 0.5 mg".
  if (before) {
    const gap = masked.slice(before.end, phrase.start);
    const words = gap.match(WORDS) ?? [];
    if (!/[;.!?]/.test(gap) && words.length <= 3 && words.every((w) => FILLERS.has(w.toLowerCase())) && !otherBetween(before.end, phrase.start)) {
      return before;
    }
  }
  // Right after: "400mg magnesium glycinate", "0.5 mg extended-release Requip".
  if (after && FORWARD_GAP.test(text.slice(phrase.coreEnd, after.start))) return after;

  // Further before, in the same clause, with nothing else named in between, and no bare number
  // ("Requip XL comes in 2, 4, 6, 8 and 12 mg": a list, not one dose).
  if (before) {
    const gap = withoutPhrases(masked, phrases).slice(before.end, phrase.start);
    const words = gap.match(WORDS) ?? [];
    if (
      words.length <= 10 &&
      !/[;!?]|\.\s|\d/.test(gap) &&
      !/\b(?:and|but|while|whereas|so|or)\s+(?:my|his|her|their|your|our|he|she|they|you|we)\b/i.test(gap) &&
      !words.some(isOtherSubstance) &&
      !otherBetween(before.end, phrase.start)
    ) {
      return before;
    }
  }
  // Further after: "I take 400 mg each night of magnesium".
  if (after) {
    const gap = masked.slice(phrase.end, after.start);
    const words = gap.match(WORDS) ?? [];
    if (
      words.length <= 4 &&
      !/[,;.!?]/.test(gap) &&
      !/\b(?:and|or|but|then)\b/i.test(gap) &&
      !words.some(isOtherSubstance) &&
      !otherBetween(phrase.end, after.start)
    ) {
      return after;
    }
  }
  return undefined;
}

function isOtherSubstance(word: string): boolean {
  return OTHER_SUBSTANCES.has(word.toLowerCase());
}

/** Does a mention's text name a substance ("iron", "low ferritin") rather than a condition? */
export function namesSubstance(text: string): boolean {
  return (text.match(WORDS) ?? []).some(isOtherSubstance);
}

/** The text with every dose phrase blanked. */
function withoutPhrases(text: string, phrases: readonly DosePhrase[]): string {
  let out = text;
  for (const p of phrases) out = out.slice(0, p.start) + ' '.repeat(p.end - p.start) + out.slice(p.end);
  return out;
}

/** The text with every condition mention blanked: "ropinirole for RLS 0.5 mg". */
function maskMentions(text: string, mentions: readonly LocalMention[]): string {
  let masked = text;
  for (const m of mentions) {
    if (m.role !== 'transparent') continue;
    masked = masked.slice(0, m.start) + ' '.repeat(m.end - m.start) + masked.slice(m.end);
  }
  return masked;
}
