/**
 * Shared set-up for the update tests: the test key pair, datasets derived from the bundled one,
 * signed feeds, and a stubbed `fetch` that serves a feed from memory and records every request.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import bundled from '@/src/dataset/generated/dataset.json';
import type { Dataset } from '@/src/dataset/schema';
import { utf8 } from '@/src/update/bytes';
import { datasetDb } from '@/src/update/dataset-db';
import { generateSigningKey, readSigningKey, signFeed, type PublishedFeed, type SigningKey } from '@/src/update/feed-sign';

export const KEYS_DIR = resolve(import.meta.dirname, '../keys');
export const TEST_PUBLIC_KEY = readFileSync(resolve(KEYS_DIR, 'test-feed-public.txt'), 'utf8').trim();
export const BUNDLED_VERSION = bundled.version;
export const FEED_DIR = 'https://feed.example/v1/';
export const MANIFEST_URL = `${FEED_DIR}manifest.json`;

export function testKey(): Promise<SigningKey> {
  return readSigningKey(readFileSync(resolve(KEYS_DIR, 'test-feed-private.pem'), 'utf8'));
}

export async function otherKey(): Promise<SigningKey> {
  return readSigningKey((await generateSigningKey()).privateKeyPem);
}

/** The bundled dataset with a new version and, optionally, edits. As text, as a feed serves it. */
export function datasetText(version: string, edit?: (dataset: Dataset) => void): string {
  const dataset = structuredClone(bundled) as Dataset;
  dataset.version = version;
  edit?.(dataset);
  return `${JSON.stringify(dataset, null, 2)}\n`;
}

export interface FeedFiles {
  feed: PublishedFeed;
  /** The dataset file as served. */
  datasetBytes: Uint8Array<ArrayBuffer>;
}

export async function publish(
  text: string,
  options: { key?: SigningKey; version?: string; published?: Date; minExtensionVersion?: string } = {},
): Promise<FeedFiles> {
  const datasetBytes = utf8(text);
  const version = options.version ?? (JSON.parse(text) as { version: string }).version;
  const feed = await signFeed({
    datasetBytes,
    datasetVersion: version,
    minExtensionVersion: options.minExtensionVersion ?? '0.1.0',
    key: options.key ?? (await testKey()),
    published: options.published,
  });
  return { feed, datasetBytes };
}

export type Route = (request: { url: string; init: RequestInit }) => Response | Promise<Response>;

export interface StubbedFeed {
  /** Every request the code under test made, in order. */
  requests: Array<{ url: string; init: RequestInit }>;
  routes: Map<string, Route>;
  /** Serves a published feed: manifest.json (with an ETag) and its dataset file. */
  serve(files: FeedFiles, dir?: string): void;
}

/** Replaces global fetch; unknown URLs answer 404. Undo with vi.unstubAllGlobals(). */
export function stubFeed(): StubbedFeed {
  const requests: StubbedFeed['requests'] = [];
  const routes = new Map<string, Route>();
  vi.stubGlobal('fetch', async (input: string | URL, init: RequestInit = {}) => {
    const url = String(input);
    requests.push({ url, init });
    if (init.signal?.aborted) throw new DOMException('aborted', 'AbortError');
    const route = routes.get(url);
    return route ? route({ url, init }) : new Response('not found', { status: 404 });
  });
  return {
    requests,
    routes,
    serve({ feed, datasetBytes }, dir = FEED_DIR) {
      const etag = `"${feed.manifest.sha256.slice(0, 12)}-${feed.manifest.published}"`;
      routes.set(`${dir}manifest.json`, ({ init }) =>
        new Headers(init.headers).get('if-none-match') === etag
          ? new Response(null, { status: 304, headers: { etag } })
          : new Response(feed.envelopeText, { headers: { etag, 'content-type': 'application/json' } }),
      );
      routes.set(dir + feed.manifest.file, () => new Response(datasetBytes.slice(), { headers: { 'content-type': 'application/json' } }));
    },
  };
}

/** A fetch answer that never comes, until the request is aborted (timeouts). */
export function never({ init }: { init: RequestInit }): Promise<Response> {
  return new Promise((_resolve, reject) => {
    init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
  });
}

/** A streamed body of `bytes` spaces with no Content-Length. */
export function streamedBody(bytes: number): Response {
  let left = bytes;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (left <= 0) return controller.close();
      const size = Math.min(left, 64 * 1024);
      left -= size;
      controller.enqueue(new Uint8Array(size).fill(0x20));
    },
  });
  return new Response(stream, { headers: { 'content-type': 'application/json' } });
}

export function flipByte(bytes: Uint8Array<ArrayBuffer>, index: number): Uint8Array<ArrayBuffer> {
  const copy = bytes.slice();
  copy[index] = copy[index]! ^ 0x01;
  return copy;
}

/**
 * A clean extension for each test of the updater: empty storage and IndexedDB, a fresh stubbed
 * feed (handed to `use`), refusal warnings silenced (the tests read the recorded status instead).
 */
export function freshUpdaterPerTest(use: (feed: StubbedFeed) => void): void {
  beforeEach(async () => {
    fakeBrowser.reset();
    await datasetDb.clear();
    use(stubFeed());
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });
}
