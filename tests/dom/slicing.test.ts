/** Big pages are read in bounded steps: no single step of ours reads a whole big page at once. */
import { describe, expect, it } from 'vitest';
import { Annotator } from '@/src/engine/annotator';
import type { SliceClock } from '@/src/engine/slices';
import { loadTestDataset } from '../helpers/dataset';

const dataset = loadTestDataset();

/** A clock that ends a slice after every step, counting the hand-backs. */
function steppingClock() {
  const clock: SliceClock & { yields: number } = {
    yields: 0,
    sliceMs: 0,
    now: () => 0,
    yieldToPage: async () => void clock.yields++,
  };
  return clock;
}

function bigPage(paragraphs: number, sentence: string): Document {
  const body = Array.from({ length: paragraphs }, () => `<p>${sentence}</p>`).join('');
  return new DOMParser().parseFromString(`<!doctype html><html><head><title>Notes</title></head><body>${body}</body></html>`, 'text/html');
}

describe('slicing a big page', () => {
  it('splits the whole-page pre-scan of 400 KB of text into parts (it was one step)', async () => {
    const doc = bigPage(5000, 'The evening walk along the canal took longer than usual because of the wind.');
    expect(doc.body.textContent!.length).toBeGreaterThan(350_000);
    const clock = steppingClock();
    const result = await new Annotator(doc, dataset, { visibility: 'markup' }).scanSliced(doc.body, clock);
    expect(result.value).toEqual([]);
    expect(clock.yields).toBeGreaterThanOrEqual(5);
  });

  it('still finds a name cut by a part boundary', async () => {
    const filler = 'The evening walk along the canal took longer than usual because of the wind. ';
    const text = filler.repeat(Math.ceil((64 * 1024 - 5) / filler.length)).slice(0, 64 * 1024 - 5);
    const doc = new DOMParser().parseFromString(
      `<!doctype html><html><head><title>Restless legs syndrome</title></head><body><p>${text}ropinirole helped my restless legs syndrome.</p></body></html>`,
      'text/html',
    );
    const result = await new Annotator(doc, dataset, { visibility: 'markup' }).scanSliced(doc.body, steppingClock());
    expect(result.value.map((m) => m.entryId)).toContain('ropinirole');
  });
});
