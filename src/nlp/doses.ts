/**
 * Dose phrases in a sentence: "0.5 mg", "400mgs", "200-400 mg", "between 1 and 2 mg",
 * "two 200 mg tablets", "half a 0.5 mg tablet", with the frequency that follows them
 * ("three times a day", "bid", "at bedtime", "/day"). Plain regular expressions over one
 * sentence's text; offsets are relative to that text.
 */
import type { DoseIndication, DoseUnit } from './types';

export interface DosePhrase {
  /** Whole phrase: count or range start .. unit (.. form word) (.. adjacent frequency). */
  start: number;
  end: number;
  /** The amount-and-unit part alone (with a directly following form word). */
  coreStart: number;
  coreEnd: number;
  /** Per intake, in `unit` (counts and halves applied). */
  amount: number;
  amountMax?: number;
  unit: DoseUnit;
  timesPerDay: number;
  /** A frequency was stated (else timesPerDay is the default 1). */
  frequencyStated: boolean;
  bedtime: boolean;
  /** "more than 8 mg", "doses above 4 mg": a threshold, not an intake. */
  threshold: boolean;
}

const NUM = String.raw`(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+,\d{1,2}(?![\d,])|\d+(?:\.\d+)?|\.\d+)`;
const ONES = 'one|two|three|four|five|six|seven|eight|nine';
const TEENS = 'ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen';
const TENS = 'twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety';
/** A number in words below 100 ("six", "twenty-four"). */
const WORDS_BELOW_100 = String.raw`(?:(?:${TENS})(?:[\s-]+(?:${ONES}))?|${TEENS}|${ONES})`;
/** Spelled-out amounts: "six", "twenty", "five hundred", "a thousand", "half a", "½". */
const WORD_NUM = String.raw`(?:(?:a|one|two|three|four|five|six|seven|eight|nine)\s+thousand|(?:a|one|two|three|four|five|six|seven|eight|nine)\s+hundred(?:\s+(?:and\s+)?${WORDS_BELOW_100})?|${WORDS_BELOW_100}|half(?:\s+an?)?|a\s+half|\u00bd)`;
const AMOUNT = `(?:${NUM}|${WORD_NUM})`;
const UNIT_WORD = String.raw`(?:mil+i?gram+e?s?|mcgs?|micro-?gram+e?s?|[\u00b5\u03bcu]g|mgs?|gram+e?s?|gms?|g|i\.u\.?|iu|international\s+units?)`;
// The unit must end the word, and must not be a concentration or a per-weight dose.
const UNIT = String.raw`${UNIT_WORD}(?![a-z\u00b5\u03bc0-9])(?!\s*(?:\/|per)\s*(?:kg|kilo|dl|l|ml|m2|m\u00b2|lb)\b)`;
const RANGE_SEP = String.raw`\s*(?:-|\u2013|\u2014|to|or)\s*`;

const DOSE = new RegExp(
  String.raw`(?<![\w.,\u00b5\u03bc])(?:between\s+(${AMOUNT})(?:\s*${UNIT_WORD})?\s+and\s+(${AMOUNT})|(?:from\s+)?(${AMOUNT})(?:\s*${UNIT_WORD})?${RANGE_SEP}(${AMOUNT})|(${AMOUNT}))\s*-?\s*(${UNIT})`,
  'gi',
);

const WORD_VALUES: Record<string, number> = {
  half: 0.5, 'a half': 0.5, 'half a': 0.5, 'half an': 0.5, '\u00bd': 0.5,
};
const SMALL_NUMBERS: Record<string, number> = {
  a: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11,
  twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};

/** "twenty-four" → 24, "five hundred and twenty" → 520, "a thousand" → 1000; undefined if not words. */
function wordsValue(text: string): number | undefined {
  let total = 0;
  let current = 0;
  for (const word of text.split(/[\s-]+/)) {
    if (word === 'and') continue;
    if (word === 'hundred') current = (current || 1) * 100;
    else if (word === 'thousand') {
      total += (current || 1) * 1000;
      current = 0;
    } else if (word in SMALL_NUMBERS) current += SMALL_NUMBERS[word]!;
    else return undefined;
  }
  return total + current;
}

