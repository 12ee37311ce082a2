/**
 * The learned reading of claims: its features, its scores and the quote it gives, on a small
 * hand-made model; and the shipped model is the one the dev claims set trains.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { claimFeatures, claimScore, likeliestKind, strongestCue, type ClaimModel } from '@/src/nlp/claim-model';

const kind = (weights: Record<string, number>) => ({ prior: Math.log(0.2), weights, unseen: -8 });
const model: ClaimModel = {
  names: ['valerian'],
  prior: 0.1,
  weights: { cures: 2, 'cures_rls': 1.5, maybe: -3, '?': -2 },
  kinds: {
    efficacy: kind({ cures: -1 }),
    safety: kind({ safe: -1 }),
    cause: kind({}),
    use: kind({}),
    stopping: kind({}),
  },
};

describe('claim model', () => {
  it('reads words and adjacent pairs, lower case, each once', () => {
    // A name of the dataset is read as one placeholder.
    expect([...claimFeatures('Valerian CURES RLS, cures it?', model)]).toEqual([
      '<name>', 'cures', 'rls', 'it', '?', '<name>_cures', 'cures_rls', 'rls_cures', 'cures_it', 'it_?',
    ]);
  });

  it('adds the weights of the features present to the prior', () => {
    expect(claimScore(claimFeatures('Valerian cures RLS', model), model)).toBeCloseTo(3.6);
    expect(claimScore(claimFeatures('Maybe valerian cures RLS?', model), model)).toBeCloseTo(-1.4);
  });

  it('picks the likeliest of the kinds allowed, and quotes the words that weigh most', () => {
    expect(likeliestKind(claimFeatures('it cures', model), ['efficacy', 'safety'], model)).toBe('efficacy');
    expect(likeliestKind(claimFeatures('it is safe', model), ['efficacy', 'safety'], model)).toBe('safety');
    expect(likeliestKind(claimFeatures('it cures', model), ['safety'], model)).toBe('safety');
    const text = 'Honestly, valerian cures RLS.';
    const cue = strongestCue(text, model)!;
    expect(text.slice(cue.start, cue.end)).toBe('cures');
  });

  it('ships the model the dev claims set trains, and nothing else', () => {
    expect(execFileSync('npx', ['tsx', 'scripts/train-claim-model.ts', '--check'], { encoding: 'utf8' })).toContain('up to date');
  });
});
