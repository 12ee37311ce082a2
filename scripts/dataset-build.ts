/**
 * `npm run dataset:build`: src/dataset/source/** -> src/dataset/generated/dataset.json.
 * Refuses to write when the content checks fail (everything `dataset:check` tests except the
 * bundle's freshness, which this command is what fixes).
 */
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { checkSources, formatProblem } from '../src/dataset/check';
import { GENERATED_FILE, readSourceFiles } from './dataset-io';

const result = checkSources(readSourceFiles(), {
  gzipSize: (text) => gzipSync(text, { level: 9 }).byteLength,
});
if (result.problems.length > 0 || !result.serialized || !result.dataset) {
  console.error(`dataset:build failed:`);
  for (const problem of result.problems) console.error(`  ${formatProblem(problem)}`);
  process.exit(1);
}
writeFileSync(GENERATED_FILE, result.serialized);
console.log(
  `dataset:build wrote ${GENERATED_FILE} (${result.dataset.entries.length} entries, ${result.dataset.claims.length} claims, ${result.dataset.references.length} references)`,
);