/** "1,000" → 1000, "0,5" → 0.5, ".5" → 0.5, "two" → 2, "half a" → 0.5. */
export function parseAmount(raw: string): number | undefined {
  const text = raw.trim().toLowerCase().replace(/\s+/g, ' ');
  if (text in WORD_VALUES) return WORD_VALUES[text];
  if (/^[a-z][a-z\s-]*$/.test(text)) return text === 'a' ? undefined : wordsValue(text);
  if (/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(text)) return Number(text.replace(/,/g, ''));
  if (/^\d+,\d{1,2}$/.test(text)) return Number(text.replace(',', '.'));
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

export function parseUnit(raw: string): DoseUnit | undefined {
  const text = raw.trim().toLowerCase();
  if (/^(?:mcg|micro|[\u00b5\u03bcu]g)/.test(text)) return 'mcg';
  if (/^m/.test(text)) return 'mg';
  if (/^g/.test(text)) return 'g';
  if (/^(?:i\.?u|international)/.test(text)) return 'IU';
  return undefined;
}

const COUNT_WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };
const COUNT = String.raw`(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)`;
const COUNT_TIMES_BEFORE = new RegExp(String.raw`(?:^|[^\w.,])${COUNT}\s*(?:x|\u00d7|\*)\s*$`, 'i');
/** "two 400 mg tablets", "two magnesium oxide 400 mg tablets": a count, perhaps the substance's name, then the amount. */
const COUNT_BEFORE = new RegExp(String.raw`(?:^|[^\w.,])${COUNT}\s+(?:(?!(?:days?|weeks?|months?|years?|hours?|nights?|times?|of|x)\b)[a-z][a-z-]*\s+){0,2}$`, 'i');
const HALF_BEFORE = /(?:^|[^\w])(half|\u00bd)\s+(?:of\s+)?(?:a|an|one)\s+$/i;
const FORM = String.raw`(?:tablets?|tabs?|pills?|capsules?|caps?|softgels?|gel\s*caps?|gummies|gummy|lozenges?|patch(?:es)?|scoops?|sachets?|servings?|ml|mls|millilit(?:er|re)s?|tsps?|teaspoons?)`;
const FORM_AFTER = new RegExp(String.raw`^\s*(?:[a-z][\w'-]*\s+){0,3}?(${FORM})\b`, 'i');
const FORM_ADJACENT = new RegExp(String.raw`^\s*${FORM}\b`, 'i');
/** "400mg x3 a day", "400 mg \u00d7 2": a count of intakes written after the amount. */
const TIMES_AFTER = /^\s*(?:x|\u00d7|\*)\s*([1-6])\b(?!\s*(?:mg|mcg|g|ml)\b)/i;
/** "75mg elemental each": the amount is one unit's, the count of units is before it. */
const EACH_AFTER = new RegExp(String.raw`^\s*(?:[a-z]+\s+){0,3}(?:each|apiece|per\s+(?:[a-z]+\s+)?(${FORM}))\b`, 'i');
const THRESHOLD_BEFORE =
  /(?:more\s+than|over|above|exceed(?:s|ed|ing)?|greater\s+than|higher\s+than|in\s+excess\s+of|beyond|less\s+than|under|below|fewer\s+than|[<>\u2264\u2265])\s*(?:(?:a|the)\s+(?:total|dose|daily\s+dose|maximum)\s+of\s+)?$/i;

interface Frequency {
  regex: RegExp;
  times: (m: RegExpExecArray) => number;
  bedtime?: boolean;
}

const N_WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, eight: 8, twelve: 12, once: 1, twice: 2, thrice: 3 };
const num = (raw: string | undefined) => (raw === undefined ? NaN : (N_WORDS[raw.toLowerCase()] ?? Number(raw)));
const perPeriod = (period: string | undefined) => (period && /^w/i.test(period) ? 7 : 1);

/** Ordered: at the same position the earlier entry wins ("morning and night" before "night"). */
const FREQUENCIES: Frequency[] = [
  {
    regex: /\b(?:in\s+the\s+)?(?:morning|am|a\.m\.)\s*(?:and|&|\+|\/)\s*(?:at\s+|in\s+the\s+)?(?:night|evening|bedtime|pm|p\.m\.|nighttime)\b/i,
    times: () => 2,
  },
  {
    regex: /(?<![\w.])(\d{1,2}|one|two|three|four|five|six)\s*(?:x|\u00d7|times)\s*(?:a|per|each|every|\/)?\s*(day|daily|night|nightly|week|weekly|wk)\b/i,
    times: (m) => num(m[1]) / perPeriod(m[2]),
  },
  {
    regex: /\b(once|twice|thrice)\s*(?:a|per|each|every|\/)?\s*(day|daily|night|nightly|week|weekly|wk)\b/i,
    times: (m) => num(m[1]) / perPeriod(m[2]),
  },
  { regex: /(?<![a-z])(?:b\.i\.d\.?|bid)(?![a-z])/i, times: () => 2 },
  { regex: /(?<![a-z])(?:t\.i\.d\.?|tid)(?![a-z])/i, times: () => 3 },
  { regex: /(?<![a-z])(?:q\.i\.d\.?|qid)(?![a-z])/i, times: () => 4 },
  {
    regex: /\bevery\s+(\d{1,2}|four|six|eight|twelve)\s*(?:hours|hrs?|h)\b|\bq\s?(\d{1,2})\s?h\b/i,
    times: (m) => 24 / num(m[1] ?? m[2]),
  },
  { regex: /\bevery\s+other\s+(?:day|night)\b|\b(?:on\s+)?alternat(?:e|ing)\s+days\b/i, times: () => 0.5 },
  { regex: /\b(?:once\s+)?(?:a|per|each|every)\s+week\b|\bweekly\b/i, times: () => 1 / 7 },
  {
    regex:
      /\b(?:at|before)\s+(?:bed(?:time)?|night(?:time)?|sleep)\b|\bbefore\s+(?:going\s+to\s+)?(?:bed|sleep(?:ing)?)\b|\bqhs\b|\bnightly\b|\b(?:every|each|per|a)\s+night\b|\bin\s+the\s+evening\b|\bevery\s+evening\b|\b(?:at|in\s+the)\s+night\b/i,
    times: () => 1,
    bedtime: true,
  },
  {
    regex:
      /(?:^|\b)(?:a|per|each|every)\s+(?:day|24\s*h(?:ours?|rs?)?)\b|\/\s*(?:day|d|24\s*h(?:ours?|rs?|r)?)\b|\bdaily\b|\bonce\b|\bq\.?d\.?(?![a-z])|\bin\s+the\s+morning\b|\bevery\s+morning\b/i,
    times: () => 1,
  },
];

