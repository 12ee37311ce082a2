// @vitest-environment node
/** `npm run dataset:keygen` and `npm run dataset:publish`, run as scripts; their output goes through the updater. */
import 'fake-indexeddb/auto';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readSigningKey } from '@/src/update/feed-sign';
import { startDatasetUpdates } from '@/src/update/updater';
import { loadTestDataset } from '../helpers/dataset';
import { BUNDLED_VERSION, FEED_DIR, KEYS_DIR, MANIFEST_URL, TEST_PUBLIC_KEY, datasetText, stubFeed } from './update-fixtures';

const ROOT = resolve(import.meta.dirname, '../..');
const TSX = resolve(ROOT, 'node_modules/.bin/tsx');
const TEST_KEY_FILE = join(KEYS_DIR, 'test-feed-private.pem');
let work: string;

function run(script: string, args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(TSX, [resolve(ROOT, 'scripts', script), ...args], {
    cwd: work,
    encoding: 'utf8',
    env: { ...process.env, EVLENS_FEED_PUBLIC_KEY: '', EVLENS_FEED_PRIVATE_KEY: '', EVLENS_FEED_PRIVATE_KEY_FILE: '', ...env },
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

function writeDataset(name: string, text: string): string {
  const path = join(work, name);
  writeFileSync(path, text);
  return path;
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'evlens-publish-'));
});

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('dataset:publish', () => {
  it('builds a feed folder that the updater accepts', async () => {
    const version = `${BUNDLED_VERSION}.7`;
    const dataset = writeDataset('next.json', datasetText(version));
    const { status, output } = run('dataset-publish.ts', ['--dataset', dataset, '--out', 'feed', '--key', TEST_KEY_FILE], {
      EVLENS_FEED_PUBLIC_KEY: TEST_PUBLIC_KEY,
    });
    expect(output).toContain('Upload the dataset file first');
    expect(status).toBe(0);
    expect(readdirSync(join(work, 'feed')).sort()).toEqual([`dataset-${version}.json`, 'manifest.json']);
    // Served compact: the same dataset, without the source's indentation.
    const served = readFileSync(join(work, 'feed', `dataset-${version}.json`), 'utf8');
    expect(JSON.parse(served)).toEqual(JSON.parse(readFileSync(dataset, 'utf8')));
    expect(served).not.toContain('\n');

    fakeBrowser.reset();
    const feed = stubFeed();
    for (const file of readdirSync(join(work, 'feed'))) {
      const bytes = readFileSync(join(work, 'feed', file));
      feed.routes.set(FEED_DIR + file, () => new Response(bytes));
    }
    const updater = startDatasetUpdates({
      bundled: loadTestDataset(),
      settings: { manifestUrl: MANIFEST_URL, publicKeys: [TEST_PUBLIC_KEY], timeoutMs: 1000 },
      extensionVersion: () => '0.1.0',
    });
    expect(await updater.checkNow()).toMatchObject({ version, source: 'update', lastCheck: { outcome: 'updated' } });
  });

  it('refuses to publish a version that is not newer than the one the folder offers', () => {
    const dataset = writeDataset('same.json', datasetText(`${BUNDLED_VERSION}.7`));
    const { status, output } = run('dataset-publish.ts', ['--dataset', dataset, '--out', 'feed', '--key', TEST_KEY_FILE]);
    expect(status).toBe(1);
    expect(output).toMatch(/already offers .* not newer/);
  });

  it('takes the key from EVLENS_FEED_PRIVATE_KEY, and refuses one the build would not trust', () => {
    const dataset = writeDataset('env.json', datasetText(`${BUNDLED_VERSION}.8`));
    const pem = readFileSync(TEST_KEY_FILE, 'utf8');
    const other = 'AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=';
    const refused = run('dataset-publish.ts', ['--dataset', dataset, '--out', 'env-feed'], { EVLENS_FEED_PRIVATE_KEY: pem, EVLENS_FEED_PUBLIC_KEY: other });
    expect(refused.status).toBe(1);
    expect(refused.output).toMatch(/not among EVLENS_FEED_PUBLIC_KEY/);
    const accepted = run('dataset-publish.ts', ['--dataset', dataset, '--out', 'env-feed'], { EVLENS_FEED_PRIVATE_KEY: pem });
    expect(accepted.status).toBe(0);
  });

  it('refuses a dataset that fails the schema, and a run without a key', () => {
    const invalid = writeDataset('invalid.json', datasetText(`${BUNDLED_VERSION}.9`, (d) => (d.entries[0]!.name = '<b>x</b>')));
    const bad = run('dataset-publish.ts', ['--dataset', invalid, '--out', 'bad', '--key', TEST_KEY_FILE]);
    expect(bad.status).toBe(1);
    expect(bad.output).toMatch(/breaks the dataset rules:[\s\S]*\[schema\]/);
    const valid = writeDataset('valid.json', datasetText(`${BUNDLED_VERSION}.9`));
    const keyless = run('dataset-publish.ts', ['--dataset', valid, '--out', 'bad']);
    expect(keyless.status).toBe(1);
    expect(keyless.output).toMatch(/no signing key/);
  });
});

describe('dataset:publish holds the dataset to the build rules', () => {
  it('refuses to sign a regex claim pattern, a bidi override and a duplicate id', () => {
    const hostile = writeDataset(
      'hostile.json',
      datasetText(`${BUNDLED_VERSION}.9`, (d) => {
        d.claims[0]!.patterns = ['magnesium (a+)+$ cures'];
        d.entries[0]!.name = `${d.entries[0]!.name} \u202E`;
        d.entries.push({ ...structuredClone(d.entries[1]!), id: d.entries[0]!.id });
      }),
    );
    const result = run('dataset-publish.ts', ['--dataset', hostile, '--out', 'hostile', '--key', TEST_KEY_FILE]);
    expect(result.status).toBe(1);
    expect(result.output).toMatch(/\[claim-pattern\]/);
    expect(result.output).toMatch(/\[duplicate-id\]/);
    expect(result.output).toMatch(/\[markup\].*U\+202E/);
  });

  it('refuses to sign a version dated far in the future (9999.12.31)', () => {
    const future = writeDataset('future.json', datasetText('9999.12.31'));
    const result = run('dataset-publish.ts', ['--dataset', future, '--out', 'future', '--key', TEST_KEY_FILE]);
    expect(result.status).toBe(1);
    expect(result.output).toMatch(/9999\.12\.31 is dated too far in the future/);
  });
});

describe('dataset:keygen', () => {
  it('writes a PEM private key (mode 600) and the public key the build setting takes, and never overwrites', async () => {
    const first = run('dataset-keygen.ts', ['--out', 'keys', '--name', 'prod']);
    expect(first.status).toBe(0);
    const pem = readFileSync(join(work, 'keys/prod-private.pem'), 'utf8');
    const publicKey = readFileSync(join(work, 'keys/prod-public.txt'), 'utf8').trim();
    expect(pem).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    expect(statSync(join(work, 'keys/prod-private.pem')).mode & 0o777).toBe(0o600);
    expect((await readSigningKey(pem)).publicKey).toBe(publicKey);
    expect(first.output).toContain(`EVLENS_FEED_PUBLIC_KEY=${publicKey}`);
    const again = run('dataset-keygen.ts', ['--out', 'keys', '--name', 'prod']);
    expect(again.status).toBe(1);
    expect(readFileSync(join(work, 'keys/prod-private.pem'), 'utf8')).toBe(pem);
  });
});
