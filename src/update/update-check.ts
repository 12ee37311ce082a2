/**
 * One check of the feed, from the manifest request to a verified dataset ready to swap in.
 * Pure of storage and tabs: it reads what it is given and returns what to do, so every
 * rejection path is a unit test with a stubbed fetch. Cheap checks run before expensive ones,
 * and nothing is downloaded before the manifest's signature and version say it is worth it.
 */
import { formatProblem, validateDataset } from '../dataset/check';
import { compareDatasetVersions, type Dataset } from '../dataset/schema';
import { decodeUtf8 } from './bytes';
import { fetchFeedFile } from './feed-fetch';
import {
  MAX_DATASET_BYTES,
  MAX_MANIFEST_BYTES,
  compareExtensionVersions,
  parseFeedEnvelope,
  parseFeedManifest,
  type FeedManifest,
} from './feed-format';
import { failure, type CheckTiming, type UpdateFailure } from './status';
import { sha256Hex, verifyEnvelope, type TrustedKey } from './verify';

export interface CheckInput {
  manifestUrl: string;
  timeoutMs: number;
  trustedKeys: readonly TrustedKey[];
  /** Version of the dataset in use (the bundled one is the floor). */
  versionInUse: string;
  extensionVersion: string;
  /** ETag of the last manifest fully processed. */
  etag: string | null;
  /** Highest `published` of any manifest accepted so far. */
  highestPublished: string | null;
  /** Our clock (ms since the epoch); defaults to Date.now(). */
  now?: number;
}

/** How far ahead of our clock a manifest's `published` may be (a publisher's clock may be off). */
export const MAX_PUBLISHED_AHEAD_MS = 7 * 24 * 60 * 60 * 1000;
/** How far ahead of our clock a dataset version's date (YYYY.MM.DD) may be. */
export const MAX_VERSION_AHEAD_MS = 31 * 24 * 60 * 60 * 1000;

/**
 * Refuses dates no honest feed signs: a version dated far ahead (9999.12.31 would lock out
 * every later real update, as versions only go up) or a manifest published far in the future.
 */
export function implausibleDates(manifest: FeedManifest, now: number): string | null {
  if (Date.parse(manifest.published) > now + MAX_PUBLISHED_AHEAD_MS) {
    return `The manifest says it was published ${manifest.published}, too far in the future to be true.`;
  }
  const [year, month, day] = manifest.datasetVersion.split('.').map(Number) as [number, number, number];
  const date = Date.UTC(year, month - 1, day);
  const real = new Date(date);
  if (month < 1 || month > 12 || real.getUTCDate() !== day || real.getUTCFullYear() !== year) {
    return `Dataset version ${manifest.datasetVersion} is not a real date.`;
  }
  if (date > now + MAX_VERSION_AHEAD_MS) {
    return `Dataset version ${manifest.datasetVersion} is dated too far in the future to be true.`;
  }
  return null;
}

export type CheckResult =
  | { outcome: 'up-to-date'; etag: string | null; manifest: FeedManifest | null; timing: CheckTiming }
  | {
      outcome: 'updated';
      etag: string | null;
      manifest: FeedManifest;
      dataset: Dataset;
      /** The downloaded bytes as text, stored as is so a later start can re-hash them. */
      datasetText: string;
      timing: CheckTiming;
    }
  | { outcome: 'failed'; failure: UpdateFailure; manifest: FeedManifest | null; timing: CheckTiming };

