/**
 * What the dataset answers to a claim a page makes about an entry: the caveat that contradicts
 * it when one was named, else the entry's summary; with the citations behind that answer.
 * The report (popup) and the tooltip both explain flags with it.
 */
import type { Entry } from './schema';

export interface EntryAnswer {
  text: string;
  citations: readonly string[];
}

export function answerFor(entry: Entry, caveatIndex?: number): EntryAnswer {
  const caveat = caveatIndex === undefined ? undefined : entry.caveats[caveatIndex];
  return caveat ? { text: caveat.text, citations: caveat.citations } : { text: entry.summary, citations: entry.citations };
}
