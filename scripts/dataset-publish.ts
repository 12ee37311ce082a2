/**
 * `npm run dataset:publish -- [--dataset FILE] [--out DIR] [--key FILE] [--min-extension-version V] [--force]`:
 * builds the update feed folder: the dataset as compact JSON (what the schema accepted, so it
 * downloads, hashes and stores faster than the two-space source) and manifest.json signed with
 * the private key from --key, EVLENS_FEED_PRIVATE_KEY (the PEM text) or EVLENS_FEED_PRIVATE_KEY_FILE.
 * Upload the dataset file before manifest.json. See docs/updates.md.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { formatProblem, validateDataset } from '../src/dataset/check';
import { compareDatasetVersions } from '../src/dataset/schema';
import { decodeBase64, decodeUtf8, utf8 } from '../src/update/bytes';
import { MANIFEST_FILE_NAME, MAX_DATASET_BYTES, datasetFeedText, parseFeedEnvelope, parseFeedManifest } from '../src/update/feed-format';
import { FEED_ENV } from '../src/update/feed-settings';
import { readSigningKey, signFeed } from '../src/update/feed-sign';
import { implausibleDates } from '../src/update/update-check';
import { importTrustedKeys, verifyEnvelope } from '../src/update/verify';
import { GENERATED_FILE } from './dataset-io';

const ROOT = resolve(import.meta.dirname, '..');

const { values } = parseArgs({
  options: {
    dataset: { type: 'string', default: GENERATED_FILE },
    out: { type: 'string', default: 'feed-output' },
    key: { type: 'string' },
    'min-extension-version': { type: 'string' },
    force: { type: 'boolean', default: false },
  },
});

function fail(message: string): never {
  console.error(`dataset:publish: ${message}`);
  process.exit(1);
}

function readPrivateKeyPem(): string {
  if (values.key) return readFileSync(resolve(values.key), 'utf8');
  if (process.env.EVLENS_FEED_PRIVATE_KEY) return process.env.EVLENS_FEED_PRIVATE_KEY;
  if (process.env.EVLENS_FEED_PRIVATE_KEY_FILE) return readFileSync(resolve(process.env.EVLENS_FEED_PRIVATE_KEY_FILE), 'utf8');
  return fail('no signing key: pass --key FILE, or set EVLENS_FEED_PRIVATE_KEY (PEM text) or EVLENS_FEED_PRIVATE_KEY_FILE.');
}

const sourceText = decodeUtf8(new Uint8Array(readFileSync(resolve(values.dataset))));
// The same validation the extension applies to a downloaded update: never sign what it would refuse.
const parsed = validateDataset(JSON.parse(sourceText ?? 'null'));
if (!parsed.ok) fail(`the dataset breaks the dataset rules:\n  ${firstOfEachRule(parsed.problems, 10).join('\n  ')}`);
const version = parsed.dataset.version;
// The extension decodes and stores the file as served: compact, ASCII-only JSON is the cheapest to do both with.
const datasetBytes = utf8(datasetFeedText(parsed.dataset));
if (datasetBytes.length > MAX_DATASET_BYTES) fail(`the dataset is ${datasetBytes.length} bytes, over the ${MAX_DATASET_BYTES}-byte limit clients accept.`);

const outDir = resolve(values.out);
const manifestPath = resolve(outDir, MANIFEST_FILE_NAME);
if (existsSync(manifestPath) && !values.force) {
  // Clients refuse a manifest that is not newer than what they have; say so before they do.
  const previous = readPublishedVersion(readFileSync(manifestPath, 'utf8'));
  if (previous && compareDatasetVersions(version, previous) <= 0) {
    fail(`${manifestPath} already offers ${previous}; ${version} is not newer, so no client would take it. Bump the dataset version (or --force).`);
  }
}

const key = await readSigningKey(readPrivateKeyPem());
const trusted = (process.env[FEED_ENV.publicKey] ?? '').split(/[\s,]+/).filter(Boolean);
if (trusted.length > 0 && !trusted.includes(key.publicKey)) {
  fail(`the signing key (id ${key.keyId}) is not among ${FEED_ENV.publicKey}: builds with that setting would reject this feed.`);
}
const packageVersion = (JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const feed = await signFeed({
  datasetBytes,
  datasetVersion: version,
  minExtensionVersion: values['min-extension-version'] ?? packageVersion,
  key,
});

// Clients refuse dates too far ahead (a version like 9999.12.31 would lock out every later one).
const implausible = implausibleDates(feed.manifest, Date.now());
if (implausible) fail(`${implausible} Clients would refuse it.`);

// Check our own output the way the extension will, before anything is written.
const verified = await verifyEnvelope(feed.envelope, await importTrustedKeys([key.publicKey]));
if (!verified.ok) fail(`self-check failed: ${verified.failure.message}`);

mkdirSync(outDir, { recursive: true });
writeFileSync(resolve(outDir, feed.manifest.file), datasetBytes);
writeFileSync(manifestPath, feed.envelopeText);
console.log(`dataset:publish wrote ${outDir}/`);
console.log(`  ${feed.manifest.file}  ${feed.manifest.size} bytes  sha256 ${feed.manifest.sha256}`);
console.log(`  ${MANIFEST_FILE_NAME}  dataset ${version}, needs extension ${feed.manifest.minExtensionVersion}+, key ${key.keyId}, published ${feed.manifest.published}`);
console.log('Upload the dataset file first, then manifest.json.');

function readPublishedVersion(text: string): string | null {
  try {
    const envelope = parseFeedEnvelope(JSON.parse(text));
    if (!envelope.ok) return null;
    const bytes = decodeBase64(envelope.value.signed);
    const manifest = bytes && parseFeedManifest(bytes);
    return manifest && manifest.ok ? manifest.value.datasetVersion : null;
  } catch {
    return null;
  }
}

/** Up to `max` problems, every rule broken before a second problem of any rule, and how many more. */
function firstOfEachRule(problems: ReadonlyArray<Parameters<typeof formatProblem>[0]>, max: number): string[] {
  const byRule = new Map<string, Array<(typeof problems)[number]>>();
  for (const p of problems) byRule.set(p.rule, [...(byRule.get(p.rule) ?? []), p]);
  const shown: string[] = [];
  for (let round = 0; shown.length < max && shown.length < problems.length; round++) {
    for (const list of byRule.values()) if (list[round] && shown.length < max) shown.push(formatProblem(list[round]!));
  }
  return problems.length > shown.length ? [...shown, `... and ${problems.length - shown.length} more`] : shown;
}