const GAP_STOP = /\b(?:and|but|or|while|which|who|because|if|when|then|until|after|since|than|though|although)\b|[;:()!?]|\d/i;

/** A frequency found after a dose: where it stands in the window, and how often a day. */
interface FoundFrequency {
  index: number;
  end: number;
  times: number;
  bedtime: boolean;
}

/** How many units a serving or a direction takes, and how often (when it says). */
interface Serving {
  count: number;
  frequency?: FoundFrequency;
  /** The unit counted, when it is a measure ("2 mL", "1 tsp"): it must be the label's own. */
  measure?: string;
}

/** A volume counted in directions or on a label: "mL" and "tsp" are measures, a capsule is a unit. */
function measureOf(form: string): string | undefined {
  if (/^(?:ml|mls|millilit)/i.test(form)) return 'ml';
  if (/^(?:tsp|teaspoon)/i.test(form)) return 'tsp';
  return undefined;
}

/** "gummies" and "gummy", "patches" and "patch": one unit. */
function formStem(form: string): string {
  return form.toLowerCase().replace(/ies$/, 'y').replace(/(?:ch|sh|x)es$/, (e) => e.slice(0, -2)).replace(/s$/, '');
}

/** A count as written: "3" or "three". */
function countOf(raw: string): number {
  return COUNT_WORDS[raw.toLowerCase()] ?? Number(raw);
}

function findFrequency(window: string): FoundFrequency | undefined {
  let best: FoundFrequency | undefined;
  for (const frequency of FREQUENCIES) {
    const m = frequency.regex.exec(window);
    if (!m) continue;
    if (best && m.index >= best.index) continue;
    const times = frequency.times(m);
    if (!Number.isFinite(times) || times <= 0 || times > 24) continue;
    best = { index: m.index, end: m.index + m[0].length, times, bedtime: frequency.bedtime === true };
  }
  if (!best) return undefined;
  const gap = window.slice(0, best.index);
  // The words between the dose and its frequency: few, in the same clause, no other number.
  // A comma is allowed only right before the frequency ("12 mg, three times a day").
  const beforeComma = gap.replace(/,\s*$/, '');
  if (beforeComma.includes(',') || GAP_STOP.test(beforeComma)) return undefined;
  if ((beforeComma.match(/[A-Za-z\u00C0-\u024F]+/g) ?? []).length > 5) return undefined;
  return best;
}

/** "each softgel contains magnesium", "per capsule:": the amount that follows is one unit's. */
const PER_UNIT_BEFORE = new RegExp(String.raw`\b(?:each|per|every|one|a\s+single)\s+(?:(\d+(?:\.\d+)?)\s*)?(?:${FORM}\s+)?(${FORM})\b[^.\d]{0,40}$`, 'i');
/** "Each one is 400 mg", "each of them 250 mg": an amount per unit, the unit named before. */
const EACH_ONE = /\beach\s+(?:one|of\s+(?:them|these|those))\b[^.\d]{0,20}$/i;
/** "take 3 softgels", "2 capsules", "1 scoop": a count of units (the count, the unit). */
const SERVING = new RegExp(String.raw`(?<![\w.,])${COUNT}\s+(?:[a-z-]+\s+)?(${FORM})(?![a-z])`, 'gi');

/** The serving a per-unit amount belongs to: a plural count of units before it in the sentence. */
function servingIn(sentence: string, before: number): Serving | undefined {
  SERVING.lastIndex = 0;
  let found: Serving | undefined;
  for (const m of sentence.slice(0, before).matchAll(SERVING)) {
    if (!/s$/i.test(m[2]!)) continue;
    const count = countOf(m[1]!);
    const end = m.index + m[0].length;
    const frequency = findFrequency(sentence.slice(end, Math.min(before, end + 40)));
    found = frequency ? { count, frequency } : { count };
  }
  return found;
}

