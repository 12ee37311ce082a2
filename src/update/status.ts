/**
 * What the popup shows about dataset updates: the dataset in use, and how the last check went.
 * Every way a check can fail has its own reason code, so the popup (and the tests) can tell a
 * network problem from a tampered file.
 */

export const FAILURE_REASONS = [
  /** The feed could not be reached (DNS, connection refused, offline). */
  'network',
  /** No complete answer within the time limit. */
  'timeout',
  /** The feed answered with an error status (404, 500, ...). */
  'http-status',
  /** The feed answered with a redirect; redirects are refused, so no other origin is ever contacted. */
  'redirect',
  /** The answer was larger than the size cap. */
  'too-large',
  /** The answer is not JSON: typically an HTML error page served with status 200. */
  'not-a-feed',
  /** JSON, but not a signed manifest envelope. */
  'bad-envelope',
  /** Signed by a key this build does not trust. */
  'untrusted-key',
  /** The signature does not verify: the manifest was altered or the signature is wrong. */
  'bad-signature',
  /** The browser cannot verify Ed25519 signatures. */
  'unsupported-crypto',
  /** Correctly signed, but the signed manifest does not have the expected shape. */
  'bad-manifest',
  /** A manifest published before one already seen: an old signed manifest served again. */
  'replay',
  /** A freshly signed manifest for a dataset older than the one in use. */
  'downgrade',
  /** The update needs a newer version of the extension. */
  'needs-newer-extension',
  /** The dataset file's length differs from the signed size. */
  'size-mismatch',
  /** The dataset file's SHA-256 differs from the signed hash. */
  'hash-mismatch',
  /** The dataset file fails the dataset schema (or is not JSON / UTF-8). */
  'invalid-dataset',
  /** The dataset file's own version differs from the signed version. */
  'version-mismatch',
  /** The browser refused to store the new dataset (quota, shutdown). */
  'storage',
  /** An unexpected error in the checker itself (a bug): nothing was changed. */
  'internal-error',
] as const;
export type FailureReason = (typeof FAILURE_REASONS)[number];

export interface UpdateFailure {
  reason: FailureReason;
  /** One plain sentence for the popup and logs. */
  message: string;
}

export type CheckOutcome = 'updated' | 'up-to-date' | 'failed';

/** Main-thread time a check spent, by phase (network waits are in downloadMs only). */
export interface CheckTiming {
  downloadMs: number;
  /** Signature, size, SHA-256, UTF-8 and JSON decoding, schema and version checks. */
  verifyMs: number;
  /** Of verifyMs, for the dataset file: size and SHA-256, UTF-8 and JSON decoding, validateDataset. */
  verifyParts?: { hashMs: number; decodeMs: number; rulesMs: number };
  /** Older copies out, the new one into IndexedDB, the pointer write and the in-memory switch (absent when nothing was swapped). */
  swapMs?: number;
}

export interface LastCheck {
  at: number;
  outcome: CheckOutcome;
  /** Set when outcome is 'failed'. */
  reason?: FailureReason;
  /** Set when outcome is 'failed': the sentence to show. */
  message?: string;
  /** The dataset version the feed offered, when a signed manifest was read. */
  offeredVersion?: string;
  timing?: CheckTiming;
}

/** The answer to `update:status` and `update:check`. */
export interface UpdateStatus {
  /** False in builds without a feed URL and public key: the bundled dataset is all there is. */
  enabled: boolean;
  /** Version of the dataset in use. */
  version: string;
  source: 'bundled' | 'update';
  /** When the update in use was installed (ms since epoch); null for the bundled dataset. */
  installedAt: number | null;
  /** The manifest URL of the feed the dataset in use came from; null for the bundled dataset. */
  feedUrl: string | null;
  lastCheck: LastCheck | null;
}

export function failure(reason: FailureReason, message: string): UpdateFailure {
  return { reason, message };
}
