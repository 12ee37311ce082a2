// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_TIMEOUT_MS,
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
