/**
 * `npm run release`: the store zips and the signed feed folder for the same dataset version. The
 * release is made from a configuration file like feed.config.json (a fresh key pair, a feed on
 * 127.0.0.1 through --test-feed, as the real key and host are not here), its feed folder is put
 * on that feed, and the Chrome zip, unpacked, is loaded into Chromium: the build checks the
 * configured feed at install, takes the folder as signed and up to date, and keeps the daily alarm.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXTENSION_DIR, launchWithExtension, type ExtensionSession } from '../../scripts/lib/chromium';
import { startFeedServer, type FeedServer } from '../../scripts/lib/feed-server';
import bundled from '../../src/dataset/generated/dataset.json';
import { generateSigningKey } from '../../src/update/feed-sign';
import type { UpdateStatus } from '../../src/update/status';
import { UPDATE_ALARM } from '../../src/update/updater';

const ROOT = resolve(import.meta.dirname, '../..');
const TSX = resolve(ROOT, 'node_modules/.bin/tsx');
const TEST_PRIVATE_KEY = resolve(ROOT, 'tests/keys/test-feed-private.pem');
const TEST_PUBLIC_KEY = readFileSync(resolve(ROOT, 'tests/keys/test-feed-public.txt'), 'utf8').trim();

let work: string;
let feed: FeedServer;
let key: { privateKeyPem: string; publicKey: string; keyId: string };
let configPath: string;
let keyPath: string;
let session: ExtensionSession | undefined;

function release(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(TSX, [resolve(ROOT, 'scripts/release.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: {
      ...process.env,
      EVLENS_FEED_URL: '',
      EVLENS_FEED_PUBLIC_KEY: '',
      EVLENS_FEED: '',
      EVLENS_FEED_PRIVATE_KEY: '',
      EVLENS_FEED_PRIVATE_KEY_FILE: '',
      ...env,
    },
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

function writeConfig(name: string, manifestUrl: string, publicKeys: string[]): string {
  const path = join(work, name);
  writeFileSync(path, JSON.stringify({ manifestUrl, publicKeys }));
  return path;
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'evlens-release-'));
  feed = await startFeedServer();
  key = await generateSigningKey();
  keyPath = join(work, 'release-private.pem');
  writeFileSync(keyPath, key.privateKeyPem, { mode: 0o600 });
  configPath = writeConfig('feed.config.json', feed.url('/v1/manifest.json'), [key.publicKey]);
}, 30_000);

afterAll(async () => {
  await session?.close();
  await feed?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('npm run release refuses', () => {
  it('to sign with the test key', () => {
    const trustsTestKey = writeConfig('test-key.json', feed.url('/v1/manifest.json'), [key.publicKey, TEST_PUBLIC_KEY]);
    const result = release(['--test-feed', '--out', join(work, 'no-1'), '--key', TEST_PRIVATE_KEY], { EVLENS_FEED_CONFIG: trustsTestKey });
    expect(result.status).toBe(1);
    expect(result.output).toMatch(/trusts the test key|test key from tests\/keys/);
    const signsWithTestKey = release(['--test-feed', '--out', join(work, 'no-2'), '--key', TEST_PRIVATE_KEY], { EVLENS_FEED_CONFIG: configPath });
    expect(signsWithTestKey.status).toBe(1);
    expect(signsWithTestKey.output).toMatch(/refusing to sign with the test key/);
  });

  it('a key the configuration does not trust, a plain-http feed, and environment overrides', async () => {
    const other = await generateSigningKey();
    const otherPath = join(work, 'other-private.pem');
    writeFileSync(otherPath, other.privateKeyPem);
    const untrusted = release(['--test-feed', '--out', join(work, 'no-3'), '--key', otherPath], { EVLENS_FEED_CONFIG: configPath });
    expect(untrusted.output).toMatch(/not among the keys/);
    const plain = release(['--out', join(work, 'no-4'), '--key', keyPath], { EVLENS_FEED_CONFIG: configPath });
    expect(plain.output).toMatch(/is not https/);
    const overridden = release(['--out', join(work, 'no-5'), '--key', keyPath], { EVLENS_FEED_URL: 'https://example.org/manifest.json' });
    expect(overridden.output).toMatch(/unset EVLENS_FEED_URL/);
    expect([untrusted.status, plain.status, overridden.status]).toEqual([1, 1, 1]);
  });
});

describe('npm run release', () => {
  let out: string;
  let control: Page;

  it('writes the store zips and the signed feed folder for the bundled dataset version', () => {
    out = join(work, 'release');
    const result = release(['--test-feed', '--out', out, '--key', keyPath], { EVLENS_FEED_CONFIG: configPath });
    expect(result.status, result.output).toBe(0);
    expect(readdirSync(out).filter((name) => name.endsWith('.zip')).sort()).toEqual([
      'evidence-lens-0.1.0-chrome.zip',
      'evidence-lens-0.1.0-firefox.zip',
      'evidence-lens-0.1.0-sources.zip',
    ]);
    expect(readdirSync(join(out, 'feed')).sort()).toEqual([`dataset-${bundled.version}.json`, 'manifest.json']);
    const envelope = JSON.parse(readFileSync(join(out, 'feed/manifest.json'), 'utf8')) as { signed: string; keyId: string };
    expect(envelope.keyId).toBe(key.keyId);
    expect(JSON.parse(Buffer.from(envelope.signed, 'base64').toString('utf8'))).toMatchObject({ datasetVersion: bundled.version });
    // The sources zip is what AMO rebuilds from: it has the configuration, never a private key.
    const sources = spawnSync('unzip', ['-Z1', join(out, 'evidence-lens-0.1.0-sources.zip')], { encoding: 'utf8' }).stdout.split('\n');
    expect(sources).toContain('feed.config.json');
    expect(sources.filter((name) => /private|feed-keys|release-output/.test(name) && !name.startsWith('tests/'))).toEqual([]);
  }, 120_000);

  it('the Chrome zip, loaded into Chromium, checks the configured feed and takes its folder as up to date', async () => {
    for (const name of readdirSync(join(out, 'feed'))) feed.put(`/v1/${name}`, readFileSync(join(out, 'feed', name)));
    const unpacked = join(work, 'chrome-unpacked');
    expect(spawnSync('unzip', ['-q', join(out, 'evidence-lens-0.1.0-chrome.zip'), '-d', unpacked]).status).toBe(0);
    const manifest = JSON.parse(readFileSync(join(unpacked, 'manifest.json'), 'utf8')) as { permissions: string[]; host_permissions: string[] };
    expect(manifest.permissions).toContain('alarms');
    expect(manifest.host_permissions).toContain('http://127.0.0.1/*');

    session = await launchWithExtension({ headless: true, extensionDir: unpacked });
    control = await session.context.newPage();
    await control.goto(`chrome-extension://${session.extensionId}/manifest.json`);
    const status = await waitForStatus(control, (s) => s.lastCheck !== null);
    expect(status).toMatchObject({ enabled: true, version: bundled.version, source: 'bundled', lastCheck: { outcome: 'up-to-date', offeredVersion: bundled.version } });
    expect(feed.requests.map((r) => r.path)).toContain('/v1/manifest.json');
    const alarm = await session.serviceWorker.evaluate(
      (name) => (globalThis as unknown as { chrome: { alarms: { get(n: string): Promise<{ periodInMinutes?: number } | undefined> } } }).chrome.alarms.get(name),
      UPDATE_ALARM,
    );
    expect(alarm?.periodInMinutes).toBe(24 * 60);
  });
});

describe('a build with no feed (EVLENS_FEED=off: the shared test build)', () => {
  it('has no alarms permission, and its popup says automatic updates are not set up', async () => {
    const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as { permissions: string[] };
    expect(manifest.permissions).not.toContain('alarms');
    await session?.close();
    session = await launchWithExtension({ headless: true });
    const popup = await session.context.newPage();
    await popup.goto(`chrome-extension://${session.extensionId}/popup.html`);
    await expect.poll(() => popup.locator('.dataset').textContent()).toContain('Automatic updates are not set up in this build.');
  });
});

async function waitForStatus(page: Page, until: (status: UpdateStatus) => boolean): Promise<UpdateStatus> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const status = await page.evaluate(
      () => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<UpdateStatus> } } }).chrome.runtime.sendMessage({ type: 'update:status' }),
    );
    if (until(status) || Date.now() > deadline) return status;
    await new Promise((done) => setTimeout(done, 100));
  }
}
