// @vitest-environment node
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_TIMEOUT_MS,
  FEED_CONFIG_FILE,
  resolveFeedSettings,
  builtInFeedSettings,
  feedHostPermission,
  readFeedSettings,
} from '@/src/update/feed-settings';
import { TEST_PUBLIC_KEY } from './update-fixtures';

const KEY = 'rikfoceaGrAcNdLhC49tVlfVtEOLGOBe0Zq/Ko11F7o=';
const OTHER = 'AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=';
const URL_ = 'https://updates.evidence-lens.org/v1/manifest.json';

describe('build-time feed settings', () => {
  it('switches updates off when neither the URL nor the key is set', () => {
    expect(readFeedSettings({})).toBeNull();
    expect(readFeedSettings({ EVLENS_FEED_URL: ' ', EVLENS_FEED_PUBLIC_KEY: '' })).toBeNull();
  });

  it('times out after 10 s by default (the production setting)', () => {
    expect(DEFAULT_TIMEOUT_MS).toBe(10_000);
    expect(readFeedSettings({ EVLENS_FEED_URL: URL_, EVLENS_FEED_PUBLIC_KEY: OTHER })).toEqual({
      manifestUrl: URL_,
      publicKeys: [OTHER],
      timeoutMs: 10_000,
    });
  });

  it('takes a shorter timeout for test builds, within bounds', () => {
    const env = { EVLENS_FEED_URL: 'http://127.0.0.1:4100/feed/manifest.json', EVLENS_FEED_PUBLIC_KEY: KEY };
    expect(readFeedSettings({ ...env, EVLENS_FEED_TIMEOUT_MS: '1500' })?.timeoutMs).toBe(1500);
    expect(() => readFeedSettings({ ...env, EVLENS_FEED_TIMEOUT_MS: '10s' })).toThrow(/EVLENS_FEED_TIMEOUT_MS/);
    expect(() => readFeedSettings({ ...env, EVLENS_FEED_TIMEOUT_MS: '5' })).toThrow(/EVLENS_FEED_TIMEOUT_MS/);
  });

  it('trusts two keys during a rotation', () => {
    const settings = readFeedSettings({ EVLENS_FEED_URL: URL_, EVLENS_FEED_PUBLIC_KEY: `${OTHER}, ${KEY}` });
    expect(settings?.publicKeys).toEqual([OTHER, KEY]);
  });

  it('refuses half a configuration, so a build never ships updates it cannot verify', () => {
    expect(() => readFeedSettings({ EVLENS_FEED_URL: URL_ })).toThrow(/both/);
    expect(() => readFeedSettings({ EVLENS_FEED_PUBLIC_KEY: KEY })).toThrow(/both/);
  });

  it('refuses plain http except on loopback, and URLs that carry a query, fragment or credentials', () => {
    const key = { EVLENS_FEED_PUBLIC_KEY: OTHER };
    expect(() => readFeedSettings({ ...key, EVLENS_FEED_URL: 'http://updates.example/manifest.json' })).toThrow(/https/);
    expect(readFeedSettings({ ...key, EVLENS_FEED_URL: 'http://127.0.0.1:9/manifest.json' })).not.toBeNull();
    expect(() => readFeedSettings({ ...key, EVLENS_FEED_URL: `${URL_}?id=1` })).toThrow(/query/);
    expect(() => readFeedSettings({ ...key, EVLENS_FEED_URL: `${URL_}#x` })).toThrow(/fragment/);
    expect(() => readFeedSettings({ ...key, EVLENS_FEED_URL: 'https://a:b@updates.example/m.json' })).toThrow(/credentials/);
    expect(() => readFeedSettings({ ...key, EVLENS_FEED_URL: 'manifest.json' })).toThrow(/absolute/);
  });

  it('refuses a key that is not 32 bytes of base64', () => {
    expect(() => readFeedSettings({ EVLENS_FEED_URL: URL_, EVLENS_FEED_PUBLIC_KEY: 'abc' })).toThrow(/32-byte/);
    expect(() => readFeedSettings({ EVLENS_FEED_URL: URL_, EVLENS_FEED_PUBLIC_KEY: btoa('x'.repeat(31)) })).toThrow(/32-byte/);
  });

  it('refuses the test-only key for any feed that is not on loopback', () => {
    const testOnly = [TEST_PUBLIC_KEY];
    expect(() => readFeedSettings({ EVLENS_FEED_URL: URL_, EVLENS_FEED_PUBLIC_KEY: TEST_PUBLIC_KEY }, testOnly)).toThrow(/test-only/);
    const local = { EVLENS_FEED_URL: 'http://127.0.0.1:4100/manifest.json', EVLENS_FEED_PUBLIC_KEY: TEST_PUBLIC_KEY };
    expect(readFeedSettings(local, testOnly)).not.toBeNull();
  });

  it('asks host permission for the feed host only', () => {
    const settings = readFeedSettings({ EVLENS_FEED_URL: URL_, EVLENS_FEED_PUBLIC_KEY: OTHER })!;
    expect(feedHostPermission(settings)).toBe('https://updates.evidence-lens.org/*');
  });

  it('has no feed outside a configured build', () => {
    expect(builtInFeedSettings()).toBeNull();
  });
});

