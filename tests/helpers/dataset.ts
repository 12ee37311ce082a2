import bundled from '../../src/dataset/generated/dataset.json';
import { parseDataset, type Dataset } from '../../src/dataset/schema';

/** The bundled dataset, validated: tests run against what ships. */
export function loadTestDataset(): Dataset {
  const result = parseDataset(bundled);
  if (!result.ok) throw new Error(`bundled dataset invalid:\n${result.errors.join('\n')}`);
  return result.dataset;
}
