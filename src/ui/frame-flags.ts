/**
 * How a frame flag is worded, the same in the tooltip and the popup: the kind of claim, the
 * page's words, what the evidence says for RLS and its source (the answer itself comes from
 * src/dataset/answers.ts).
 */
import type { Verdict } from '../dataset/schema';
import type { FrameKind } from '../nlp/types';
import { VERDICT_LOOKS } from './verdicts';

export const FRAME_KIND_LABELS: Record<FrameKind, string> = {
  efficacy: 'Efficacy claim',
  safety: 'Safety claim',
  cause: 'Cause claim',
  use: 'Use of something that can worsen RLS or does not treat it',
  stopping: 'Stopping a prescribed medicine',
};

/** The explanation of a frame flag, in the parts the tooltip styles apart. */
export function frameExplanation(
  cue: string,
  verdict: Verdict,
  answer: { text: string; citations: readonly string[] },
): { said: string; evidence: string; source: string } {
  return {
    said: `The page says “${cue}”.`,
    evidence: `The evidence for RLS: ${VERDICT_LOOKS[verdict].label}. ${answer.text}`,
    source: `(Source: ${answer.citations.join(', ')})`,
  };
}