export async function checkFeed(input: CheckInput): Promise<CheckResult> {
  const timing: CheckTiming = { downloadMs: 0, verifyMs: 0 };
  const timed = async <T>(phase: 'downloadMs' | 'verifyMs', work: () => Promise<T>): Promise<T> => {
    const start = performance.now();
    try {
      return await work();
    } finally {
      timing[phase] += performance.now() - start;
    }
  };
  const failed = (reason: UpdateFailure, manifest: FeedManifest | null = null): CheckResult => ({
    outcome: 'failed',
    failure: reason,
    manifest,
    timing,
  });

  const manifestUrl = new URL(input.manifestUrl);
  const fetchOptions = { feedOrigin: manifestUrl.origin, timeoutMs: input.timeoutMs };
  const answer = await timed('downloadMs', () =>
    fetchFeedFile(manifestUrl, { ...fetchOptions, maxBytes: MAX_MANIFEST_BYTES, etag: input.etag }),
  );
  if (!answer.ok) return failed(answer.failure);
  if (answer.notModified) return { outcome: 'up-to-date', etag: input.etag, manifest: null, timing };

  const read = await timed('verifyMs', () => readManifest(answer.bytes, answer.contentType, input.trustedKeys));
  if (!read.ok) return failed(read.failure);
  const manifest = read.manifest;

  const implausible = implausibleDates(manifest, input.now ?? Date.now());
  if (implausible) return failed(failure('bad-manifest', implausible), manifest);

  if (input.highestPublished && Date.parse(manifest.published) < Date.parse(input.highestPublished)) {
    return failed(
      failure(
        'replay',
        `The feed served a manifest published ${manifest.published}, older than one already seen (${input.highestPublished}).`,
      ),
      manifest,
    );
  }
  const versionOrder = compareDatasetVersions(manifest.datasetVersion, input.versionInUse);
  if (versionOrder === 0) return { outcome: 'up-to-date', etag: answer.etag, manifest, timing };
  if (versionOrder < 0) {
    return failed(
      failure('downgrade', `The feed offers dataset ${manifest.datasetVersion}, older than ${input.versionInUse} in use.`),
      manifest,
    );
  }
  if (compareExtensionVersions(manifest.minExtensionVersion, input.extensionVersion) > 0) {
    return failed(
      failure(
        'needs-newer-extension',
        `Dataset ${manifest.datasetVersion} needs Evidence Lens ${manifest.minExtensionVersion} or later (this is ${input.extensionVersion}).`,
      ),
      manifest,
    );
  }
  if (manifest.size > MAX_DATASET_BYTES) {
    return failed(failure('too-large', `The offered dataset is ${manifest.size} bytes, over the ${MAX_DATASET_BYTES}-byte limit.`), manifest);
  }

  const download = await timed('downloadMs', () =>
    fetchFeedFile(new URL(manifest.file, manifestUrl), { ...fetchOptions, maxBytes: manifest.size }),
  );
  if (!download.ok) {
    // The cap for the dataset is its signed size: a longer file is a wrong file.
    const reason =
      download.failure.reason === 'too-large'
        ? failure('size-mismatch', `The dataset file is longer than the signed ${manifest.size} bytes.`)
        : download.failure;
    return failed(reason, manifest);
  }
  if (download.notModified) return failed(failure('http-status', 'The feed answered 304 for the dataset file.'), manifest);

  const verified = await timed('verifyMs', () => verifyDataset(download.bytes, manifest, timing));
  if (!verified.ok) return failed(verified.failure, manifest);
  return { outcome: 'updated', etag: answer.etag, manifest, dataset: verified.dataset, datasetText: verified.text, timing };
}

type ManifestRead = { ok: true; manifest: FeedManifest } | { ok: false; failure: UpdateFailure };

async function readManifest(bytes: Uint8Array, contentType: string, trustedKeys: readonly TrustedKey[]): Promise<ManifestRead> {
  const text = decodeUtf8(bytes);
  const json = text === null ? undefined : parseJson(text);
  if (json === undefined) {
    const html = /html/i.test(contentType) || (text ?? '').trimStart().startsWith('<');
    return {
      ok: false,
      failure: failure(
        'not-a-feed',
        html ? 'The feed answered with an HTML page, not a signed manifest.' : 'The feed answered with something that is not JSON.',
      ),
    };
  }
  const envelope = parseFeedEnvelope(json);
  if (!envelope.ok) return { ok: false, failure: failure('bad-envelope', `The feed's answer is not a signed manifest (${envelope.error}).`) };
  const verified = await verifyEnvelope(envelope.value, trustedKeys);
  if (!verified.ok) return verified;
  const manifest = parseFeedManifest(verified.signedBytes);
  if (!manifest.ok) return { ok: false, failure: failure('bad-manifest', `The signed manifest is malformed (${manifest.error}).`) };
  return { ok: true, manifest: manifest.value };
}

type DatasetRead = { ok: true; dataset: Dataset; text: string } | { ok: false; failure: UpdateFailure };

async function verifyDataset(bytes: Uint8Array<ArrayBuffer>, manifest: FeedManifest, timing: CheckTiming): Promise<DatasetRead> {
  const start = performance.now();
  if (bytes.length !== manifest.size) {
    return { ok: false, failure: failure('size-mismatch', `The dataset file is ${bytes.length} bytes; the manifest signed ${manifest.size}.`) };
  }
  if ((await sha256Hex(bytes)) !== manifest.sha256) {
    return { ok: false, failure: failure('hash-mismatch', 'The dataset file does not match its signed SHA-256: it was altered or damaged.') };
  }
  const hashed = performance.now();
  const text = decodeUtf8(bytes);
  const json = text === null ? undefined : parseJson(text);
  const decoded = performance.now();
  if (text === null || json === undefined) {
    return { ok: false, failure: failure('invalid-dataset', 'The dataset file is not UTF-8 JSON.') };
  }
  // Held to every rule a build is held to (schema, plain-word claim patterns, plain text,
  // unique ids, references, size caps): a signature says who made it, not that it is sound.
  const parsed = validateDataset(json);
  timing.verifyParts = { hashMs: hashed - start, decodeMs: decoded - hashed, rulesMs: performance.now() - decoded };
  if (!parsed.ok) {
    const count = parsed.problems.length;
    const shown = parsed.problems.slice(0, 3).map(formatProblem).join('; ');
    return {
      ok: false,
      failure: failure('invalid-dataset', `The dataset breaks ${count} dataset rule${count === 1 ? '' : 's'}: ${shown}.`),
    };
  }
  if (parsed.dataset.version !== manifest.datasetVersion) {
    return {
      ok: false,
      failure: failure('version-mismatch', `The dataset file says version ${parsed.dataset.version}; the manifest signed ${manifest.datasetVersion}.`),
    };
  }
  return { ok: true, dataset: parsed.dataset, text };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