/** The text counts units of a product ("take 2 capsules", "3 gummies a day"): directions or a serving. */
export function countsUnits(text: string): boolean {
  // search(), not test(): it leaves the global pattern's lastIndex, which matchAll starts from, alone.
  return text.search(SERVING) >= 0;
}

/** "..., I take 2 at bedtime" after a per-unit amount: the count, and its frequency. */
function countTakenAfter(rest: string): Serving | undefined {
  const taken = BARE_COUNT_AFTER.exec(rest.slice(0, 40));
  if (!taken || /\d\s*(?:mg|mcg|g)\b/i.test(rest.slice(0, taken.index))) return undefined;
  const end = taken.index + taken[0].length;
  if (/^\s*(?:mg|mcg|g|ml|milli|micro|iu|grams?)\b/i.test(rest.slice(end))) return undefined;
  const frequency = findFrequency(rest.slice(end, end + 40));
  return frequency ? { count: countOf(taken[1]!), frequency } : { count: countOf(taken[1]!) };
}

const DIRECTIONS = new RegExp(String.raw`\b(?:take|takes|taking|give|use|chew|swallow)\s+${COUNT}\s+(?:[a-z-]+\s+)?${FORM}(?![a-z])`, 'i');

/** "take one tablet three times daily" after a strength: the units per intake and their frequency. */
function directionsAfter(sentence: string, from: number): Serving | undefined {
  const rest = sentence.slice(from, from + 80);
  const m = DIRECTIONS.exec(rest);
  if (!m || /\d\s*(?:mg|mcg|g)\b/i.test(rest.slice(0, m.index))) return undefined;
  const end = m.index + m[0].length;
  const frequency = findFrequency(rest.slice(end, end + 40));
  if (!frequency) return undefined;
  return { count: countOf(m[1]!), frequency };
}

const DIRECTIONS_OPENING = /^\W*(?:for\s+[^,.;]{1,40},\s*)?(?:take|takes|give|use|chew|swallow|mix|dissolve|adults?|children|kids|directions|suggested\s+use)\b/i;
const AGE_RANGE = /\b(?:ages?|aged)\s+\d{1,2}\s*(?:-|\u2013|to)\s*\d{1,2}\b/gi;
const PACK_SIZE = new RegExp(String.raw`^(?:\s*[a-z]+){0,2}\s*[,(-]?\s*(?:[2-9]\d|[1-9]\d\d)\s+${FORM}\b`, 'i');
/** "... and 2 more at bedtime": that many units more. */
const AND_MORE = new RegExp(String.raw`\band\s+${COUNT}\s+more\b`, 'gi');
/** "... and another before bed": one more unit. */
const ANOTHER = /\band\s+another\b/gi;
/** A ceiling in the directions ("do not exceed 5 capsules") is no one's daily amount. */
const CEILING_BEFORE = /\b(?:exceed|more\s+than|up\s+to|max(?:imum)?|no\s+more)\b[^.;]{0,20}$/i;

/**
 * Directions in the sentence after a per-unit label ("Each gummy has 75 mg. Give 2 gummies at
 * bedtime.", "... Take 1 scoop in the morning and 1 scoop in the evening."): the units a day,
 * added over the parts of the day. Not when the directions give a range or an amount of their own.
 */
function directionsIn(following: string, labelForm?: string): Serving | undefined {
  const next = following.split(';')[0]!;
  // A range of units ("1-2 capsules") is no one amount; a range of ages ("for ages 4-8") is who takes it.
  if (/\d\s*(?:mg|mcg|g)\b/i.test(next) || /\b\w+\s*(?:-|\u2013|or|to)\s*\d/i.test(next.replace(AGE_RANGE, ''))) return undefined;
  const found = [...next.matchAll(SERVING)].filter((m) => !CEILING_BEFORE.test(next.slice(0, m.index)));
  // "120 mg per cap. two with breakfast, two at bedtime": units over the day, the label's unit understood.
  if (found.length === 0 && labelForm !== undefined) {
    const overDay = UNITS_OVER_DAY.exec(next);
    return overDay ? { count: unitsOverDay(overDay[0]) } : undefined;
  }
  // Directions, or a sentence that counts the very unit the label measured ("per gummy" ... "3 gummies").
  const sameUnit = labelForm !== undefined && found.length > 0 && found.every((m) => formStem(m[2]!) === formStem(labelForm));
  if (!DIRECTIONS_OPENING.test(next) && !sameUnit) return undefined;
  const last = found[found.length - 1];
  if (!last) return undefined;
  const more = [...next.matchAll(AND_MORE)].reduce((n, m) => n + countOf(m[1]!), 0);
  const count = found.reduce((n, m) => n + countOf(m[1]!), 0) + (next.match(ANOTHER)?.length ?? 0) + more;
  const end = last.index + last[0].length;
  const frequency = found.length === 1 ? findFrequency(next.slice(end, end + 40)) : undefined;
  const measure = measureOf(last[2]!);
  return { count, ...(frequency ? { frequency } : {}), ...(measure ? { measure } : {}) };
}

