/**
 * `npm run dataset:check`: every rule in src/dataset/check.ts over src/dataset/source/**, the
 * generated bundle's freshness and its gzipped size. Exit 1 on any problem.
 */
import { gzipSync } from 'node:zlib';
import { checkSources, formatProblem } from '../src/dataset/check';
import { readGenerated, readSourceFiles } from './dataset-io';

const result = checkSources(readSourceFiles(), {
  generatedText: readGenerated() ?? '',
  gzipSize: (text) => gzipSync(text, { level: 9 }).byteLength,
});

if (result.problems.length > 0) {
  console.error(`dataset:check found ${result.problems.length} problem(s):`);
  for (const problem of result.problems) console.error(`  ${formatProblem(problem)}`);
  process.exit(1);
}
const { entries, claims, references } = result.dataset!;
const gzipKb = (gzipSync(result.serialized!, { level: 9 }).byteLength / 1024).toFixed(1);
console.log(
  `dataset:check ok: ${entries.length} entries, ${claims.length} claims, ${references.length} references, all cited (${gzipKb} KB gzipped)`,
);
