// @vitest-environment node
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { decodeBase64, encodeBase64, utf8 } from '@/src/update/bytes';
import {
  FeedManifestSchema,
  compareExtensionVersions,
  parseFeedEnvelope,
  parseFeedManifest,
} from '@/src/update/feed-format';
import { signManifestBytes } from '@/src/update/feed-sign';
import { importTrustedKeys, sha256Hex, verifyEnvelope } from '@/src/update/verify';
import { TEST_PUBLIC_KEY, datasetText, otherKey, publish, testKey } from './update-fixtures';

describe('feed signatures (WebCrypto Ed25519)', () => {
  it('reads the PEM test key and derives the public key the builds trust', async () => {
    const key = await testKey();
    expect(key.publicKey).toBe(TEST_PUBLIC_KEY);
    expect(key.keyId).toMatch(/^[0-9a-f]{16}$/);
  });

  it('accepts a manifest signed with the trusted key, and reads it back unchanged', async () => {
    const { feed } = await publish(datasetText('2026.12.01'), { published: new Date('2026-12-01T08:00:00Z') });
    const verified = await verifyEnvelope(feed.envelope, await importTrustedKeys([TEST_PUBLIC_KEY]));
    expect(verified.ok).toBe(true);
    const manifest = parseFeedManifest(verified.ok ? verified.signedBytes : new Uint8Array());
    expect(manifest).toEqual({ ok: true, value: feed.manifest });
    expect(feed.manifest).toMatchObject({
      format: 'evidence-lens-dataset-feed',
      formatVersion: 1,
      datasetVersion: '2026.12.01',
      file: 'dataset-2026.12.01.json',
      minExtensionVersion: '0.1.0',
      published: '2026-12-01T08:00:00.000Z',
    });
  });

  it('rejects a flipped byte in the signed manifest (bad-signature)', async () => {
    const { feed } = await publish(datasetText('2026.12.01'));
    const bytes = decodeBase64(feed.envelope.signed)!;
    bytes[40] = bytes[40]! ^ 0x01;
    const tampered = { ...feed.envelope, signed: encodeBase64(bytes) };
    const verified = await verifyEnvelope(tampered, await importTrustedKeys([TEST_PUBLIC_KEY]));
    expect(verified.ok ? null : verified.failure.reason).toBe('bad-signature');
  });

  it('rejects a wrong signature (bad-signature)', async () => {
    const key = await testKey();
    const { feed } = await publish(datasetText('2026.12.01'));
    const other = await signManifestBytes(utf8('something else'), key);
    const verified = await verifyEnvelope({ ...feed.envelope, signature: other.signature }, await importTrustedKeys([TEST_PUBLIC_KEY]));
    expect(verified.ok ? null : verified.failure.reason).toBe('bad-signature');
  });

  it('rejects a signature from another key (untrusted-key), even when it claims the trusted key id', async () => {
    const trusted = await importTrustedKeys([TEST_PUBLIC_KEY]);
    const { feed } = await publish(datasetText('2026.12.01'), { key: await otherKey() });
    const plain = await verifyEnvelope(feed.envelope, trusted);
    expect(plain.ok ? null : plain.failure.reason).toBe('untrusted-key');
    const disguised = await verifyEnvelope({ ...feed.envelope, keyId: trusted[0]!.id }, trusted);
    expect(disguised.ok ? null : disguised.failure.reason).toBe('bad-signature');
  });

  it('accepts either key during a rotation', async () => {
    const next = await otherKey();
    const trusted = await importTrustedKeys([TEST_PUBLIC_KEY, next.publicKey]);
    const { feed } = await publish(datasetText('2026.12.01'), { key: next });
    expect((await verifyEnvelope(feed.envelope, trusted)).ok).toBe(true);
  });

  it('hashes with SHA-256', async () => {
    expect(await sha256Hex(utf8('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('feed format', () => {
  it('accepts only the three envelope fields, in base64', async () => {
    const { feed } = await publish(datasetText('2026.12.01'));
    expect(parseFeedEnvelope(feed.envelope).ok).toBe(true);
    expect(parseFeedEnvelope({ ...feed.envelope, extra: 1 }).ok).toBe(false);
    expect(parseFeedEnvelope({ ...feed.envelope, signed: '<html>' }).ok).toBe(false);
    expect(parseFeedEnvelope({ ...feed.envelope, keyId: 'key' }).ok).toBe(false);
  });

  it('takes the dataset file only as a bare file name, so it always comes from the feed folder', async () => {
    const { feed } = await publish(datasetText('2026.12.01'));
    const withFile = (file: string) => v.safeParse(FeedManifestSchema, { ...feed.manifest, file }).success;
    expect(withFile('dataset-2026.12.01.json')).toBe(true);
    for (const file of ['../dataset.json', 'sub/dataset.json', 'https://evil.example/d.json', '//evil.example/d.json', '.json', 'd.json?x=1']) {
      expect(withFile(file), file).toBe(false);
    }
  });

  it('orders extension versions numerically', () => {
    expect(compareExtensionVersions('0.10.0', '0.9.9')).toBeGreaterThan(0);
    expect(compareExtensionVersions('1.0', '1.0.0')).toBe(0);
    expect(compareExtensionVersions('0.1.0', '0.2')).toBeLessThan(0);
  });
});
