/** A large dataset within the size caps, for the update benchmark and the storage tests. */
import { DATASET_CAPS } from '../../src/dataset/check';
import bundled from '../../src/dataset/generated/dataset.json';
import type { Dataset } from '../../src/dataset/schema';
import { utf8 } from '../../src/update/bytes';
import { datasetFeedText } from '../../src/update/feed-format';

/**
 * The bundled dataset grown to `targetBytes` within the size caps every update is held to
 * (DATASET_CAPS): its entries repeated with new ids and one new alias each (no false friends),
 * up to the entry cap, then more caveats on the copies, up to the list cap. Compact ASCII-only
 * JSON, the form `npm run dataset:publish` serves.
 */
export function largeDataset(version: string, targetBytes: number): string {
  const base = structuredClone(bundled) as Dataset;
  const dataset: Dataset = { ...base, version, entries: [...base.entries] };
  let size = utf8(JSON.stringify(dataset)).length;
  const copies: Dataset['entries'] = [];
  for (let round = 1; size < targetBytes && dataset.entries.length < DATASET_CAPS.entries; round++) {
    for (const entry of base.entries) {
      if (size >= targetBytes || dataset.entries.length >= DATASET_CAPS.entries) break;
      const copy = {
        ...structuredClone(entry),
        id: `${entry.id}-copy-${round}`,
        aliases: [{ text: `${entry.aliases[0]!.text} ${round}` }],
        match: { ...entry.match, falseFriends: [] },
      };
      dataset.entries.push(copy);
      copies.push(copy);
      size += utf8(JSON.stringify(copy)).length + 1;
    }
  }
  const extraCaveats = base.entries.flatMap((entry) => entry.caveats.filter((caveat) => caveat.role === undefined));
  for (let next = 0; size < targetBytes; next++) {
    const copy = copies.find((entry) => entry.caveats.length < DATASET_CAPS.listItems);
    if (!copy) throw new Error(`A dataset within the size caps cannot reach ${targetBytes} bytes.`);
    const caveat = extraCaveats[next % extraCaveats.length]!;
    copy.caveats.push(caveat);
    size += utf8(JSON.stringify(caveat)).length + 1;
  }
  return datasetFeedText(dataset);
}

