/**
 * How each verdict reads: words first, then an icon shape and a colour (Okabe–Ito palette,
 * safe for the common colour-vision deficiencies), so no meaning rests on colour alone.
 */
import type { Certainty, Verdict } from '../dataset/schema';

export interface VerdictLook {
  label: string;
  icon: string;
  tone: 'good' | 'fair' | 'neutral' | 'against' | 'warn' | 'info';
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

export const CERTAINTY_LABELS: Record<Certainty, string> = {
  high: 'high certainty',
  moderate: 'moderate certainty',
  low: 'low certainty',
  'very-low': 'very low certainty',
  'not-graded': 'not graded',
};
