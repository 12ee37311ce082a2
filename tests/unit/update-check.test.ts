// @vitest-environment node
/**
 * The updater in the background worker, on WXT's fake browser with a stubbed fetch: what it
 * accepts, every way it refuses, and that a refusal loses nothing.
 */
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { largeDataset } from '../../scripts/lib/large-dataset';
import { decodeBase64, encodeBase64, utf8 } from '@/src/update/bytes';
import { datasetDb, type StoredDataset } from '@/src/update/dataset-db';
import { STORAGE_KEYS } from '@/src/update/dataset-store';
import { MAX_DATASET_BYTES } from '@/src/update/feed-format';
import { signManifestBytes } from '@/src/update/feed-sign';
import type { FeedSettings } from '@/src/update/feed-settings';
import { sha256Hex } from '@/src/update/verify';
import { CHECK_PERIOD_MINUTES, UPDATE_ALARM, startDatasetUpdates, type UpdaterOptions } from '@/src/update/updater';
import { loadTestDataset } from '../helpers/dataset';
import {
  BUNDLED_VERSION,
  FEED_DIR,
  MANIFEST_URL,
  TEST_PUBLIC_KEY,
  datasetText,
  flipByte,
  never,
  otherKey,
  publish,
  streamedBody,
  freshUpdaterPerTest,
  testKey,
  type FeedFiles,
  type StubbedFeed,
} from './update-fixtures';

const SETTINGS: FeedSettings = { manifestUrl: MANIFEST_URL, publicKeys: [TEST_PUBLIC_KEY], timeoutMs: 200 };
const V1 = `${BUNDLED_VERSION}.1`;
const V2 = `${BUNDLED_VERSION}.2`;
const day = (n: number) => new Date(Date.UTC(2026, 10, n, 8));

function start(options: Partial<UpdaterOptions> = {}) {
  const changes: Array<{ version: string; applied: boolean }> = [];
  const updater = startDatasetUpdates({
    bundled: loadTestDataset(),
    settings: SETTINGS,
    extensionVersion: () => '0.1.0',
    onDatasetChanged: (dataset, change) => changes.push({ version: dataset.version, ...change }),
    ...options,
  });
  return { updater, changes };
}

/** Storage without the check record, and the stored datasets: what must survive a refused update unchanged. */
async function storedDatasets(): Promise<Record<string, unknown>> {
  const all = await fakeBrowser.storage.local.get(null);
  delete all[STORAGE_KEYS.meta];
  const generations = await datasetDb.generations();
  if (generations.length > 0) all.datasets = Object.fromEntries(await Promise.all(generations.map(async (g) => [g, await datasetDb.get(g)])));
  return all;
}

let feed: StubbedFeed;

freshUpdaterPerTest((stubbed) => (feed = stubbed));

