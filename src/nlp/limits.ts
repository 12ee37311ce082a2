/**
 * The dataset numbers a dose is held against, chosen once per entry, and the verdict on one
 * daily amount. Precision first: when in doubt (negated, a threshold, a food amount, a salt
 * weight against an elemental limit, another indication) nothing is flagged.
 */
import { coversAdults, coversAge, parsePopulation } from '../dataset/population';
import type { Entry, KeyNumber } from '../dataset/schema';
import { round, toMilligrams } from './doses';
import type { DoseIndication, DoseStatus, DoseUnit } from './types';

/** Why a phrase is not held against an existing limit (such phrases are not reported). */
export type DoseReason =
  | 'negated'
  | 'threshold'
  | 'dietary'
  | 'salt-weight'
  | 'unit-mismatch'
  | 'not-rls-page'
  | 'population-unmatched';

export interface EntryLimits {
  rlsMax?: KeyNumber;
  upper?: KeyNumber;
  otherMax?: KeyNumber;
  /** No maximum in the dataset, but a usual dose and one that added no benefit. */
  usual?: KeyNumber;
  noAddedBenefit?: KeyNumber;
  /**
   * The sentence names a population (a child, dialysis) with no limit of its own: the adult
   * limit stands in, so only a dose over it is reported, never one "within" it.
   */
  fallback?: boolean;
}

/** Who a sentence says takes the dose: a child's age, a child of unknown age, dialysis. */
export interface PopulationCue {
  age?: number;
  child?: boolean;
  dialysis?: boolean;
}

const AGE_WORDS =
  /\b(\d{1,2})[\s-]*(?:years?|yrs?|yr)[\s-]*old\b|\b(\d{1,2})[\s-]*(?:yo|y\/o)\b|\b(?:aged?|ages)\s+(\d{1,2})\b|\b(?:son|daughter|kid|child|boy|girl|grandson|granddaughter)\s+(?:is|was|turned|just\s+turned|is\s+only)\s+(\d{1,2})\b|\b(?:kiddo|kid|son|daughter|child|boy|girl|toddler|little\s+one|dd|ds)\s*\((\d{1,2})\)/i;
const MONTHS_OLD = /\b(\d{1,2})[\s-]*(?:months?|mos?)[\s-]*old\b/i;
const INFANT = /\b(?:baby|babies|infant|infants|newborn|newborns)\b/i;
const TODDLER = /\btoddlers?\b/i;
const TEEN = /\b(?:teen|teens|teenager|teenagers|adolescent|adolescents)\b/i;
const CHILD = /\b(?:child|children|kid|kids|son|sons|daughter|daughters|grandchild|grandchildren|grandson|granddaughter|little\s+one|preschooler)\b/i;
const DIALYSIS_CUE = /\b(?:dialysis|ha?emodialysis|esrd|end[\s-]stage\s+(?:renal|kidney))\b/i;

/** The population a sentence names, if any (adults are the default and need no cue). */
export function populationCue(sentence: string): PopulationCue | undefined {
  const cue: PopulationCue = {};
  const age = AGE_WORDS.exec(sentence);
  const months = MONTHS_OLD.exec(sentence);
  if (age) cue.age = Number(age[1] ?? age[2] ?? age[3] ?? age[4] ?? age[5]);
  // An 18-month-old is in the ages 1-3 band; a 6-month-old under every band.
  else if (months) cue.age = Math.floor(Number(months[1]) / 12);
  else if (INFANT.test(sentence)) cue.age = 0;
  else if (TODDLER.test(sentence)) cue.age = 2;
  else if (TEEN.test(sentence)) cue.age = 14;
  else if (CHILD.test(sentence)) cue.child = true;
  if (cue.age !== undefined && cue.age >= 18) delete cue.age;
  if (DIALYSIS_CUE.test(sentence)) cue.dialysis = true;
  return cue.age !== undefined || cue.child || cue.dialysis ? cue : undefined;
}

