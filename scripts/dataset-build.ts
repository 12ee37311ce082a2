/** `npm run dataset:build`: src/dataset/source/** -> src/dataset/generated/dataset.json */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileDataset, serializeDataset } from '../src/dataset/compile';

const SOURCE = join(import.meta.dirname, '../src/dataset/source');
const OUTPUT = join(import.meta.dirname, '../src/dataset/generated/dataset.json');

const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));
const readFolder = (dir: string) =>
  readdirSync(join(SOURCE, dir))
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => readJson(join(SOURCE, dir, name)));

const result = compileDataset({
  meta: readJson(join(SOURCE, 'meta.json')) as never,
  entries: readFolder('entries'),
  claims: readFolder('claims'),
  references: readJson(join(SOURCE, 'references.json')) as unknown[],
});
if (!result.ok) {
  console.error(`dataset:build failed:\n  ${result.errors.join('\n  ')}`);
  process.exit(1);
}
writeFileSync(OUTPUT, serializeDataset(result.dataset));
console.log(
  `dataset:build wrote ${OUTPUT} (${result.dataset.entries.length} entries, ${result.dataset.claims.length} claims, ${result.dataset.references.length} references)`,
);
