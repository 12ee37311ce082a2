/**
 * Sense decisions: is a word used in its health sense here, and is the page about human health
 * at all? "Magnesium" in "a magnesium supplement at bedtime" is ours; in "magnesium burns with a
 * white flame" or "magnesium alloy wheels" it is not. Each occurrence of an ambiguous word is
 * judged by the vocabulary of its own sentence; the page is judged once, by what its mentions
 * turned out to mean and by its title and text.
 */

import { denseInHealthWords, HEALTH_WORDS } from './health-words';
import { Vocabulary, words } from './vocabulary';

export type Sense = 'health' | 'other' | 'neutral';

/**
 * Words that put a sentence in human health: doses and forms, the body and its symptoms, care
 * and its people, nutrition. Broad on purpose: they only ever confirm an ambiguous word.
 */
export const HEALTH_CUES = new Vocabulary({
  words: words(`mg mcg µg milligram microgram iu dose dosage dosing tablet pill capsule gummy gummies softgel
    insomnia bedtime leg limb calf calves muscle nerve urge restless restlessness doctor physician nurse
    pharmacist medication medicine meds drug patient blood serum ferritin glycinate bisglycinate citrate
    threonate malate taurate intake trial study studies rls willis ekbom dialysis kidney migraine headache
    relief vitamin mineral electrolyte wellness anxiety body bodies infusion injection`),
  stems: words(`supplement deficien symptom sleep cramp twitch tingl crawl itch neurolog clinic prescri treat
    therap anemi anaemi absor diet nutri health pregnan pain reliev sooth hydrat`),
  pairs: ['side effect', 'side effects'],
});

/**
 * Words of the other worlds our words live in: vehicles, metals and industry, the chemistry
 * lab, batteries and devices, the kitchen and the bar, the garden, sport, software, screen
 * heroes, clothes and the household, the city. Any one sentence rarely mixes them with health.
 */
export const OTHER_CUES = new Vocabulary({
  words: words(`car sedan hatchback suv truck vehicle engine horsepower bhp torque mpg mph trim chassis
    dashboard wheel rim tyre tire gearbox transmission dealer dealership
    alloy ribbon ore mining steel aluminium aluminum titanium metal metallic foundry anode cathode
    casting industrial
    flame burn burned burning react reacted reacting reaction reactive beaker bunsen equation precipitate
    periodic atomic atom electron ions molecule laboratory laboratories chemistry
    battery batteries charger charging laptop smartphone phone mah volt voltage gadget
    pan skillet cookware stove oven bake baked baking recipe seasoning griddle flour dough
    cocktail gin vodka rum mixer bartender
    soil garden gardening tomato roses lawn compost seedling foliage potting chlorophyll
    photosynthesis allotment watering greenhouse
    fairway putter wedge driver shaft club tee caddie caddies tournament tour birdie bogey
    code coding flag repository repositories commit api sdk server
    database github npm readme
    film movie superhero hero heroes marvel comic actor sequel trailer franchise album
    pants leggings fabric laundry wrinkle crease ironing garment shirt chair seat sofa furniture appliance
    traffic skyline downtown zoning`),
  stems: words('smelt weld combust oxidis oxidiz fertilis fertiliz garnish golf config deploy commut mulch prun'),
  pairs: ['test tube', 'business district', 'office tower', 'office towers', 'real estate', 'lithium ion', 'li ion'],
});

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
  const [health, other] = Vocabulary.tally(sentence, [HEALTH_CUES, OTHER_CUES]);
  return { health: health!, other: other! };
}

/**
 * The sense a sentence gives the word in it (the word's own cue words discounted): `other` when
 * the other worlds' words outnumber health words, `health` when health words are there, else
 * `neutral` (a heading, a bare list item: the page decides). `confirming` counts the dataset's
 * distinctive names in the sentence: "magnesium for my ropinirole side effects" confirms it.
 */
export function senseOf(cues: SentenceCues, word: string, confirming = 0): Sense {
  const own = countCues(word);
  const health = cues.health - own.health + confirming;
  const other = cues.other - own.other;
  if (other > health) return 'other';
  return health > 0 ? 'health' : 'neutral';
}

/** The sense of one sentence, counted on the spot (see senseOf). */
export function senseOfSentence(sentence: string, word: string, confirming = 0): Sense {
  return senseOf(countCues(sentence), word, confirming);
}


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
  if (HEALTH_WORDS.count(title) > 0 || RLS_NAMED.test(title)) mentions += 2;
  // Many health mentions and none in another sense settle it without reading the page again.
  if (otherSense === 0 && mentions >= SETTLED) return true;
  const [hits, healthVocabulary, otherVocabulary] = Vocabulary.tally(text, [HEALTH_WORDS, HEALTH_CUES, OTHER_CUES]);
  if (denseInHealthWords(hits!, text.length)) mentions += 2;
  if (mentions < 2) return false;
  // The page's whole vocabulary votes too. Body words ("legs", "relief", "pain") turn up in any
  // text, another world's words ("torque", "compost", "fairway") rarely do: those weigh more.
  return mentions + healthVocabulary! > otherSense + OTHER_VOCABULARY_WEIGHT * otherVocabulary!;
}

const OTHER_VOCABULARY_WEIGHT = 1.5;
/** Mention evidence (a distinctive name weighs 3) beyond which a page's vocabulary is not read. */
const SETTLED = 12;
