/**
 * How each verdict reads: words first, then an icon shape and a colour (Okabe–Ito palette,
 * safe for the common colour-vision deficiencies), so no meaning rests on colour alone.
 */
import type { Certainty, ClaimVerdict, Verdict } from '../dataset/schema';

export type Tone = 'good' | 'fair' | 'neutral' | 'against' | 'warn' | 'info';

export interface VerdictLook {
  label: string;
  icon: string;
  tone: Tone;
}

export const VERDICT_LOOKS: Record<Verdict, VerdictLook> = {
  'recommended-strong': { label: 'Recommended (strong)', icon: '✔', tone: 'good' },
  'recommended-conditional': { label: 'Recommended (conditional)', icon: '✓', tone: 'good' },
  'some-evidence': { label: 'Some evidence of benefit', icon: '◔', tone: 'fair' },
  'insufficient-evidence': { label: 'Insufficient evidence', icon: '?', tone: 'neutral' },
  'not-recommended-conditional': { label: 'Not recommended (conditional)', icon: '✗', tone: 'against' },
  'not-recommended-strong': { label: 'Not recommended (strong)', icon: '⛔', tone: 'against' },
  'not-an-rls-treatment': { label: 'Not an RLS treatment', icon: '⊘', tone: 'neutral' },
  'can-worsen-rls': { label: 'Can worsen RLS', icon: '⚠', tone: 'warn' },
  'about-the-condition': { label: 'About the condition', icon: 'ℹ', tone: 'info' },
};

/** Claims are judged against the evidence; the first three are what we flag. */
export const CLAIM_VERDICT_LOOKS: Record<ClaimVerdict, VerdictLook> = {
  false: { label: 'False', icon: '✗', tone: 'against' },
  'not-supported': { label: 'Not supported by the evidence', icon: '✗', tone: 'against' },
  misleading: { label: 'Misleading', icon: '⚠', tone: 'against' },
  'partly-true': { label: 'Partly true', icon: '◑', tone: 'fair' },
  'accurate-with-caveat': { label: 'Accurate, with a caveat', icon: '✓', tone: 'good' },
  anecdote: { label: 'A personal account, not evidence', icon: '…', tone: 'neutral' },
  'consistent-with-evidence': { label: 'Consistent with the evidence', icon: '✔', tone: 'good' },
};

export const CERTAINTY_LABELS: Record<Certainty, string> = {
  high: 'high certainty',
  moderate: 'moderate certainty',
  low: 'low certainty',
  'very-low': 'very low certainty',
  'not-graded': 'not graded',
};
