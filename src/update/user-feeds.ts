/**
 * Feeds a reader adds (like a filter-list subscription): a clinic's or a patient society's
 * signed dataset feed, by URL and Ed25519 public key. Each is held to every rule the built-in
 * feed follows (https only, the signature, validateDataset, the size caps, no downgrade, the
 * bundled floor: the same checkFeed), and the fields are checked here before anything is stored
 * or fetched. The list is a small item in storage.local; each feed's check record sits beside it.
 */
import { browser } from 'wxt/browser';
import { decodeBase64 } from './bytes';
import { keyIdOf } from './verify';

export interface UserFeed {
  /** Absolute https URL of the feed's manifest.json. */
  url: string;
  /** Raw 32-byte Ed25519 public key, base64. */
  publicKey: string;
  /** First 8 bytes of the key's SHA-256, hex, in groups of four (the envelope's keyId). */
  fingerprint: string;
  addedAt: number;
}

export const USER_FEEDS_KEY = 'datasetUpdate:userFeeds';
export const MAX_USER_FEEDS = 8;

export function userFeedMetaKey(url: string): string {
  return `datasetUpdate:feedMeta:${url}`;
}

export interface FeedFieldProblem {
  field: 'url' | 'publicKey';
  message: string;
}

export interface FeedInputRules {
  existing: readonly UserFeed[];
  builtInUrl: string | null;
  /** Plain http on 127.0.0.1 / localhost: only in test builds, whose own feed is there. */
  allowLoopbackHttp: boolean;
}

const LOOPBACK = ['127.0.0.1', 'localhost', '[::1]'];

/** Every problem with the two fields, each in a sentence for the options page. */
export function checkUserFeedInput(urlText: string, keyText: string, rules: FeedInputRules): FeedFieldProblem[] {
  const problems: FeedFieldProblem[] = [];
  const url = urlText.trim();
  let parsed: URL | null = null;
  if (!url) problems.push({ field: 'url', message: 'Enter the address of the feed’s manifest.json.' });
  else if (url.length > 2000) problems.push({ field: 'url', message: 'The address is too long.' });
  else {
    try {
      parsed = new URL(url);
    } catch {
      problems.push({ field: 'url', message: 'This is not a full web address (it should start with https://).' });
    }
  }
  if (parsed) {
    const loopback = LOOPBACK.includes(parsed.hostname);
    if (parsed.protocol !== 'https:' && !(rules.allowLoopbackHttp && loopback && parsed.protocol === 'http:')) {
      problems.push({ field: 'url', message: 'The address must start with https:// (feeds are only fetched over an encrypted connection).' });
    } else if (parsed.username || parsed.password) {
      problems.push({ field: 'url', message: 'The address must not contain a user name or password.' });
    } else if (parsed.search || parsed.hash) {
      problems.push({ field: 'url', message: 'The address must not have a query string (?…) or fragment (#…).' });
    } else if (parsed.href === rules.builtInUrl) {
      problems.push({ field: 'url', message: 'This is Evidence Lens’s own feed, which is always checked.' });
    } else if (rules.existing.some((feed) => feed.url === parsed!.href)) {
      problems.push({ field: 'url', message: 'This feed is already in your list.' });
    } else if (rules.existing.length >= MAX_USER_FEEDS) {
      problems.push({ field: 'url', message: `You can add up to ${MAX_USER_FEEDS} feeds; remove one first.` });
    }
  }
  const key = keyText.trim();
  if (!key) problems.push({ field: 'publicKey', message: 'Enter the feed’s public key (base64, as its publisher gives it).' });
  else if (decodeBase64(key)?.length !== 32) {
    problems.push({ field: 'publicKey', message: 'This is not an Ed25519 public key: it should be 44 characters of base64 (32 bytes).' });
  }
  return problems;
}

/** "8169 20d8 0c61 7c3d": the key's id, as the publisher's keygen prints it, in groups of four. */
export async function fingerprintOf(publicKey: string): Promise<string> {
  const raw = decodeBase64(publicKey.trim());
  if (!raw) throw new Error('not base64');
  return (await keyIdOf(raw)).match(/.{4}/g)!.join(' ');
}

export async function loadUserFeeds(): Promise<UserFeed[]> {
  const stored = (await browser.storage.local.get(USER_FEEDS_KEY))[USER_FEEDS_KEY];
  return Array.isArray(stored) ? (stored as UserFeed[]) : [];
}

export async function saveUserFeeds(feeds: readonly UserFeed[]): Promise<void> {
  await browser.storage.local.set({ [USER_FEEDS_KEY]: feeds });
}
