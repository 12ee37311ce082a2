/**
 * Every claim of the REAL dataset on its own example sentences
 * (tests/fixtures/claim-sentences.json: {claimId: {positive: [], negative: []}}): every positive
 * is flagged with that claim id, no negative is. Runs once the shipped bundle holds at least
 * 12 claims and the sentence file exists.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTestDataset } from '../helpers/dataset';
import { harnessFor } from '../fixtures/nlp/harness';

const dataset = loadTestDataset();
const sentencesPath = resolve(process.cwd(), 'tests/fixtures/claim-sentences.json');
const ready = dataset.claims.length >= 12 && existsSync(sentencesPath);

type ClaimSentences = Record<string, { positive: string[]; negative: string[] }>;
const sentences: ClaimSentences = ready ? (JSON.parse(readFileSync(sentencesPath, 'utf8')) as ClaimSentences) : {};

describe.skipIf(!ready)('claims of the real dataset on their example sentences', () => {
  const harness = harnessFor(dataset);
  const claimIdsIn = (text: string) => harness.run(text).claims.map((c) => c.claimId);

  it('has example sentences for every claim, and only for claims', () => {
    const ids = dataset.claims.map((c) => c.id).sort();
    expect(Object.keys(sentences).sort()).toEqual(ids);
  });

  for (const claim of dataset.claims) {
    const examples = sentences[claim.id] ?? { positive: [], negative: [] };
    describe(claim.id, () => {
      it.each(examples.positive)('flags: %s', (text) => {
        expect(claimIdsIn(text)).toContain(claim.id);
      });
      it.each(examples.negative)('does not flag: %s', (text) => {
        expect(claimIdsIn(text)).not.toContain(claim.id);
      });
    });
  }
});