/**
 * Every dose phrase in one sentence, in text order; `following` is the sentence after, for
 * directions, and `preceding` the one before, for directions that count a label's unit.
 */
export function findDosePhrases(sentence: string, following?: string, preceding?: string): DosePhrase[] {
  const phrases: DosePhrase[] = [];
  // The directions may follow in the same sentence as parsed ("... 150 mg. Suggested use: ...",
  // where "mg." reads as an abbreviation), or in the next one; for an amount per unit, they may
  // come first ("Take two scoops nightly. Each scoop gives 200 mg.").
  const directionsAfterAmount = (from: number, form: string | undefined): Serving | undefined => {
    const stop = /[.!?]\s+/.exec(sentence.slice(from));
    const later = stop ? directionsIn(sentence.slice(from + stop.index + stop[0].length), form) : undefined;
    return later ?? (following ? directionsIn(following, form) : undefined) ?? (form && preceding ? directionsIn(preceding, form) : undefined);
  };
  DOSE.lastIndex = 0;
  const matches = [...sentence.matchAll(DOSE)];
  matches.forEach((m, k) => {
    const unit = parseUnit(m[6]!);
    if (!unit) return;
    if (/^G[Mm]?$|^gM$/.test(m[6]!)) return; // "4G", "5G": networks, not grams

    let low: number | undefined;
    let high: number | undefined;
    if (m[1] !== undefined) {
      low = parseAmount(m[1]);
      high = parseAmount(m[2]!);
    } else if (m[3] !== undefined) {
      low = parseAmount(m[3]);
      high = parseAmount(m[4]!);
    } else {
      low = parseAmount(m[5]!);
    }
    if (low === undefined || !(low > 0) || (high !== undefined && !(high >= low))) return;
    let start = m.index;
    let coreEnd = m.index + m[0].length;
    const before = sentence.slice(Math.max(0, start - 40), start);
    const after = sentence.slice(coreEnd);
    let multiplier = 1;
    const times = COUNT_TIMES_BEFORE.exec(before);
    const half = HALF_BEFORE.exec(before);
    const count = COUNT_BEFORE.exec(before);
    const form = FORM_AFTER.exec(after);
    if (times) {
      multiplier = countOf(times[1]!);
      start -= before.length - before.lastIndexOf(times[1]!);
    } else if (half) {
      multiplier = 0.5;
      start -= before.length - before.lastIndexOf(half[1]!);
    } else if (count && form && /s$|es$/i.test(form[1]!)) {
      multiplier = countOf(count[1]!);
      // The phrase takes in the count only when nothing stands between ("two 400 mg tablets"):
      // a name between them ("two magnesium oxide 400 mg tablets") stays the mention it is.
      if (/^\W*\S+\s+$/.test(count[0])) start -= before.length - before.lastIndexOf(count[1]!);
    }
    const timesAfter = multiplier === 1 ? TIMES_AFTER.exec(after) : null;
    if (timesAfter) {
      multiplier = countOf(timesAfter[1]!);
      coreEnd += timesAfter[0].length;
    }
    // Label copy: "take 3 softgels daily; each softgel contains 250 mg". The amount is per unit;
    // the serving elsewhere in the sentence says how many units, and how often.
    let serving: Serving | undefined;
    // "6 caps a day, 75 mg elemental each", "60 mg per gummy. Give 3 gummies a day": the count of
    // units is before the per-unit amount, or in directions after it that count the same unit.
    const eachAfter = multiplier === 1 ? EACH_AFTER.exec(after) : null;
    if (eachAfter) {
      serving =
        servingIn(sentence, m.index) ??
        countTakenAfter(sentence.slice(coreEnd + eachAfter[0].length)) ??
        (eachAfter[1] ? directionsAfterAmount(coreEnd, eachAfter[1]) : undefined);
      if (serving?.measure) serving = undefined;
      if (serving) multiplier = serving.count;
    }
    const perUnit = multiplier === 1 && !serving ? PER_UNIT_BEFORE.exec(sentence.slice(Math.max(0, m.index - 50), m.index)) : null;
    if (perUnit) {
      serving = servingIn(sentence, m.index) ?? directionsAfterAmount(coreEnd, perUnit[2]);
      // "Each 1 mL provides 50 mg. Give 2 mL": a measure counts against the label's own measure.
      const labelMeasure = measureOf(perUnit[2]!);
      if (serving && (labelMeasure || serving.measure)) {
        serving = labelMeasure === serving.measure ? { ...serving, count: serving.count / Number(perUnit[1] ?? 1) } : undefined;
      }
      if (serving) multiplier = serving.count;
    }
    // "Three Mag-Ox tablets a night. Each one is 400 mg.": the units counted in the sentence before.
    const eachOne = multiplier === 1 && !serving && preceding !== undefined ? EACH_ONE.exec(sentence.slice(Math.max(0, m.index - 30), m.index)) : null;
    if (eachOne) {
      const counted = new RegExp(SERVING.source, 'i').exec(preceding!)?.[2];
      serving = counted ? directionsIn(preceding!, counted) : undefined;
      if (serving?.measure) serving = undefined;
      if (serving) multiplier = serving.count;
    }
    // "MAGNESIUM OXIDE 400 mg, 180 tablets. Take 2 tablets twice a day.": a pack size makes the amount one unit's.
    if (multiplier === 1 && !serving && PACK_SIZE.test(after.slice(0, 40))) {
      serving = directionsAfterAmount(coreEnd, undefined);
      if (serving?.measure) serving = undefined;
      if (serving) multiplier = serving.count;
    }
    // "Sifrol 0.5 mg, one tablet at 6 pm and one at bedtime": units counted over the day.
    const overDay = multiplier === 1 && !serving ? UNITS_OVER_DAY.exec(after) : null;
    if (overDay) {
      multiplier = unitsOverDay(overDay[0]);
      coreEnd += overDay[0].length;
    }
    const formAdjacent = overDay ? null : FORM_ADJACENT.exec(after);
    if (formAdjacent) coreEnd += formAdjacent[0].length;
    // A strength ("400 mg tablets: take one tablet three times daily"): the directions after it
    // say how many units, and how often.
    if (multiplier === 1 && formAdjacent && !serving) {
      // "0.25 mg tablets. Take 6 tablets before bed.": or in the next sentence, counting that form.
      serving = directionsAfter(sentence, coreEnd) ?? directionsAfterAmount(coreEnd, formAdjacent[0].trim());
      if (serving?.measure) serving = undefined;
      if (serving) multiplier = serving.count;
    }
    if (!(multiplier > 0 && multiplier <= 10)) return;
    // "350 mg in the morning and another 350 at night": a second part without its unit is in the same unit.
    const another = multiplier === 1 && high === undefined ? ANOTHER_BARE.exec(sentence.slice(coreEnd)) : null;
    const anotherAmount = another ? parseAmount(another[1]!) : undefined;
    if (another && anotherAmount !== undefined && anotherAmount > 0) {
      phrases.push({
        start, end: coreEnd + another[0].length, coreStart: m.index, coreEnd,
        amount: round(low + anotherAmount), unit, timesPerDay: 1, frequencyStated: true, bedtime: /bed|night/i.test(another[0]), threshold: false,
      });
      return;
    }

    // The frequency is looked for up to the next dose phrase, inside this clause.
    const next = matches[k + 1];
    const windowEnd = Math.min(next ? next.index : sentence.length, coreEnd + 70);
    const frequency = findFrequency(sentence.slice(coreEnd, windowEnd)) ?? serving?.frequency;
    let end = coreEnd;
    if (frequency && frequency !== serving?.frequency && /^[\s,]*$/.test(sentence.slice(coreEnd, coreEnd + frequency.index))) {
      end = coreEnd + frequency.end;
    }
    const threshold = THRESHOLD_BEFORE.test(sentence.slice(Math.max(0, start - 40), start));
    phrases.push({
      start,
      end,
      coreStart: m.index,
      coreEnd,
      amount: round(low * multiplier),
      ...(high !== undefined ? { amountMax: round(high * multiplier) } : {}),
      unit,
      timesPerDay: frequency ? frequency.times : 1,
      frequencyStated: frequency !== undefined,
      bedtime: frequency?.bedtime ?? false,
      threshold,
    });
  });
  return phrases;
}

