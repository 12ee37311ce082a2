/**
 * Build-time update settings. The official feed (URL and trusted public keys) is committed in
 * `feed.config.json`; wxt.config.ts resolves the settings with `resolveFeedSettings` (the
 * environment overrides the file, for tests and forks; EVLENS_FEED=off builds without a feed)
 * and bakes the result into the background bundle (Vite `define`); the worker reads it back
 * with `builtInFeedSettings`. No feed: updates are off.
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
  /** `off`: build without any feed, whatever the configuration file says. */
  off: 'EVLENS_FEED',
  /** Another configuration file than the committed one (the release test uses it). */
  config: 'EVLENS_FEED_CONFIG',
} as const;

/** The committed configuration of official builds, relative to the project root. */
export const FEED_CONFIG_FILE = 'feed.config.json';

export type FeedSettingsOrigin = 'environment' | 'config' | 'off' | 'none';

/**
 * Where a build's feed comes from, in order: EVLENS_FEED=off (none); EVLENS_FEED_URL and
 * EVLENS_FEED_PUBLIC_KEY (tests, forks); the configuration file's text (official builds);
 * nothing (no file: updates off). The same rules as the environment apply to the file.
 */
export function resolveFeedSettings(
  env: Readonly<Record<string, string | undefined>>,
  configText: string | null,
  testOnlyKeys: readonly string[] = [],
): { settings: FeedSettings | null; origin: FeedSettingsOrigin } {
  if (env[FEED_ENV.off]?.trim().toLowerCase() === 'off') return { settings: null, origin: 'off' };
  if (env[FEED_ENV.url]?.trim() || env[FEED_ENV.publicKey]?.trim()) {
    return { settings: readFeedSettings(env, testOnlyKeys), origin: 'environment' };
  }
  if (configText === null) return { settings: null, origin: 'none' };
  const config = parseFeedConfig(configText);
  const settings = readFeedSettings(
    { [FEED_ENV.url]: config.manifestUrl, [FEED_ENV.publicKey]: config.publicKeys.join(','), [FEED_ENV.timeoutMs]: env[FEED_ENV.timeoutMs] },
    testOnlyKeys,
  );
  return { settings, origin: 'config' };
}

export interface FeedConfig {
  manifestUrl: string;
  publicKeys: string[];
}

/** Reads the configuration file's JSON; throws with a message naming the field. */
export function parseFeedConfig(text: string): FeedConfig {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${FEED_CONFIG_FILE} is not JSON (${(error as Error).message}).`);
  }
  const value = (typeof json === 'object' && json !== null && !Array.isArray(json) ? json : {}) as Record<string, unknown>;
  const known = new Set(['$comment', 'manifestUrl', 'publicKeys']);
  const unknown = Object.keys(value).filter((key) => !known.has(key));
  if (unknown.length > 0) throw new Error(`${FEED_CONFIG_FILE} has unknown field(s): ${unknown.join(', ')}.`);
  if (typeof value.manifestUrl !== 'string' || !value.manifestUrl.trim()) {
    throw new Error(`${FEED_CONFIG_FILE}: "manifestUrl" must be the https URL of the feed's manifest.json.`);
  }
  const keys = value.publicKeys;
  if (!Array.isArray(keys) || keys.length === 0 || keys.length > 2 || !keys.every((key) => typeof key === 'string' && key.trim())) {
    throw new Error(`${FEED_CONFIG_FILE}: "publicKeys" must list one public key (two during a rotation), base64 as dataset:keygen prints it.`);
  }
  return { manifestUrl: value.manifestUrl.trim(), publicKeys: keys.map((key: string) => key.trim()) };
}

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
