/**
 * Sense decisions: is a word used in its health sense here, and is the page about human health
 * at all? "Magnesium" in "a magnesium supplement at bedtime" is ours; in "magnesium burns with a
 * white flame" or "magnesium alloy wheels" it is not. Each occurrence of an ambiguous word is
 * judged by the vocabulary of its own sentence; the page is judged once, by what its mentions
 * turned out to mean and by its title and text.
 */

export type Sense = 'health' | 'other' | 'neutral';

/**
 * Words that put a sentence in human health: doses and forms, the body and its symptoms, care
 * and its people, nutrition. Broad on purpose: they only ever confirm an ambiguous word.
 */
export const HEALTH_CUES =
  /\b(?:mg|mcg|µg|milligrams?|micrograms?|iu|doses?|dosage|dosing|supplement\w*|deficien\w*|tablets?|pills?|capsules?|gumm(?:y|ies)|softgels?|symptoms?|sleep\w*|insomnia|bedtime|legs?|limbs?|calf|calves|cramp\w*|muscles?|nerves?|twitch\w*|tingl\w*|crawl\w*|itch\w*|urges?|restless(?:ness)?|doctors?|physicians?|neurolog\w*|nurses?|pharmacists?|clinic\w*|prescri\w*|medications?|medicines?|meds|drugs?|treat\w*|therap\w*|patients?|blood|serum|ferritin|ana?emi\w*|absor\w*|glycinate|bisglycinate|citrate|threonate|malate|taurate|diet\w*|nutri\w*|intake|health\w*|pregnan\w*|trials?|stud(?:y|ies)|side[\s-]effects?|rls|willis|ekbom|dialysis|kidneys?|migraines?|headaches?|pain\w*|relief|reliev\w*|sooth\w*|vitamins?|minerals?|electrolytes?|hydrat\w*|wellness|anxiety|symptom\w*|body|bodies|infusions?|injections?)\b/gi;

/**
 * Words of the other worlds our words live in: vehicles, metals and industry, the chemistry
 * lab, batteries and devices, the kitchen and the bar, the garden, sport, software, screen
 * heroes, clothes and the household, the city. Any one sentence rarely mixes them with health.
 */
export const OTHER_CUES =
  /\b(?:cars?|sedans?|hatchbacks?|suvs?|trucks?|vehicles?|engines?|horsepower|bhp|torque|mpg|mph|trims?|chassis|dashboards?|wheels?|rims?|tyres?|tires?|gearbox|transmission|dealers?|dealerships?|alloys?|ribbons?|ores?|mines?|mining|smelt\w*|steel|alumini?um|titanium|metals?|metallic|foundry|weld\w*|anodes?|cathodes?|castings?|industrial|flames?|burns?|burned|burning|combust\w*|reacts?|reacted|reacting|reactions?|reactive|beakers?|test[\s-]tubes?|bunsen|equations?|oxidi[sz]\w*|precipitates?|periodic|atomic|atoms?|electrons?|ions|molecules?|laborator(?:y|ies)|chemistry|batter(?:y|ies)|lithium-ion|li-ion|chargers?|charging|laptops?|smartphones?|phones?|mah|volts?|voltage|gadgets?|pans?|skillets?|cookware|stoves?|ovens?|bake[sd]?|baking|recipes?|seasoning|griddles?|flour|dough|cocktails?|gin|vodka|rum|mixers?|bartenders?|garnish\w*|soil|gardens?|gardening|plants?|tomato(?:es)?|roses?|lawns?|compost|fertili[sz]\w*|seedlings?|foliage|potting|chlorophyll|photosynthesis|allotments?|watering|mulch\w*|prun\w*|greenhouses?|golf\w*|fairways?|putters?|wedges?|drivers?|shafts?|clubs?|tee|caddies?|tournaments?|tour|birdies?|bogeys?|code|coding|config\w*|flags?|repositor(?:y|ies)|commits?|api|sdk|functions?|modules?|builds?|releases?|deploy\w*|servers?|databases?|github|npm|readme|films?|movies?|superheroes?|heroes?|marvel|comics?|actors?|sequels?|trailers?|franchises?|albums?|bands?|pants|leggings|fabrics?|laundry|wrinkles?|creases?|ironing|garments?|shirts?|chairs?|seats?|sofas?|furniture|appliances?|business\s+district|office\s+towers?|traffic|commut\w*|skyline|downtown|real\s+estate|zoning)\b/gi;

/** Sentence ends: . ! ? followed by a space, not a decimal point ("0.25 mg"). */
const SENTENCE_END = /[.!?]+(?=\s|$)/g;
/** How far a sentence is looked for either side of a word: long enough for any real sentence. */
const MAX_REACH = 300;