/**
 * Strengths written without a unit right after a drug's name, as forums do: "requip 0.5 three
 * times a day", "mirapex .25 at bedtime", "3 mag-ox 400s a day", "pramipexole 0.125s, I take
 * eight a night". Read as milligrams only where nothing else could be meant: the number stands
 * right after the name, and either a frequency follows at once, or the number is a plural
 * strength ("400s") counted by a number before the name or a "take eight" after it.
 * `names` are the spans of names whose limits are in milligrams.
 */
export function findBareDosePhrases(sentence: string, names: ReadonlyArray<{ start: number; end: number }>): DosePhrase[] {
  const phrases: DosePhrase[] = [];
  for (const name of names) {
    const rest = sentence.slice(name.end);
    const m = BARE_STRENGTH.exec(rest);
    if (!m) continue;
    const value = parseAmount(m[1]!);
    if (value === undefined || !(value > 0)) continue;
    const coreStart = name.end + m.index + m[0].length - m[1]!.length - (m[2] ?? '').length;
    const coreEnd = name.end + m[0].length;
    const after = sentence.slice(coreEnd);
    let count = 1;
    let frequency: FoundFrequency | undefined;
    let end = coreEnd;
    if (m[2]) {
      // A plural strength is a count of tablets: how many, before the name or in "I take eight".
      const before = BARE_COUNT_BEFORE.exec(sentence.slice(Math.max(0, name.start - 12), name.start));
      const taken = before ? undefined : BARE_COUNT_AFTER.exec(after.slice(0, 40));
      const counted = before?.[1] ?? taken?.[1];
      if (!counted) continue;
      count = countOf(counted);
      const from = taken ? taken.index + taken[0].length : 0;
      frequency = findFrequency(after.slice(from, from + 40));
      if (frequency) end = coreEnd + from + frequency.end;
    } else {
      frequency = findFrequency(after.slice(0, 40));
      if (frequency && /^[\s,]*$/.test(after.slice(0, frequency.index))) {
        end = coreEnd + frequency.end;
      } else {
        // "0.5 in the afternoon and another 0.5 at bedtime": the parts of the day add up.
        const split = BARE_SPLIT.exec(after);
        // "Mag-Ox 400: one at breakfast, one at lunch, one at bedtime": units counted over the day.
        const counted = split ? null : UNITS_OVER_DAY.exec(after);
        if (split) {
          const second = parseAmount(split[1]!);
          if (second === undefined || !(second > 0)) continue;
          count = 1 + second / value;
          end = coreEnd + split[0].length;
        } else if (counted) {
          count = unitsOverDay(counted[0]);
          end = coreEnd + counted[0].length;
        } else {
          continue;
        }
        frequency = undefined;
      }
    }
    if (!(count > 0 && count <= 10)) continue;
    phrases.push({
      start: coreStart,
      end,
      coreStart,
      coreEnd,
      amount: round(value * count),
      unit: 'mg',
      timesPerDay: frequency ? frequency.times : 1,
      frequencyStated: frequency !== undefined,
      bedtime: frequency?.bedtime ?? false,
      threshold: false,
    });
  }
  return phrases;
}

