/**
 * Build-time update settings. wxt.config.ts reads them from the environment with
 * `readFeedSettings` and bakes the result into the background bundle (Vite `define`); the
 * worker reads it back with `builtInFeedSettings`. No feed URL and key: updates are off.
 */
import { decodeBase64 } from './bytes';

export interface FeedSettings {
  /** Absolute URL of the signed manifest (https, or http on a loopback address for tests). */
  manifestUrl: string;
  /** Raw 32-byte Ed25519 public keys, base64. Two during a key rotation, else one. */
  publicKeys: string[];
  /** Per-request limit, headers and body together. */
  timeoutMs: number;
}

export const DEFAULT_TIMEOUT_MS = 10_000;

/** The environment variables, by name, so docs, config and tests agree. */
export const FEED_ENV = {
  url: 'EVLENS_FEED_URL',
  publicKey: 'EVLENS_FEED_PUBLIC_KEY',
  timeoutMs: 'EVLENS_FEED_TIMEOUT_MS',
} as const;

/**
 * Reads the settings from an environment. Returns null when neither the URL nor the key is set
 * (updates off); throws on a half or wrong configuration, so a broken build never ships.
 */
export function readFeedSettings(
  env: Readonly<Record<string, string | undefined>>,
  /** Keys whose private half is public (tests/keys): allowed only with a loopback feed. */
  testOnlyKeys: readonly string[] = [],
): FeedSettings | null {
  const url = env[FEED_ENV.url]?.trim() ?? '';
  const keys = (env[FEED_ENV.publicKey] ?? '')
    .split(/[\s,]+/)
    .map((key) => key.trim())
    .filter(Boolean);
  if (!url && keys.length === 0) return null;
  if (!url || keys.length === 0) {
    throw new Error(`Set both ${FEED_ENV.url} and ${FEED_ENV.publicKey} to switch dataset updates on, or neither.`);
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`${FEED_ENV.url} is not an absolute URL: ${url}`);
  }
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname);
  if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && loopback)) {
    throw new Error(`${FEED_ENV.url} must use https (plain http is allowed on 127.0.0.1 for tests only).`);
  }
  if (parsed.search || parsed.hash || parsed.username || parsed.password) {
    throw new Error(`${FEED_ENV.url} must have no query string, fragment or credentials.`);
  }
  for (const key of keys) {
    if (decodeBase64(key)?.length !== 32) {
      throw new Error(`${FEED_ENV.publicKey} must be base64 of a raw 32-byte Ed25519 key (npm run dataset:keygen prints it).`);
    }
  }
  if (!loopback && keys.some((key) => testOnlyKeys.includes(key))) {
    throw new Error(`${FEED_ENV.publicKey} holds the test-only key from tests/keys; a real feed needs its own key.`);
  }
  const timeoutText = env[FEED_ENV.timeoutMs]?.trim();
  const timeoutMs = timeoutText ? Number(timeoutText) : DEFAULT_TIMEOUT_MS;
  if (!Number.isInteger(timeoutMs) || timeoutMs < 100 || timeoutMs > 60_000) {
    throw new Error(`${FEED_ENV.timeoutMs} must be a whole number of milliseconds between 100 and 60000.`);
  }
  return { manifestUrl: parsed.href, publicKeys: keys, timeoutMs };
}

/** The host permission the feed needs: its host, any port (match patterns cannot name a port in Firefox). */
export function feedHostPermission(settings: FeedSettings): string {
  const url = new URL(settings.manifestUrl);
  return `${url.protocol}//${url.hostname}/*`;
}

declare const __EVLENS_FEED_SETTINGS__: FeedSettings | null | undefined;

/** What this build was configured with; null in builds without a feed (and in unit tests). */
export function builtInFeedSettings(): FeedSettings | null {
  return typeof __EVLENS_FEED_SETTINGS__ === 'undefined' ? null : __EVLENS_FEED_SETTINGS__;
}

/** The name the build defines; wxt.config.ts uses it. */
export const FEED_SETTINGS_DEFINE = '__EVLENS_FEED_SETTINGS__';
