/**
 * The text conventions the dataset, the matcher and the language analysis share, defined once
 * so they cannot disagree: what a word character is, and the key an alias is known by.
 */

/**
 * Letters and digits of the scripts health pages are written in, as the inside of a regex
 * character class. Explicit ranges rather than \p{L}\p{N}: building Unicode property classes
 * cost 20-30 ms in every fresh content-script world (measured in Chromium 156), more than the
 * whole scan of a typical article.
 */
export const WORD_CHARS =
  '0-9A-Za-z_\\u00AA\\u00B5\\u00BA\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02C1\\u0370-\\u03FF\\u0400-\\u052F' +
  '\\u0531-\\u058F\\u05D0-\\u05EA\\u0620-\\u064A\\u0660-\\u0669\\u0900-\\u097F\\u1E00-\\u1FFF\\u3040-\\u30FF' +
  '\\u3400-\\u4DBF\\u4E00-\\u9FFF\\uAC00-\\uD7AF';

/** Characters an alias's space or hyphen may stand for on a page. */
export const SEPARATOR_CHARS = '\\s\\u00a0\\u2010\\u2011\\u2012\\u2013-';
const SEPARATORS = new RegExp(`[${SEPARATOR_CHARS}]+`, 'g');

/** Composed accents, one space between words, straight apostrophes; case kept. */
export function normalizeSeparators(text: string): string {
  return text.normalize('NFC').trim().replace(SEPARATORS, ' ').replace(/\u2019/g, "'");
}

/** The key an alias is known by (and two aliases collide on): normalised and lower case. */
export function aliasKey(text: string): string {
  return normalizeSeparators(text).toLowerCase();
}

/** Text as one line: line breaks and runs of spaces as one space, trimmed. */
export function tidy(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