/** A number right after a name, not followed by a unit, a time span or a count of intakes ("s" marks a plural strength). */
const BARE_STRENGTH = new RegExp(
  String.raw`^[\s,:-]*(?:at\s+)?(\d+(?:\.\d+)?|\.\d+)(s)?(?![\w.%/\u00b5\u03bc-]|,\d|\s*(?:x|\u00d7|times|mgs?|mcg|g|grams?|milli\w*|micro\w*|iu|ml|%|percent|years?|yrs?|months?|weeks?|wks?|days?|nights?|hours?|hrs?|minutes?|mins?|pm|am|o'?clock|tablets?|tabs?|pills?|capsules?|caps|patch(?:es)?|of|out|and|or|to|-)\b)`,
  'i',
);
const PART_OF_DAY = String.raw`(?:in\s+the\s+(?:(?:late|early|mid)\s+)?(?:morning|afternoon|evening)|at\s+(?:bedtime|night|noon|lunch|dinner|breakfast|\d{1,2}\s*(?:am|pm))|with\s+(?:breakfast|lunch|dinner|supper)|before\s+bed)`;
const ANOTHER_BARE = new RegExp(
  String.raw`^[^.;!?\d]{0,60}?(?:(?:and|plus|\+)\s+(?:then\s+)?(?:another|a\s+further|an\s+extra)|(?:and\s+)?then(?:\s+another)?)\s+(\d+(?:\.\d+)?|\.\d+)(?!\s*(?:mg|mcg|g|grams?|milli\w*|micro\w*|iu|ml|%|\d|[.,]\d))\s+${PART_OF_DAY}`,
  'i',
);
const BARE_SPLIT = new RegExp(String.raw`^\s*${PART_OF_DAY}\s*,?\s*(?:and|\+|plus|then)\s+(?:then\s+)?(?:another\s+)?(\d+(?:\.\d+)?|\.\d+)\s+${PART_OF_DAY}`, 'i');
const SMALL_COUNT = String.raw`(?:one|two|three|four|[1-4])`;
/** "one at breakfast, one at lunch, one at bedtime", "two with breakfast, two at bedtime": units over the day. */
const UNITS_OVER_DAY = new RegExp(
  String.raw`^\s*[:,.-]?\s*(?:${SMALL_COUNT}\s+(?:${FORM}\s+)?(?:at|in\s+the|with|before)\s+(?:\d{1,2}\s*(?:am|pm)|[a-z]+)(?:\s*,\s*|\s+and\s+|\s*,\s*and\s+)){1,3}${SMALL_COUNT}\s+(?:${FORM}\s+)?(?:at|in\s+the|with|before)\s+(?:\d{1,2}\s*(?:am|pm)|[a-z]+)`,
  'i',
);
const SMALL_COUNTS = new RegExp(String.raw`\b${SMALL_COUNT}(?=\s+(?:${FORM}\s+)?(?:at|in\s+the|with|before)\b)`, 'gi');
/** The units a day of a UNITS_OVER_DAY match. */
function unitsOverDay(text: string): number {
  return [...text.matchAll(SMALL_COUNTS)].reduce((n, m) => n + countOf(m[0]), 0);
}
const BARE_COUNT_BEFORE = new RegExp(String.raw`(?:^|[^\w.,])${COUNT}\s+$`, 'i');
const BARE_COUNT_AFTER = new RegExp(String.raw`\b(?:i\s+)?(?:take|takes|taking|took|pop|popping|need)\s+${COUNT}\b`, 'i');

