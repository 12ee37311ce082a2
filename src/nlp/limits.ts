/**
 * The dataset numbers a dose is held against, chosen once per entry, and the verdict on one
 * daily amount. Precision first: when in doubt (negated, a threshold, a food amount, a salt
 * weight against an elemental limit, another indication) nothing is flagged.
 */
import type { Entry, KeyNumber } from '../dataset/schema';
import { round, toMilligrams } from './doses';
import type { DoseIndication, DoseStatus, DoseUnit } from './types';

/** Why a phrase is not held against an existing limit (such phrases are not reported). */
export type DoseReason = 'negated' | 'threshold' | 'dietary' | 'salt-weight' | 'unit-mismatch' | 'not-rls-page';

export interface EntryLimits {
  rlsMax?: KeyNumber;
  upper?: KeyNumber;
  otherMax?: KeyNumber;
}

const COMPARABLE_UNITS = new Set(['mg', 'mg/day', 'mg/24h', 'g', 'mcg', 'IU']);
const GENERAL_POPULATION = /adult|and\s+(?:over|older)|or\s+older|\d+\s*\+|\u2265|over\s+\d+|general|everyone/i;
const SPECIAL_POPULATION =
  /child|infant|toddler|pregnan|lactat|breast|dialysis|kidney|renal|esrd|elderly|ages?\s*\d+\s*(?:-|\u2013|to)\s*\d+|\b\d+\s*(?:-|\u2013|to)\s*\d+\s*(?:years|yrs|y)\b/i;

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
  if (!primary) return { status: 'no-limit' };
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
