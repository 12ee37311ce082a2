/**
 * `npm run dataset:format`: rewrites every source file in canonical form (src/dataset/format.ts):
 * two-space JSON, keys in schema order, references sorted by id, trailing newline. Files that
 * are not valid JSON are left alone and listed; `dataset:check` explains them.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { canonicalText, sourceKindOf } from '../src/dataset/format';
import { SOURCE_DIR, readSourceFiles } from './dataset-io';

let changed = 0;
const skipped: string[] = [];
for (const file of readSourceFiles()) {
  const kind = sourceKindOf(file.path);
  if (!kind) continue;
  const canonical = canonicalText(kind, file.text);
  if (canonical === undefined) {
    skipped.push(file.path);
    continue;
  }
  if (canonical !== file.text) {
    writeFileSync(join(SOURCE_DIR, file.path), canonical);
    changed++;
  }
}
console.log(`dataset:format rewrote ${changed} file(s)`);
if (skipped.length > 0) {
  console.error(`dataset:format skipped (not valid JSON): ${skipped.join(', ')}`);
  process.exit(1);
}
