/**
 * Writes src/dataset/generated/fuzzy-guard.json: the one-word names the fuzzy reader may read a
 * misspelling as, and every English word (an-array-of-english-words, ~275,000 words) that sits
 * within the fuzzy distance of one of them. The extension never reads those words as a name, so
 * "lyrics" never becomes Lyrica. Run by `npm run dataset:build`; the list ships, the dictionary
 * does not.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { toMatchIndex, type FuzzyGuard } from '../src/dataset/match-index';
import { parseDataset } from '../src/dataset/schema';
import { fuzzyNames, reachDistance } from '../src/engine/fuzzy';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'src/dataset/generated/fuzzy-guard.json');

const parsed = parseDataset(JSON.parse(readFileSync(join(ROOT, 'src/dataset/generated/dataset.json'), 'utf8')));
if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
const names = [...new Set(fuzzyNames(toMatchIndex(parsed.dataset).entries).map((n) => n.name))].sort();
const require = createRequire(import.meta.url);
const english: string[] = require('an-array-of-english-words/index.json');

const near = new Set<string>();
for (const word of english) {
  if (word.length < 6) continue;
  const lower = word.toLowerCase();
  for (const name of names) if (reachDistance(lower, name) !== undefined) near.add(lower);
}
const guard: FuzzyGuard = { names, englishNear: [...near].sort() };
writeFileSync(OUT, `${JSON.stringify(guard, null, 2)}\n`);
console.log(`fuzzy guard: ${names.length} names, ${near.size} English words kept from being read as one`);