/** Per-intake amount (upper end) × times per day, in mg; null for IU. */
export function dailyMilligrams(phrase: Pick<DosePhrase, 'amount' | 'amountMax' | 'unit' | 'timesPerDay'>): number | null {
  const perIntake = phrase.amountMax ?? phrase.amount;
  const mg = toMilligrams(perIntake, phrase.unit);
  return mg === null ? null : round(mg * phrase.timesPerDay);
}

export function toMilligrams(value: number, unit: string): number | null {
  switch (unit) {
    case 'mg':
    case 'mg/day':
    case 'mg/24h':
      return value;
    case 'g':
      return value * 1000;
    case 'mcg':
      return value / 1000;
    default:
      return null;
  }
}

export function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

// ---------------------------------------------------------------------------------------------
// Indication

interface Cue {
  start: number;
  end: number;
  indication: Exclude<DoseIndication, 'unstated'>;
}

const PARKINSONS = /\bparkinson(?:'s|\u2019s|s)?\b|\bparkinsonism\b|\bparkinsonian\b/gi;
const PARKINSONS_ACRONYM = /\bPD\b/g;
const RLS = /\b(?:rls|restless\s+legs?|willis[\s-]+ekbom|for\s+(?:my|his|her|your|their)\s+legs)\b/gi;
const RLS_ACRONYM = /\bWED\b/g;
const OTHER =
  /\bfor\s+(?:my\s+|his\s+|her\s+|your\s+|their\s+|the\s+|treating\s+|treatment\s+of\s+|severe\s+|chronic\s+)?(?:depression|anxiety|pre-?eclampsia|eclampsia|migraines?|constipation|heartburn|indigestion|acid\s+reflux|reflux|arrhythmias?|atrial\s+fibrillation|afib|seizures|epilepsy|asthma|high\s+blood\s+pressure|hypertension|fibromyalgia|neuropathy|nerve\s+pain|diabetes|hypomagnesa?emia|ocd|adhd|psychosis|schizophrenia|bipolar|nausea|allergies|allergy|hay\s+fever|hives|colds?|endometriosis|hyperprolactinemia|acromegaly|anemia|anaemia|iron\s+deficiency\s+anemia)\b|\bas\s+an?\s+(?:laxative|antacid|antidepressant)\b|\b(?:pre-?eclampsia|eclampsia)\b/gi;

/** How much farther a cue across a comma counts (in characters). */
const CLAUSE_PENALTY = 60;

export function indicationCues(sentence: string): Cue[] {
  const cues: Cue[] = [];
  const add = (regex: RegExp, indication: Cue['indication']) => {
    regex.lastIndex = 0;
    for (const m of sentence.matchAll(regex)) cues.push({ start: m.index, end: m.index + m[0].length, indication });
  };
  add(PARKINSONS, 'parkinsons');
  add(PARKINSONS_ACRONYM, 'parkinsons');
  add(OTHER, 'other');
  add(RLS, 'rls');
  add(RLS_ACRONYM, 'rls');
  return cues;
}

/**
 * The indication cue nearest to the phrase; on a tie a non-RLS one (safer: never flags). A cue in
 * the dose's own clause comes before one across a comma ("his ropinirole for Parkinson's is 24 mg
 * a day, mine for RLS is less").
 */
export function indicationFor(cues: readonly Cue[], phrase: { start: number; end: number }, sentence?: string): DoseIndication {
  let best: Cue | undefined;
  let bestDistance = Infinity;
  for (const cue of cues) {
    const gap = cue.start >= phrase.end ? [phrase.end, cue.start] : [cue.end, phrase.start];
    const across = sentence !== undefined && /[,;:]/.test(sentence.slice(gap[0], gap[1]));
    const distance = Math.max(0, cue.start - phrase.end, phrase.start - cue.end) + (across ? CLAUSE_PENALTY : 0);
    if (distance < bestDistance || (distance === bestDistance && best?.indication === 'rls' && cue.indication !== 'rls')) {
      best = cue;
      bestDistance = distance;
    }
  }
  return best?.indication ?? 'unstated';
}
