/**
 * The words that mark a page as being about health, beyond our own dataset's terms: the
 * pre-scan's cheap test (always injected) and part of the page's topic decision (senses.ts,
 * loaded with the reader).
 */
import { Vocabulary, words } from './vocabulary';

export const HEALTH_WORDS = new Vocabulary({
  words: words(`health medical medicine doctor physician clinic clinical patient symptom treatment therapy
    disease disorder syndrome supplement deficiency dose dosage sleep insomnia nutrition vitamin mineral
    anemia anaemia ferritin`),
  stems: words('diagnos neurolog pregnan'),
});

/**
 * The pre-scan's cheap test, before any mention is judged: could a page whose only candidates
 * are context words be about health? A health title, or text dense in health words.
 */
export function mayBeAboutHealth(title: string, text: string): boolean {
  return HEALTH_WORDS.count(title) > 0 || denseInHealthWords(HEALTH_WORDS.count(text), text.length);
}

/** Several health words, and at least two per thousand characters. */
export function denseInHealthWords(hits: number, length: number): boolean {
  return hits >= 5 && hits / Math.max(length, 1) >= 2 / 1000;
}