describe('applying an update', () => {
  it('swaps in a newer signed dataset: the dataset into IndexedDB, one small storage.local write, and says the dataset changed', async () => {
    const { updater, changes } = start();
    feed.serve(await publish(datasetText(V1, (d) => (d.entries[0]!.summary = 'Corrected summary.'))));
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');

    const status = await updater.checkNow();

    expect(status).toMatchObject({ enabled: true, version: V1, source: 'update', lastCheck: { outcome: 'updated', offeredVersion: V1 } });
    expect(status.installedAt).toEqual(expect.any(Number));
    expect(set).toHaveBeenCalledTimes(1);
    expect(Object.keys(set.mock.calls[0]![0]).sort()).toEqual([STORAGE_KEYS.active, STORAGE_KEYS.meta].sort());
    expect(await datasetDb.get(1)).toMatchObject({ version: V1, feed: MANIFEST_URL });
    expect(status.feedUrl).toBe(MANIFEST_URL);
    expect((await updater.dataset()).entries[0]!.summary).toBe('Corrected summary.');
    expect(changes).toEqual([{ version: V1, applied: true }]);
    expect(status.lastCheck?.timing).toMatchObject({ downloadMs: expect.any(Number), verifyMs: expect.any(Number), swapMs: expect.any(Number) });
  });

  it('uses the stored update after a worker restart, without telling the tabs again', async () => {
    feed.serve(await publish(datasetText(V1)));
    await start().updater.checkNow();
    const { updater, changes } = start();
    expect((await updater.dataset()).version).toBe(V1);
    expect(await updater.status()).toMatchObject({ version: V1, source: 'update', lastCheck: { outcome: 'updated' } });
    expect(changes).toEqual([{ version: V1, applied: false }]);
  });

  it('keeps the previous good dataset, removes older ones, and falls back to the previous one if the active one is damaged', async () => {
    const { updater } = start();
    feed.serve(await publish(datasetText(V1), { published: day(23) }));
    await updater.checkNow();
    feed.serve(await publish(datasetText(V2), { published: day(24) }));
    await updater.checkNow();
    let stored = await fakeBrowser.storage.local.get(null);
    expect(stored[STORAGE_KEYS.active]).toEqual({ generation: 2, version: V2, previous: 1, feed: MANIFEST_URL });
    expect(await datasetDb.get(1)).toMatchObject({ version: V1 });
    expect(await datasetDb.get(2)).toMatchObject({ version: V2 });

    feed.serve(await publish(datasetText(`${BUNDLED_VERSION}.3`), { published: day(25) }));
    await updater.checkNow();
    stored = await fakeBrowser.storage.local.get(null);
    expect(stored[STORAGE_KEYS.active]).toEqual({ generation: 3, version: `${BUNDLED_VERSION}.3`, previous: 2, feed: MANIFEST_URL });
    expect((await datasetDb.generations()).sort()).toEqual([2, 3]);

    const damaged = (await datasetDb.get(3))!;
    await datasetDb.put(3, { ...damaged, text: damaged.text.replace('"', "'") });
    const restarted = start().updater;
    expect(await restarted.status()).toMatchObject({ version: V2, source: 'update' });
    // The next update keeps the one in use as the previous good one, and drops the damaged one.
    feed.serve(await publish(datasetText(`${BUNDLED_VERSION}.4`), { published: day(26) }));
    await restarted.checkNow();
    stored = await fakeBrowser.storage.local.get(null);
    expect(stored[STORAGE_KEYS.active]).toEqual({ generation: 4, version: `${BUNDLED_VERSION}.4`, previous: 2, feed: MANIFEST_URL });
    expect((await datasetDb.generations()).sort()).toEqual([2, 4]);
  });

  it('three maximum-size updates in a row: never more than two stored copies, and storage.local only ever gets the pointer', async () => {
    // A store with room for two copies of the largest dataset accepted, and no more (the quota
    // that two copies plus a third exhausted in issue 15).
    const texts = [1, 2, 3].map((n) => largeDataset(`${BUNDLED_VERSION}.${n}`, MAX_DATASET_BYTES - 64 * 1024));
    const quota = 2 * MAX_DATASET_BYTES + 64 * 1024;
    const put = datasetDb.put.bind(datasetDb);
    let most = 0;
    vi.spyOn(datasetDb, 'put').mockImplementation(async (generation: number, record: StoredDataset) => {
      const held = await Promise.all((await datasetDb.generations()).map(async (g) => (await datasetDb.get(g))!.text.length));
      if (held.reduce((a, b) => a + b, 0) + record.text.length > quota) throw new Error('QuotaExceededError');
      most = Math.max(most, held.length + 1);
      return put(generation, record);
    });
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    const { updater } = start();
    for (const [index, text] of texts.entries()) {
      expect(utf8(text).length).toBeGreaterThan(MAX_DATASET_BYTES - 128 * 1024);
      feed.serve(await publish(text, { published: day(23 + index) }));
      expect((await updater.checkNow()).lastCheck).toMatchObject({ outcome: 'updated' });
    }
    expect((await updater.status()).version).toBe(`${BUNDLED_VERSION}.3`);
    expect(most).toBe(2);
    expect((await datasetDb.generations()).sort()).toEqual([2, 3]);
    // What every storage.onChanged listener receives per update: a few hundred bytes.
    for (const [items] of set.mock.calls) expect(JSON.stringify(items).length).toBeLessThan(2048);
  }, 30_000);



  it('never uses a stored dataset that is not newer than the bundled one (the floor)', async () => {
    const old = datasetText('2026.01.01');
    await fakeBrowser.storage.local.set({ [STORAGE_KEYS.active]: { generation: 1, version: '2026.01.01', previous: null } });
    // A complete, intact record: only its age keeps it out.
    await datasetDb.put(1, { version: '2026.01.01', sha256: await sha256Hex(utf8(old)), text: old, installedAt: 1, feed: MANIFEST_URL });
    const { updater } = start();
    expect(await updater.status()).toMatchObject({ version: BUNDLED_VERSION, source: 'bundled', installedAt: null });
  });

  it('answers up-to-date when the feed offers the version in use, then revalidates with If-None-Match', async () => {
    const { updater } = start();
    feed.serve(await publish(datasetText(BUNDLED_VERSION)));
    expect((await updater.checkNow()).lastCheck).toMatchObject({ outcome: 'up-to-date', offeredVersion: BUNDLED_VERSION });
    expect((await updater.checkNow()).lastCheck).toMatchObject({ outcome: 'up-to-date' });
    const [first, second] = feed.requests;
    expect(new Headers(first!.init.headers).get('if-none-match')).toBeNull();
    expect(new Headers(second!.init.headers).get('if-none-match')).toMatch(/^"/);
    // Nothing but the manifest was fetched: no dataset download for a version we have.
    expect(feed.requests.map((r) => r.url)).toEqual([MANIFEST_URL, MANIFEST_URL]);
    expect(await storedDatasets()).toEqual({});
  });

  it('does not let one manifest stamped in the future block every later one', async () => {
    const now = Date.UTC(2026, 10, 25);
    const { updater } = start({ now: () => now });
    feed.serve(await publish(datasetText(V1), { published: new Date(Date.UTC(2099, 0, 1)) }));
    await updater.checkNow();
    feed.serve(await publish(datasetText(V2), { published: new Date(now + 2 * 24 * 60 * 60 * 1000) }));
    expect((await updater.checkNow()).version).toBe(V2);
  });

  it('falls back to the bundled dataset when storage cannot be read', async () => {
    vi.spyOn(fakeBrowser.storage.local, 'get').mockRejectedValue(new Error('IO error'));
    const { updater } = start();
    expect((await updater.dataset()).version).toBe(BUNDLED_VERSION);
  });

  it('runs one check at a time', async () => {
    const { updater } = start();
    feed.serve(await publish(datasetText(V1)));
    const [a, b] = await Promise.all([updater.checkNow(), updater.checkNow()]);
    expect(a).toEqual(b);
    expect(feed.requests.filter((r) => r.url === MANIFEST_URL)).toHaveLength(1);
  });

  it('a worker stopped mid-download leaves the dataset in use and the stored datasets untouched', async () => {
    const { updater } = start();
    feed.serve(await publish(datasetText(V1), { published: day(23) }));
    await updater.checkNow();
    const before = await storedDatasets();
    const next = await publish(datasetText(V2), { published: day(24) });
    feed.serve(next);
    feed.routes.set(FEED_DIR + next.feed.manifest.file, never);
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');

    const interrupted = updater.checkNow();
    await vi.waitFor(() => expect(feed.requests.at(-1)?.url).toBe(FEED_DIR + next.feed.manifest.file));
    // The worker dies here: a new one starts from storage alone.
    expect(set).not.toHaveBeenCalled();
    const restarted = start().updater;
    expect((await restarted.dataset()).version).toBe(V1);
    expect(await storedDatasets()).toEqual(before);
    await interrupted;
  });
});

describe('triggers', () => {
  it('checks at install, at browser start and on the daily alarm, which it re-creates at start', async () => {
    feed.serve(await publish(datasetText(BUNDLED_VERSION)));
    start();
    const manifestRequests = () => feed.requests.filter((r) => r.url === MANIFEST_URL).length;

    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' } as never);
    await vi.waitFor(() => expect(manifestRequests()).toBe(1));
    const alarm = await fakeBrowser.alarms.get(UPDATE_ALARM);
    expect(alarm?.periodInMinutes).toBe(CHECK_PERIOD_MINUTES);
    expect(CHECK_PERIOD_MINUTES).toBe(24 * 60);

    await fakeBrowser.alarms.clearAll();
    await fakeBrowser.runtime.onStartup.trigger();
    await vi.waitFor(() => expect(manifestRequests()).toBe(2));
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.get(UPDATE_ALARM)).toBeDefined());

    await fakeBrowser.alarms.onAlarm.trigger({ name: UPDATE_ALARM, scheduledTime: Date.now(), periodInMinutes: CHECK_PERIOD_MINUTES, persistAcrossSessions: false });
    await vi.waitFor(() => expect(manifestRequests()).toBe(3));
  });

  it('creates the daily alarm at a worker start when it is missing', async () => {
    start();
    await vi.waitFor(async () => expect((await fakeBrowser.alarms.get(UPDATE_ALARM))?.periodInMinutes).toBe(CHECK_PERIOD_MINUTES));
    expect(feed.requests).toEqual([]);
  });

  it('makes no automatic check when the reader switched them off, but checks when asked', async () => {
    feed.serve(await publish(datasetText(V1)));
    const { updater } = start({ automaticChecks: async () => false });
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' } as never);
    await fakeBrowser.runtime.onStartup.trigger();
    await fakeBrowser.alarms.onAlarm.trigger({ name: UPDATE_ALARM, scheduledTime: Date.now(), periodInMinutes: CHECK_PERIOD_MINUTES, persistAcrossSessions: false });
    await new Promise((done) => setTimeout(done, 20));
    expect(feed.requests).toEqual([]);
    expect((await updater.checkNow()).version).toBe(V1);
  });

  it('with updates off, serves the bundled dataset, sends nothing and sets no alarm', async () => {
    const { updater } = start({ settings: null });
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' } as never);
    expect(await updater.checkNow()).toEqual({ enabled: false, version: BUNDLED_VERSION, source: 'bundled', installedAt: null, feedUrl: null, lastCheck: null });
    expect((await updater.dataset()).version).toBe(BUNDLED_VERSION);
    expect(feed.requests).toEqual([]);
    expect(await fakeBrowser.alarms.getAll()).toEqual([]);
  });
});

