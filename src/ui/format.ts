/** Numbers as a reader expects them: no float noise, a dose as the page gave it. */
import type { DoseFinding } from '../nlp/analyze';

/** 0.5 → "0.5", 36 → "36", 0.1 + 0.2 → "0.3", 1200 → "1,200". */
export function formatAmount(value: number): string {
  return new Intl.NumberFormat('en', { maximumFractionDigits: 3 }).format(value);
}

/** 9 → "9 times", 1.5 → "1.5 times". */
export function formatRatio(ratio: number | undefined): string {
  if (ratio === undefined || !Number.isFinite(ratio)) return 'above';
  return `${formatAmount(Math.round(ratio * 10) / 10)} times`;
}

/** "400 mg twice a day" style description of a parsed dose. */
export function formatDose(dose: Pick<DoseFinding, 'amount' | 'amountMax' | 'unit' | 'timesPerDay'>): string {
  const amount =
    dose.amountMax !== undefined
      ? `${formatAmount(dose.amount)}–${formatAmount(dose.amountMax)}`
      : formatAmount(dose.amount);
  const times = dose.timesPerDay === 1 ? 'once a day' : `${formatAmount(dose.timesPerDay)} times a day`;
  return `${amount} ${dose.unit} ${times}`;
}
