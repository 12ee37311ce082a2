/**
 * What a sentence that names no treatment is about. Pages name a treatment once and go on
 * about it: "Anyone tried Requip? It stopped mine in a week.", "Magnesium oil. Absorbs straight
 * into the muscles.", "Targin and Lyrica together? Oh, that's a really safe pairing." The topic
 * is the treatment (or, after a question or a heading, the treatments) of the sentence before,
 * and it carries on while each next sentence goes on about it.
 */
import type { Span, TextMention } from './types';

export interface Topic {
  /** The treatment mentions the next sentences may be about. */
  mentions: readonly TextMention[];
  /** Where the last sentence about it ends. */
  end: number;
  /** That sentence's text: the context a claim about the topic is read in. */
  sentenceText: string;
  /** A question or a heading: the next sentence answers it or follows it, whatever its wording. */
  opensNext: boolean;
}

/**
 * A sentence that goes on about the treatment before it: it opens with a pronoun, with an
 * instruction ("Stop it today", "Sip a glass before bed"), with what it did ("Cured my legs in a
 * week") or with a purpose ("For occasional sleeplessness, ...").
 */
const CONTINUES =
  /^\W*(?:[QA]\s*[:.)]\W*)?(?:and\s+|also\s+|plus\s+|oh\s+|yes\W+|yeah\W+|yep\W+|honestly\W+|absolutely\W+|definitely\W+)*(?:safe|safer|fine|gentle|ideal|suitable|harmless|non-addictive|doesn'?t|does\s+not|won'?t|never|no\s+(?:risk|need|worries|problem|interactions?)|zero|it|it'?s|they|they'?re|this|these|those|that'?s|that\s+(?:is|was|one|stuff)|this\s+stuff|the\s+stuff|(?:just\s+|simply\s+)?(?:take|sip|drink|use|try|give|stop|quit|ditch|bin|toss|drop|pop|spray|rub|apply|swallow|chew|massage|mix|wear|soak)\b|(?:works?|worked|helps?|helped|fixes|fixed|cures|cured|stops|stopped|ended|calms|calmed|beats|knocked|sorted|killed|formulated|designed|made\s+to|clinically|proven|zero\s+side|no\s+side|totally\s+safe|completely\s+safe|perfectly\s+safe|100\s?%)\b|for\s+(?:occasional|nights?|sleep\w*|restless|rls|legs|your|the|those|anyone|people))\b/i;
/** "this herb", "the pill": a noun phrase anywhere in the sentence that stands for the treatment before it. */
const REFERS_BACK =
  /^\W*(?:[\w']+\s+){1,3}?(?:it|it'?s|they|they'?re)\b|\b(?:this|that|these|the)\s+(?:little\s+)?(?:herb|supplement|remedy|drug|medication|medicine|med|pill|tablet|capsule|product|spray|oil|stuff|treatment|tea|powder|formula|patch|infusion|one|combo|combination|pairing|mix)s?\b/i;
/** A sentence this short is a heading or a name: the claim after it is about it. */
const LEAD_IN_WORDS = 6;
/** A sentence this short that goes on about the topic ("That's it.") passes on how the topic opened. */
const FILLER_WORDS = 3;
/** Treatments a sentence takes together ("tramadol plus gabapentin", "Lyrica with my opioid"). */
const TOGETHER = /\b(?:plus|with|together|combo|combined|combination|alongside|on\s+top\s+of|mixed)\b|\+/i;
/** A question, or a line that introduces what follows. */
const OPENS = /[?:]["'\u201d\u2019)\]]*\s*$/;
/** Treatments a question or a heading may name together ("Targin and Lyrica together?"). */
const MAX_TOGETHER = 3;
/** Only spacing (and closing quotes) between the topic and the sentence: nothing unread between. */
const ADJACENT = /^[\s"'\u201d\u2019)\].,;:!?\u2026]*$/;
/** The punctuation a sentence's span leaves out at its end. */
const CLOSING = /^[^\s\w]*/;
const PARAGRAPH_BREAK = /\n\s*\n/;

/** The sentence goes on about the treatment of the one before it. */
export function continuesBefore(sentenceText: string): boolean {
  return CONTINUES.test(sentenceText) || REFERS_BACK.test(sentenceText);
}

/**
 * The topic a sentence that names treatments sets: its one treatment, or up to three named in a
 * question or a heading or taken together. Anything else (two treatments compared in a
 * statement) leaves the next sentence without a topic.
 */
export function topicOf(text: string, sentence: Span, treatments: readonly TextMention[]): Topic | undefined {
  const entries = new Set(treatments.map((m) => m.entryId)).size;
  if (entries === 0) return undefined;
  const sentenceText = text.slice(sentence.start, sentence.end);
  const opensNext = opens(text, sentence) || wordCount(sentenceText) <= LEAD_IN_WORDS;
  if (entries > 1 && !((opensNext || TOGETHER.test(sentenceText)) && entries <= MAX_TOGETHER)) return undefined;
  return { mentions: treatments, end: sentence.end, sentenceText, opensNext };
}

/** The sentence comes right after the topic: nothing unread between, and no paragraph break unless after a heading. */
export function adjoins(topic: Topic, text: string, sentence: Span): boolean {
  const between = text.slice(topic.end, sentence.start);
  return ADJACENT.test(between) && (topic.opensNext || !PARAGRAPH_BREAK.test(between));
}

/** Whether the sentence right after the topic is about it. */
export function carriesTo(topic: Topic, text: string, sentence: Span, sentenceText: string): boolean {
  return adjoins(topic, text, sentence) && (topic.opensNext || continuesBefore(sentenceText));
}

/** The topic after a sentence that went on about it: a question about it opens the next one too. */
export function carriedThrough(topic: Topic, text: string, sentence: Span): Topic {
  const sentenceText = text.slice(sentence.start, sentence.end);
  const filler = wordCount(sentenceText) <= FILLER_WORDS;
  return { mentions: topic.mentions, end: sentence.end, sentenceText, opensNext: opens(text, sentence) || (filler && topic.opensNext) };
}

function wordCount(sentenceText: string): number {
  return sentenceText.trim().split(/\s+/).length;
}

function opens(text: string, sentence: Span): boolean {
  const closing = CLOSING.exec(text.slice(sentence.end, sentence.end + 8))?.[0] ?? '';
  return OPENS.test(text.slice(sentence.start, sentence.end) + closing);
}