const COMPARABLE_UNITS = new Set(['mg', 'mg/day', 'mg/24h', 'g', 'mcg', 'IU']);
const GENERAL_POPULATION = /adult|and\s+(?:over|older)|or\s+older|\d+\s*\+|\u2265|over\s+\d+|general|everyone/i;
const SPECIAL_POPULATION =
  /child|infant|toddler|pregnan|lactat|breast|dialysis|kidney|renal|esrd|elderly|ages?\s*\d+\s*(?:-|\u2013|to)\s*\d+|\b\d+\s*(?:-|\u2013|to)\s*\d+\s*(?:years|yrs|y)\b/i;

/**
 * Picks, per role, the number for the population the sentence names: the age band holding a
 * child's age, the dialysis maximum on dialysis; otherwise the adult number (the adult one
 * stands in, marked `fallback`, when the named population has none).
 */
export function limitsFor(entry: Pick<Entry, 'numbers'>, cue: PopulationCue | undefined): EntryLimits {
  const general = limitsOf(entry);
  if (!cue) return general;
  const limits: EntryLimits = { ...general };
  let fallback = false;
  const pick = (role: KeyNumber['role']): KeyNumber | null | undefined => {
    const candidates = entry.numbers.filter((n) => n.role === role && COMPARABLE_UNITS.has(n.unit));
    if (candidates.length === 0) return undefined;
    const populations = candidates.map((n) => parsePopulation(n.population));
    let match: KeyNumber | undefined;
    if (cue.dialysis) match = candidates.find((_, i) => populations[i]!.kind === 'dialysis');
    if (!match && cue.age !== undefined) match = candidates.find((_, i) => coversAge(populations[i]!, cue.age!));
    if (match) return match;
    if (cue.dialysis || cue.age !== undefined || (cue.child && populations.some((p) => p.kind === 'ages' && !coversAdults(p)))) {
      fallback = true;
      // A child under every band (an infant) has no limit at all: nothing is compared.
      if (cue.age !== undefined && populations.every((p) => p.kind !== 'ages' || p.min > cue.age!) && !cue.dialysis) return null;
    }
    return undefined;
  };
  for (const [key, role] of [
    ['rlsMax', 'rls-max-daily-dose'],
    ['upper', 'upper-intake-daily'],
  ] as const) {
    const chosen = pick(role);
    if (chosen) limits[key] = chosen;
    else if (chosen === null) delete limits[key];
  }
  if (fallback) limits.fallback = true;
  return limits;
}

/** Picks, per role, the number for the general adult population (the highest when several fit). */
export function limitsOf(entry: Pick<Entry, 'numbers'>): EntryLimits {
  const pick = (role: KeyNumber['role']): KeyNumber | undefined => {
    const candidates = entry.numbers.filter((n) => n.role === role && COMPARABLE_UNITS.has(n.unit));
    const general = candidates.filter(
      (n) => !SPECIAL_POPULATION.test(n.population ?? '') && (!n.population || GENERAL_POPULATION.test(n.population)),
    );
    const pool = general.length > 0 ? general : candidates.length === 1 && !SPECIAL_POPULATION.test(candidates[0]!.population ?? '') ? candidates : [];
    let best: KeyNumber | undefined;
    for (const n of pool) if (!best || limitValue(n) > limitValue(best)) best = n;
    return best;
  };
  const limits: EntryLimits = {};
  const rlsMax = pick('rls-max-daily-dose');
  const upper = pick('upper-intake-daily');
  const otherMax = pick('other-indication-max-daily-dose');
  if (rlsMax) limits.rlsMax = rlsMax;
  if (upper) limits.upper = upper;
  if (otherMax) limits.otherMax = otherMax;
  const usual = entry.numbers.find((n) => n.role === 'usual-daily-dose');
  const noAddedBenefit = entry.numbers.find((n) => n.role === 'no-added-benefit-daily-dose');
  if (usual) limits.usual = usual;
  if (noAddedBenefit) limits.noAddedBenefit = noAddedBenefit;
  return limits;
}