describe('refusing an update keeps what is in use and records why', () => {
  let v1: FeedFiles;

  beforeEach(async () => {
    v1 = await publish(datasetText(V1), { published: day(23) });
  });

  /** Each case arranges the feed after V1 (published day 23) is in use. */
  const cases: Array<{ name: string; reason: string; message?: RegExp; arrange: () => Promise<void> | void }> = [
    {
      name: 'a flipped byte in the dataset',
      reason: 'hash-mismatch',
      arrange: async () => {
        const next = await publish(datasetText(V2), { published: day(24) });
        feed.serve({ ...next, datasetBytes: flipByte(next.datasetBytes, 500) });
      },
    },
    {
      name: 'a flipped byte in the signed manifest',
      reason: 'bad-signature',
      arrange: async () => {
        const next = await publish(datasetText(V2), { published: day(24) });
        const signed = decodeBase64(next.feed.envelope.signed)!;
        const envelope = { ...next.feed.envelope, signed: encodeBase64(flipByte(signed, 60)) };
        feed.serve({ ...next, feed: { ...next.feed, envelopeText: JSON.stringify(envelope) } });
      },
    },
    {
      name: 'a wrong signature',
      reason: 'bad-signature',
      arrange: async () => {
        const next = await publish(datasetText(V2), { published: day(24) });
        const wrong = await signManifestBytes(utf8('{"another":"manifest"}'), await testKey());
        const envelope = { ...next.feed.envelope, signature: wrong.signature };
        feed.serve({ ...next, feed: { ...next.feed, envelopeText: JSON.stringify(envelope) } });
      },
    },
    {
      name: 'a signature from another key',
      reason: 'untrusted-key',
      arrange: async () => feed.serve(await publish(datasetText(V2), { published: day(24), key: await otherKey() })),
    },
    {
      name: 'a version downgrade (freshly signed, older dataset)',
      reason: 'downgrade',
      arrange: async () => feed.serve(await publish(datasetText('2026.11.20'), { published: day(25) })),
    },
    {
      name: 'a replay of an older signed manifest',
      reason: 'replay',
      arrange: async () => feed.serve(await publish(datasetText(BUNDLED_VERSION), { published: day(22) })),
    },
    {
      name: 'an oversize manifest body',
      reason: 'too-large',
      arrange: () => void feed.routes.set(MANIFEST_URL, () => streamedBody(2 * 1024 * 1024)),
    },
    {
      name: 'an oversize dataset (signed size over the cap)',
      reason: 'too-large',
      arrange: async () => {
        const next = await publish(datasetText(V2), { published: day(24) });
        const manifest = { ...next.feed.manifest, size: MAX_DATASET_BYTES + 1 };
        const envelope = await signManifestBytes(utf8(JSON.stringify(manifest)), await testKey());
        feed.serve({ ...next, feed: { ...next.feed, envelopeText: JSON.stringify(envelope) } });
      },
    },
    {
      name: 'a dataset longer than its signed size',
      reason: 'size-mismatch',
      arrange: async () => {
        const next = await publish(datasetText(V2), { published: day(24) });
        feed.serve({ ...next, datasetBytes: utf8(`${datasetText(V2)}    `) });
      },
    },
    {
      name: 'a schema-invalid dataset (markup in a summary), correctly signed',
      reason: 'invalid-dataset',
      arrange: async () =>
        feed.serve(await publish(datasetText(V2, (d) => (d.entries[0]!.summary = '<img src=x onerror=alert(1)>')), { published: day(24) })),
    },
    {
      name: 'a claim pattern written as a regular expression, correctly signed',
      reason: 'invalid-dataset',
      message: /claim-pattern.*\(a\+\)\+/,
      arrange: async () =>
        feed.serve(await publish(datasetText(V2, (d) => (d.claims[0]!.patterns = ['magnesium (a+)+$ cures'])), { published: day(24) })),
    },
    {
      name: 'a right-to-left override in an entry name, correctly signed',
      reason: 'invalid-dataset',
      message: /markup.*U\+202E/,
      arrange: async () =>
        feed.serve(await publish(datasetText(V2, (d) => (d.entries[0]!.name = `${d.entries[0]!.name} \u202E(gnorts) dednemmoceR`)), { published: day(24) })),
    },
    {
      name: 'a duplicate entry id (a second entry replacing the real one), correctly signed',
      reason: 'invalid-dataset',
      message: /duplicate-id/,
      arrange: async () =>
        feed.serve(
          await publish(
            datasetText(V2, (d) => d.entries.push({ ...structuredClone(d.entries[1]!), id: d.entries[0]!.id })),
            { published: day(24) },
          ),
        ),
    },
    {
      name: 'an entry with 50,000 aliases, correctly signed',
      reason: 'invalid-dataset',
      message: /size-cap.*50\d{3} aliases/,
      arrange: async () =>
        feed.serve(
          await publish(
            datasetText(V2, (d) => {
              const aliases = d.entries[0]!.aliases;
              for (let i = 0; aliases.length < 50_000; i++) aliases.push({ ...aliases[0]!, text: `filler${i}` });
            }),
            { published: day(24) },
          ),
        ),
    },
    {
      name: 'a dataset versioned 9999.12.31 (it would lock out every later real update), correctly signed',
      reason: 'bad-manifest',
      message: /9999\.12\.31.*too far in the future/,
      arrange: async () => feed.serve(await publish(datasetText('9999.12.31'), { published: day(24) })),
    },
    {
      name: 'a manifest published far in the future, correctly signed',
      reason: 'bad-manifest',
      message: /published 2099.*too far in the future/,
      arrange: async () => feed.serve(await publish(datasetText(V2), { published: new Date(Date.UTC(2099, 0, 1)) })),
    },
    {
      name: 'a dataset that is not JSON, correctly signed',
      reason: 'invalid-dataset',
      arrange: async () => feed.serve(await publish('<html>oops</html>', { version: V2, published: day(24) })),
    },
    {
      name: 'a dataset whose own version differs from the signed one',
      reason: 'version-mismatch',
      arrange: async () => feed.serve(await publish(datasetText(`${BUNDLED_VERSION}.3`), { version: V2, published: day(24) })),
    },
    {
      name: 'an HTML error page with status 200',
      reason: 'not-a-feed',
      arrange: () =>
        void feed.routes.set(MANIFEST_URL, () => new Response('<!doctype html><h1>Service unavailable</h1>', { headers: { 'content-type': 'text/html' } })),
    },
    {
      name: 'JSON that is not a signed manifest',
      reason: 'bad-envelope',
      arrange: () => void feed.routes.set(MANIFEST_URL, () => Response.json({ version: V2, url: 'dataset.json' })),
    },
    {
      name: 'a correctly signed but malformed manifest (dataset path outside the feed)',
      reason: 'bad-manifest',
      arrange: async () => {
        const next = await publish(datasetText(V2), { published: day(24) });
        const manifest = { ...next.feed.manifest, file: '../../elsewhere/dataset.json' };
        const envelope = await signManifestBytes(utf8(JSON.stringify(manifest)), await testKey());
        feed.serve({ ...next, feed: { ...next.feed, envelopeText: JSON.stringify(envelope) } });
      },
    },
    {
      name: 'status 500',
      reason: 'http-status',
      arrange: () => void feed.routes.set(MANIFEST_URL, () => new Response('Internal error', { status: 500 })),
    },
    {
      name: 'a timeout',
      reason: 'timeout',
      arrange: () => void feed.routes.set(MANIFEST_URL, never),
    },
    {
      name: 'a redirect to another origin',
      reason: 'redirect',
      arrange: () =>
        void feed.routes.set(MANIFEST_URL, () => new Response(null, { status: 302, headers: { location: 'https://evil.example/manifest.json' } })),
    },
    {
      name: 'an unreachable feed',
      reason: 'network',
      arrange: () => void feed.routes.set(MANIFEST_URL, () => Promise.reject(new TypeError('Failed to fetch'))),
    },
    {
      name: 'an update for a newer extension',
      reason: 'needs-newer-extension',
      arrange: async () => feed.serve(await publish(datasetText(V2), { published: day(24), minExtensionVersion: '0.2.0' })),
    },
    {
      name: 'storage refusing the write',
      reason: 'storage',
      arrange: async () => {
        feed.serve(await publish(datasetText(V2), { published: day(24) }));
        const set = fakeBrowser.storage.local.set.bind(fakeBrowser.storage.local);
        vi.spyOn(fakeBrowser.storage.local, 'set').mockImplementation(async (items: Record<string, unknown>) => {
          if (STORAGE_KEYS.active in items) throw new Error('QUOTA_BYTES quota exceeded');
          return set(items);
        });
      },
    },
  ];

  it.each(cases)('rejects $name ($reason)', async ({ reason, message, arrange }) => {
    const { updater, changes } = start();
    feed.serve(v1);
    expect((await updater.checkNow()).version).toBe(V1);
    const before = await storedDatasets();
    feed.requests.length = 0;
    await arrange();

    const status = await updater.checkNow();

    expect(status.lastCheck).toMatchObject({ outcome: 'failed', reason, message: expect.stringMatching(/\w/) });
    if (message) expect(status.lastCheck?.message).toMatch(message);
    expect(status).toMatchObject({ version: V1, source: 'update' });
    expect((await updater.dataset()).version).toBe(V1);
    expect(await storedDatasets()).toEqual(before);
    expect(changes).toEqual([{ version: V1, applied: true }]);
    // Nothing left the feed's origin, redirects included.
    expect(feed.requests.every((r) => new URL(r.url).origin === new URL(MANIFEST_URL).origin)).toBe(true);
    // The record survives a worker restart, for the popup.
    vi.restoreAllMocks();
    expect((await start().updater.status()).lastCheck).toMatchObject({ outcome: 'failed', reason });
  });

  it('rejects every update when the browser cannot verify Ed25519 (unsupported-crypto)', async () => {
    feed.serve(v1);
    vi.spyOn(crypto.subtle, 'importKey').mockRejectedValue(new DOMException('Unrecognized algorithm name', 'NotSupportedError'));
    const status = await start().updater.checkNow();
    expect(status).toMatchObject({ version: BUNDLED_VERSION, source: 'bundled', lastCheck: { outcome: 'failed', reason: 'unsupported-crypto' } });
    expect(feed.requests).toEqual([]);
  });

  it('records an unexpected error in the checker itself (internal-error) and changes nothing', async () => {
    feed.serve(v1);
    const { updater } = start({
      extensionVersion: () => {
        throw new Error('no manifest');
      },
    });
    expect(await updater.checkNow()).toMatchObject({ version: BUNDLED_VERSION, lastCheck: { outcome: 'failed', reason: 'internal-error' } });
    expect(await storedDatasets()).toEqual({});
  });

  it('downloads no dataset for a manifest it refuses', async () => {
    const { updater } = start();
    feed.serve(await publish(datasetText(V2), { key: await otherKey() }));
    await updater.checkNow();
    expect(feed.requests.map((r) => r.url)).toEqual([MANIFEST_URL]);
  });
});
