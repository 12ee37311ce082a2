/**
 * The update feed's format, shared by the publisher and the background worker.
 *
 * A feed is a folder on any static host with two kinds of file:
 *   manifest.json          the signed envelope below; the build-time feed URL points at it
 *   dataset-<version>.json the dataset, byte for byte as hashed and signed
 *
 * The envelope carries the manifest as base64 of its exact UTF-8 bytes, so the signature covers
 * bytes, not a JSON re-serialisation that two implementations could disagree on.
 */
import * as v from 'valibot';
import { compareDottedVersions, DatasetSchema } from '../dataset/schema';
import { decodeUtf8 } from './bytes';

export const FEED_FORMAT = 'evidence-lens-dataset-feed';
export const FEED_FORMAT_VERSION = 1;
export const MANIFEST_FILE_NAME = 'manifest.json';

/** The envelope is under 1 KB; anything this large is not ours. */
export const MAX_MANIFEST_BYTES = 64 * 1024;
/**
 * The bundled dataset is ~16 KB (its gzip budget 300 KB). Two stored copies of a 3 MiB dataset
 * (active + previous) stay well inside storage.local's 10 MB quota without `unlimitedStorage`.
 */
export const MAX_DATASET_BYTES = 3 * 1024 * 1024;

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const HEX_SHA256 = /^[0-9a-f]{64}$/;
const KEY_ID = /^[0-9a-f]{16}$/;
// A bare file name in the feed's folder: no path, so the dataset always comes from the feed's origin.
const FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+)*\.json$/;
const EXTENSION_VERSION = /^\d{1,9}(?:\.\d{1,9}){0,3}$/;

export const FeedEnvelopeSchema = v.strictObject({
  /** base64 of the manifest's UTF-8 JSON bytes: exactly what was signed. */
  signed: v.pipe(v.string(), v.maxLength(MAX_MANIFEST_BYTES), v.regex(BASE64, 'must be base64')),
  /** base64 of the 64-byte Ed25519 signature over those bytes. */
  signature: v.pipe(v.string(), v.length(88, 'must be 64 bytes of base64'), v.regex(BASE64, 'must be base64')),
  /** First 8 bytes of SHA-256 of the signing public key, hex: names the key, proves nothing. */
  keyId: v.pipe(v.string(), v.regex(KEY_ID, 'must be 16 hex digits')),
});
export type FeedEnvelope = v.InferOutput<typeof FeedEnvelopeSchema>;

export const FeedManifestSchema = v.strictObject({
  format: v.literal(FEED_FORMAT),
  formatVersion: v.literal(FEED_FORMAT_VERSION),
  /** The dataset's own `version`; the download must say the same. */
  datasetVersion: DatasetSchema.entries.version,
  file: v.pipe(v.string(), v.maxLength(160), v.regex(FILE_NAME, 'must be a bare file name ending in .json')),
  size: v.pipe(v.number(), v.integer(), v.minValue(1)),
  sha256: v.pipe(v.string(), v.regex(HEX_SHA256, 'must be 64 lower-case hex digits')),
  /** Oldest extension version that understands this dataset (dotted numbers, as in manifest.json). */
  minExtensionVersion: v.pipe(v.string(), v.regex(EXTENSION_VERSION, 'must be a dotted version like 0.1.0')),
  /** When it was signed. Never goes backwards, so an old signed manifest served again is spotted. */
  published: v.pipe(v.string(), v.isoTimestamp()),
});
export type FeedManifest = v.InferOutput<typeof FeedManifestSchema>;

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

export function parseFeedEnvelope(input: unknown): Parsed<FeedEnvelope> {
  return parseWith(FeedEnvelopeSchema, input);
}

/** Parses the signed bytes (after the signature has verified). */
export function parseFeedManifest(bytes: Uint8Array): Parsed<FeedManifest> {
  const text = decodeUtf8(bytes);
  if (text === null) return { ok: false, error: 'not UTF-8' };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, error: 'not JSON' };
  }
  return parseWith(FeedManifestSchema, json);
}

/** Serialises a manifest the way the publisher signs it: compact JSON, schema key order. */
export function serializeFeedManifest(manifest: FeedManifest): string {
  const checked = v.parse(FeedManifestSchema, manifest);
  return JSON.stringify(checked);
}

/**
 * The form a feed serves a dataset in: compact JSON with every non-ASCII character written as a
 * \uXXXX escape. The same JSON value; but pure ASCII bytes decode about four times faster in
 * Chromium's TextDecoder than UTF-8 with a few curly quotes (3 ms against 12 ms for 1 MB), parse
 * faster, and store as one-byte strings. Clients accept any strict UTF-8 all the same.
 */
export function datasetFeedText(dataset: unknown): string {
  return JSON.stringify(dataset).replace(/[\u007f-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function datasetFileName(datasetVersion: string): string {
  return `dataset-${datasetVersion}.json`;
}

/** Compares dotted extension versions ("0.1.0" < "0.10"); positive when `a` is newer. */
export const compareExtensionVersions = (a: string, b: string): number => compareDottedVersions(a, b);

function parseWith<S extends v.GenericSchema>(schema: S, input: unknown): Parsed<v.InferOutput<S>> {
  const result = v.safeParse(schema, input);
  if (result.success) return { ok: true, value: result.output };
  const issue = result.issues[0];
  const path = v.getDotPath(issue);
  return { ok: false, error: path ? `${path}: ${issue.message}` : issue.message };
}
