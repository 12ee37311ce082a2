/**
 * The names of the kinds of claim a frame flag makes, as the tooltip and the popup show them
 * (what the evidence answers comes from src/dataset/answers.ts).
 */
import type { FrameKind } from '../nlp/types';

export const FRAME_KIND_LABELS: Record<FrameKind, string> = {
  efficacy: 'Efficacy claim',
  safety: 'Safety claim',
  cause: 'Cause claim',
  use: 'Use of something that can worsen RLS or does not treat it',
  stopping: 'Stopping a prescribed medicine',
};
