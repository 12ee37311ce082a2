/**
 * `npm run bench:update [-- --runs N --mb N]`: verify + swap of a signed 1 MB dataset update in
 * the built extension's service worker (real Chromium), median of N runs, against the 50 ms
 * target and an unverified baseline. Writes bench-output/update.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { benchUpdate } from './lib/bench-update';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '7' }, mb: { type: 'string', default: '1' } } });
const result = await benchUpdate({
  runs: Number(values.runs),
  datasetBytes: Math.round(Number(values.mb) * 1024 * 1024),
  log: (line) => console.log(line),
});
const { median, baseline } = result;
console.log(
  `\nDataset ${(result.datasetBytes / 1024 / 1024).toFixed(2)} MB, median of ${result.runs} runs: ` +
    `verify ${median.verifyMs} ms (of which SHA-256 ${median.hashMs}, UTF-8 + JSON ${median.decodeMs}, dataset rules ${median.rulesMs}) + swap ${median.swapMs} ms = ${median.totalMs} ms ` +
    `(target < ${result.targetMs} ms: ${result.withinTarget ? 'met' : 'MISSED'}). ` +
    `Baseline with no verification (JSON.parse + storage.local.set): ${baseline.totalMs} ms ` +
    `(parse ${baseline.parseMs} + store ${baseline.storeMs}); one IndexedDB put of the text alone: ${baseline.idbStoreMs} ms. Download, not counted: ${median.downloadMs} ms. ` +
    `Machine: ${result.machine.cpus} CPUs, load average ${result.machine.loadAverage1m}.`,
);
const out = resolve(import.meta.dirname, '../bench-output');
mkdirSync(out, { recursive: true });
writeFileSync(resolve(out, 'update.json'), `${JSON.stringify(result, null, 2)}\n`);
if (!result.withinTarget) process.exitCode = 1;