/** The sentence of `text` around [start, end), bounded so a huge run costs nothing extra. */
export function sentenceAround(text: string, start: number, end: number): { start: number; end: number } {
  const from = Math.max(0, start - MAX_REACH);
  let sentenceStart = from;
  SENTENCE_END.lastIndex = from;
  for (let m = SENTENCE_END.exec(text); m && m.index < start; m = SENTENCE_END.exec(text)) {
    sentenceStart = m.index + m[0].length;
  }
  SENTENCE_END.lastIndex = end;
  const next = SENTENCE_END.exec(text);
  const sentenceEnd = next && next.index < end + MAX_REACH ? next.index : Math.min(text.length, end + MAX_REACH);
  return { start: sentenceStart, end: sentenceEnd };
}

/** How many health words and how many other-world words a sentence holds. */
export interface SentenceCues {
  health: number;
  other: number;
}

export function countCues(sentence: string): SentenceCues {
  return { health: countMatches(sentence, HEALTH_CUES), other: countMatches(sentence, OTHER_CUES) };
}

/**
 * The sense a sentence gives the word in it (the word's own cue words discounted): `other` when
 * the other worlds' words outnumber health words, `health` when health words are there, else
 * `neutral` (a heading, a bare list item: the page decides). `confirming` counts the dataset's
 * distinctive names in the sentence: "magnesium for my ropinirole side effects" confirms it.
 */
export function senseOf(cues: SentenceCues, word: string, confirming = 0): Sense {
  const health = cues.health - countMatches(word, HEALTH_CUES) + confirming;
  const other = cues.other - countMatches(word, OTHER_CUES);
  if (other > health) return 'other';
  return health > 0 ? 'health' : 'neutral';
}

/** The sense of one sentence, counted on the spot (see senseOf). */
export function senseOfSentence(sentence: string, word: string, confirming = 0): Sense {
  return senseOf(countCues(sentence), word, confirming);
}

export function countMatches(text: string, pattern: RegExp): number {
  pattern.lastIndex = 0;
  let count = 0;
  while (pattern.exec(text)) count++;
  return count;
}

/** Words that mark a page as being about health, beyond our own dataset's terms. */
export const HEALTH_WORDS =
  /\b(?:health|medical|medicine|doctor|physician|clinic(?:al)?|patients?|symptoms?|treatments?|therapy|disease|disorder|syndrome|diagnos\w*|supplements?|deficiency|dose|dosage|sleep|insomnia|nutrition|vitamins?|minerals?|neurolog\w*|pregnan\w*|anemia|anaemia|ferritin)\b/gi;

/** RLS by its names, in a title or heading. */
export const RLS_NAMED = /restless[\s-]+legs?|\bRLS\b|willis[\s-]+ekbom/i;

/** What the page's mentions turned out to mean, counted once per page. */
export interface TopicEvidence {
  /** Mentions by a name nothing else is called (a drug, "restless legs syndrome"). */
  distinctive: number;
  /** Ambiguous words whose sentence reads as health. */
  healthSense: number;
  /** Ambiguous words whose sentence reads as another world (alloy wheels, a trim level). */
  otherSense: number;
  title: string;
  /** A bounded sample of the page's text. */
  text: string;
}

/**
 * Whether a page is about human health. A distinctive name weighs most; ambiguous words count
 * by the sense their sentences gave them; a health title or a body dense with health words
 * adds weight. A page whose ambiguous words mostly mean something else needs more than one
 * stray drug name to count as health.
 */
export function isAboutHealth({ distinctive, healthSense, otherSense, title, text }: TopicEvidence): boolean {
  let mentions = 3 * distinctive + healthSense;
  if (countMatches(title, HEALTH_WORDS) > 0 || RLS_NAMED.test(title)) mentions += 2;
  const hits = countMatches(text, HEALTH_WORDS);
  if (hits >= 5 && hits / Math.max(text.length, 1) >= 2 / 1000) mentions += 2;
  if (mentions < 2) return false;
  // The page's whole vocabulary votes too. Body words ("legs", "relief", "pain") turn up in any
  // text, another world's words ("torque", "compost", "fairway") rarely do: those weigh more.
  const healthVocabulary = countMatches(text, HEALTH_CUES);
  const otherVocabulary = countMatches(text, OTHER_CUES);
  return mentions + healthVocabulary > otherSense + OTHER_VOCABULARY_WEIGHT * otherVocabulary;
}

const OTHER_VOCABULARY_WEIGHT = 1.5;