/** The limit in mg (or IU for IU limits); the upper end when the source gives a range. */
export function limitValue(n: KeyNumber): number {
  const value = n.valueMax ?? n.value;
  if (n.unit === 'IU') return value;
  return toMilligrams(value, n.unit) ?? value;
}

export interface DoseJudgement {
  status: DoseStatus | 'not-applicable';
  reason?: DoseReason;
  limit?: KeyNumber;
  ratio?: number;
  usual?: KeyNumber;
  noAddedBenefit?: KeyNumber;
}

export interface DoseFacts {
  unit: DoseUnit;
  /** Daily amount in mg, or in IU for IU doses. */
  daily: number;
  indication: DoseIndication;
  negated: boolean;
  threshold: boolean;
  /** A food or dietary-requirement amount rather than a supplement taken. */
  dietary: boolean;
  /** The phrase names a salt ("ferrous sulfate") and does not say "elemental". */
  saltNamed: boolean;
  pageAboutRls: boolean;
}

export function judgeDose(limits: EntryLimits, facts: DoseFacts): DoseJudgement {
  const primary = limits.rlsMax ?? limits.upper;
  if (!primary) {
    // A population with no limit of its own (an infant): nothing to say about the dose.
    if (limits.fallback) return { status: 'not-applicable', reason: 'population-unmatched' };
    return {
      status: 'no-limit',
      ...(limits.usual ? { usual: limits.usual } : {}),
      ...(limits.noAddedBenefit ? { noAddedBenefit: limits.noAddedBenefit } : {}),
    };
  }
  const judgement = judgeAgainst(limits, primary, facts);
  // A stand-in adult limit for a child or dialysis: "within" it says nothing safe.
  if (limits.fallback && judgement.status === 'within-limit') return { status: 'not-applicable', reason: 'population-unmatched', limit: primary };
  return judgement;
}

function judgeAgainst(limits: EntryLimits, primary: KeyNumber, facts: DoseFacts): DoseJudgement {
  const notApplicable = (reason: DoseReason, limit: KeyNumber = primary): DoseJudgement => ({
    status: 'not-applicable',
    reason,
    limit,
  });
  if (facts.negated) return notApplicable('negated');
  if (facts.threshold) return notApplicable('threshold');
  if (facts.indication === 'parkinsons' || facts.indication === 'other') {
    return limits.otherMax ? { status: 'other-indication', limit: limits.otherMax } : { status: 'other-indication' };
  }
  const compare = (limit: KeyNumber): { over: boolean; ratio: number } | undefined => {
    const doseIsIu = facts.unit === 'IU';
    if (doseIsIu !== (limit.unit === 'IU')) return undefined;
    const value = limitValue(limit);
    if (!(value > 0)) return undefined;
    return { over: facts.daily > value + 1e-9, ratio: round(facts.daily / value) };
  };

  let within: KeyNumber | undefined;
  if (limits.rlsMax) {
    const result = compare(limits.rlsMax);
    if (!result) {
      if (!limits.upper) return notApplicable('unit-mismatch', limits.rlsMax);
    } else if (facts.indication === 'unstated' && !facts.pageAboutRls) {
      if (!limits.upper) return notApplicable('not-rls-page', limits.rlsMax);
    } else if (result.over) {
      return { status: 'over-rls-max', limit: limits.rlsMax, ratio: result.ratio };
    } else within = limits.rlsMax;
  }
  if (limits.upper) {
    const upper = limits.upper;
    if (facts.dietary) return within ? { status: 'within-limit', limit: within } : notApplicable('dietary', upper);
    if (facts.saltNamed && /elemental/i.test(upper.label)) {
      return within ? { status: 'within-limit', limit: within } : notApplicable('salt-weight', upper);
    }
    const result = compare(upper);
    if (!result) return within ? { status: 'within-limit', limit: within } : notApplicable('unit-mismatch', upper);
    if (result.over) return { status: 'over-upper-limit', limit: upper, ratio: result.ratio };
    return { status: 'within-limit', limit: within ?? upper };
  }
  return { status: 'within-limit', limit: within ?? primary };
}