describe('the committed feed configuration (feed.config.json)', () => {
  const config = readFileSync(resolve(import.meta.dirname, '../..', FEED_CONFIG_FILE), 'utf8');

  it('gives every build from a fresh clone the official https feed and a key of its own', () => {
    const { settings, origin } = resolveFeedSettings({}, config, [TEST_PUBLIC_KEY]);
    expect(origin).toBe('config');
    expect(new URL(settings!.manifestUrl).protocol).toBe('https:');
    expect(settings!.publicKeys.length).toBeGreaterThanOrEqual(1);
    expect(settings!.publicKeys).not.toContain(TEST_PUBLIC_KEY);
    expect(Object.keys(JSON.parse(config) as object).sort()).toEqual(['$comment', 'manifestUrl', 'publicKeys']);
  });

  it('is overridden by the environment (tests, forks), and EVLENS_FEED=off builds without a feed', () => {
    const env = { EVLENS_FEED_URL: 'http://127.0.0.1:4100/feed/manifest.json', EVLENS_FEED_PUBLIC_KEY: KEY };
    expect(resolveFeedSettings(env, config)).toMatchObject({ origin: 'environment', settings: { manifestUrl: env.EVLENS_FEED_URL } });
    expect(resolveFeedSettings({ EVLENS_FEED: 'off' }, config)).toEqual({ settings: null, origin: 'off' });
    expect(resolveFeedSettings({}, null)).toEqual({ settings: null, origin: 'none' });
  });

  it('holds the file to the rules of the environment, with a message naming the field', () => {
    expect(() => resolveFeedSettings({}, '{')).toThrow(/not JSON/);
    expect(() => resolveFeedSettings({}, JSON.stringify({ manifestUrl: URL_ }))).toThrow(/"publicKeys"/);
    expect(() => resolveFeedSettings({}, JSON.stringify({ publicKeys: [KEY] }))).toThrow(/"manifestUrl"/);
    expect(() => resolveFeedSettings({}, JSON.stringify({ manifestUrl: URL_, publicKeys: [KEY], privateKey: 'x' }))).toThrow(/unknown field/);
    expect(() => resolveFeedSettings({}, JSON.stringify({ manifestUrl: 'http://example.org/m.json', publicKeys: [KEY] }))).toThrow(/https/);
    expect(() => resolveFeedSettings({}, JSON.stringify({ manifestUrl: URL_, publicKeys: [TEST_PUBLIC_KEY] }), [TEST_PUBLIC_KEY])).toThrow(/test-only key/);
  });
});
