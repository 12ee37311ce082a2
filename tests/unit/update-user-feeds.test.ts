// @vitest-environment node
/**
 * Feeds a reader adds: every field checked with a message, every rule of the built-in feed held,
 * which feed wins when two offer datasets, and removal.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { datasetDb } from '@/src/update/dataset-db';
import type { FeedSettings } from '@/src/update/feed-settings';
import { MAX_USER_FEEDS, checkUserFeedInput, fingerprintOf, type UserFeed } from '@/src/update/user-feeds';
import { startDatasetUpdates } from '@/src/update/updater';
import { loadTestDataset } from '../helpers/dataset';
import { BUNDLED_VERSION, MANIFEST_URL, TEST_PUBLIC_KEY, datasetText, freshUpdaterPerTest, otherKey, publish, type StubbedFeed } from './update-fixtures';

const SETTINGS: FeedSettings = { manifestUrl: MANIFEST_URL, publicKeys: [TEST_PUBLIC_KEY], timeoutMs: 200 };
const CLINIC_DIR = 'https://clinic.example/evidence/';
const CLINIC_URL = `${CLINIC_DIR}manifest.json`;
const V1 = `${BUNDLED_VERSION}.1`;
const V2 = `${BUNDLED_VERSION}.2`;
const day = (n: number) => new Date(Date.UTC(2026, 10, n, 8));
const RULES = { existing: [] as UserFeed[], builtInUrl: MANIFEST_URL, allowLoopbackHttp: false };

let feed: StubbedFeed;

freshUpdaterPerTest((stubbed) => (feed = stubbed));

function start(settings: FeedSettings | null = SETTINGS) {
  return startDatasetUpdates({ bundled: loadTestDataset(), settings, extensionVersion: () => '0.1.0' });
}

describe('the fields of a feed a reader adds', () => {
  it('accepts an https manifest URL and a 32-byte base64 key, and shows the key as its fingerprint', async () => {
    expect(checkUserFeedInput(CLINIC_URL, TEST_PUBLIC_KEY, RULES)).toEqual([]);
    expect(await fingerprintOf(TEST_PUBLIC_KEY)).toMatch(/^[0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4}$/);
  });

  it.each([
    ['', TEST_PUBLIC_KEY, 'url', /Enter the address/],
    ['clinic.example/manifest.json', TEST_PUBLIC_KEY, 'url', /full web address/],
    ['http://clinic.example/manifest.json', TEST_PUBLIC_KEY, 'url', /https/],
    ['http://127.0.0.1:8080/manifest.json', TEST_PUBLIC_KEY, 'url', /https/],
    ['https://user:pw@clinic.example/manifest.json', TEST_PUBLIC_KEY, 'url', /user name or password/],
    ['https://clinic.example/manifest.json?id=1', TEST_PUBLIC_KEY, 'url', /query string/],
    [MANIFEST_URL, TEST_PUBLIC_KEY, 'url', /own feed/],
    [CLINIC_URL, '', 'publicKey', /Enter the feed’s public key/],
    [CLINIC_URL, 'not a key', 'publicKey', /not an Ed25519 public key/],
    [CLINIC_URL, 'AAAA', 'publicKey', /44 characters/],
  ])('refuses %j / %j with a message for the %s field', (url, key, field, message) => {
    const problems = checkUserFeedInput(url, key, RULES);
    expect(problems).toEqual([{ field, message: expect.stringMatching(message) }]);
  });

  it('refuses a feed already listed, and more than the maximum', () => {
    const listed: UserFeed = { url: CLINIC_URL, publicKey: TEST_PUBLIC_KEY, fingerprint: '', addedAt: 1 };
    expect(checkUserFeedInput(CLINIC_URL, TEST_PUBLIC_KEY, { ...RULES, existing: [listed] })[0]?.message).toMatch(/already in your list/);
    const full = Array.from({ length: MAX_USER_FEEDS }, (_, i) => ({ ...listed, url: `https://f${i}.example/m.json` }));
    expect(checkUserFeedInput(CLINIC_URL, TEST_PUBLIC_KEY, { ...RULES, existing: full })[0]?.message).toMatch(/up to 8 feeds/);
  });

  it('stores and fetches nothing when a field is wrong', async () => {
    const updater = start();
    const answer = await updater.addFeed('http://clinic.example/manifest.json', 'nope');
    expect(answer).toMatchObject({ ok: false, feeds: [] });
    expect(answer.ok ? [] : answer.problems.map((p) => p.field)).toEqual(['url', 'publicKey']);
    expect(feed.requests).toEqual([]);
    expect(await updater.feeds()).toEqual([]);
  });
});

describe('a reader’s feed', () => {
  it('is added, checked at once, shown with fingerprint, status and version, and removed', async () => {
    feed.serve(await publish(datasetText(BUNDLED_VERSION)));
    feed.serve(await publish(datasetText(V1), { published: day(23) }), CLINIC_DIR);
    const updater = start();
    const added = await updater.addFeed(CLINIC_URL, TEST_PUBLIC_KEY);
    expect(added).toMatchObject({
      ok: true,
      feeds: [{ url: CLINIC_URL, fingerprint: await fingerprintOf(TEST_PUBLIC_KEY), inUse: true, version: V1, lastCheck: { outcome: 'updated' } }],
    });
    expect(await updater.status()).toMatchObject({ version: V1, source: 'update', feedUrl: CLINIC_URL });

    // Removing the feed in use goes back to the bundled dataset (the built-in feed offers no newer one).
    expect(await updater.removeFeed(CLINIC_URL)).toEqual([]);
    expect(await updater.status()).toMatchObject({ version: BUNDLED_VERSION, source: 'bundled', feedUrl: null });
    expect(await datasetDb.generations()).toEqual([]);
  });

  it('is held to the built-in feed’s rules: a wrong key, and a downgrade, are refused with their reasons', async () => {
    feed.serve(await publish(datasetText(V2), { published: day(23) }));
    feed.serve(await publish(datasetText(V1), { key: await otherKey(), published: day(23) }), CLINIC_DIR);
    const updater = start();
    await updater.checkNow();
    let [clinic] = (await updater.addFeed(CLINIC_URL, TEST_PUBLIC_KEY)).feeds;
    expect(clinic?.lastCheck).toMatchObject({ outcome: 'failed', reason: 'untrusted-key' });
    feed.serve(await publish(datasetText(V1), { published: day(24) }), CLINIC_DIR);
    await updater.checkNow();
    [clinic] = await updater.feeds();
    expect(clinic?.lastCheck).toMatchObject({ outcome: 'failed', reason: 'downgrade' });
    expect(await updater.status()).toMatchObject({ version: V2, feedUrl: MANIFEST_URL });
  });

  it('works in a build with no built-in feed (updates show as on once a feed is added)', async () => {
    feed.serve(await publish(datasetText(V1), { published: day(23) }), CLINIC_DIR);
    const updater = start(null);
    expect((await updater.status()).enabled).toBe(false);
    await updater.addFeed(CLINIC_URL, TEST_PUBLIC_KEY);
    expect(await updater.status()).toMatchObject({ enabled: true, version: V1, feedUrl: CLINIC_URL });
  });
});

describe('which feed wins', () => {
  it('the highest valid version, from whichever feed offers it', async () => {
    feed.serve(await publish(datasetText(V1), { published: day(23) }));
    feed.serve(await publish(datasetText(V2), { published: day(23) }), CLINIC_DIR);
    const updater = start();
    await updater.addFeed(CLINIC_URL, TEST_PUBLIC_KEY);
    expect(await updater.status()).toMatchObject({ version: V2, feedUrl: CLINIC_URL });
    // The built-in feed moves past it: the built-in dataset wins again.
    feed.serve(await publish(`${datasetText(`${BUNDLED_VERSION}.3`)}`, { published: day(24) }));
    await updater.checkNow();
    expect(await updater.status()).toMatchObject({ version: `${BUNDLED_VERSION}.3`, feedUrl: MANIFEST_URL });
  });

  it('on a tie, the built-in feed', async () => {
    feed.serve(await publish(datasetText(V1), { published: day(23) }));
    feed.serve(await publish(datasetText(V1), { published: day(23) }), CLINIC_DIR);
    const updater = start();
    await updater.addFeed(CLINIC_URL, TEST_PUBLIC_KEY);
    expect(await updater.status()).toMatchObject({ version: V1, feedUrl: MANIFEST_URL });
    expect((await updater.feeds())[0]).toMatchObject({ inUse: false, lastCheck: { outcome: 'up-to-date' } });
  });
});
