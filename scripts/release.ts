/**
 * `npm run release [-- --out DIR --key FILE]`: everything one release uploads, from one dataset
 * version. Builds the Chrome and Firefox store zips (and the Firefox sources zip) with the
 * official feed from feed.config.json, then signs the feed folder for the dataset those zips
 * bundle: `<out>/feed/manifest.json` (the signed manifest: signature, key id and the dataset's
 * size and SHA-256) and `<out>/feed/dataset-<version>.json`. Upload the feed folder's files to
 * the folder of the configured manifest URL (docs/updates.md).
 *
 * The signing key comes from --key, EVLENS_FEED_PRIVATE_KEY (PEM text) or
 * EVLENS_FEED_PRIVATE_KEY_FILE. Refuses: the test key (tests/keys) in the configuration or as the
 * signing key; a signing key the configuration does not list; a non-https feed URL; any
 * EVLENS_FEED_* override in the environment (a release is built from the committed file only).
 * `--test-feed` (tests only) allows an http feed on 127.0.0.1.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { validateDataset } from '../src/dataset/check';
import { FEED_CONFIG_FILE, FEED_ENV, feedHostPermission, resolveFeedSettings } from '../src/update/feed-settings';
import { readSigningKey } from '../src/update/feed-sign';
import { GENERATED_FILE } from './dataset-io';

const ROOT = resolve(import.meta.dirname, '..');
const TEST_PUBLIC_KEY = readFileSync(resolve(ROOT, 'tests/keys/test-feed-public.txt'), 'utf8').trim();

const { values } = parseArgs({
  options: {
    out: { type: 'string', default: 'release-output' },
    key: { type: 'string' },
    'test-feed': { type: 'boolean', default: false },
  },
});

function fail(message: string): never {
  console.error(`release: ${message}`);
  process.exit(1);
}

function run(command: string, args: string[], env: Record<string, string | undefined>): void {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'], env });
  if (result.status !== 0) fail(`${[command, ...args].join(' ')} failed (exit ${result.status})`);
}

// 1. The official configuration, and nothing from the environment.
const overrides = [FEED_ENV.url, FEED_ENV.publicKey, FEED_ENV.off].filter((name) => process.env[name]);
if (overrides.length > 0) fail(`unset ${overrides.join(', ')}: a release uses the feed in its configuration file only.`);
const configPath = resolve(ROOT, process.env[FEED_ENV.config] ?? FEED_CONFIG_FILE);
if (!existsSync(configPath)) fail(`${configPath} is missing: a release needs the official feed's URL and public keys.`);
let settings;
try {
  settings = resolveFeedSettings({}, readFileSync(configPath, 'utf8'), [TEST_PUBLIC_KEY]).settings;
} catch (error) {
  fail((error as Error).message);
}
if (!settings) fail(`${configPath} configures no feed.`);
if (settings.publicKeys.includes(TEST_PUBLIC_KEY)) fail(`${configPath} trusts the test key from tests/keys; a release needs its own key.`);
if (new URL(settings.manifestUrl).protocol !== 'https:' && !values['test-feed']) {
  fail(`the feed URL ${settings.manifestUrl} is not https.`);
}

// 2. The signing key: never the test key, and one the configuration trusts.
const pem = values.key
  ? readFileSync(resolve(values.key), 'utf8')
  : (process.env.EVLENS_FEED_PRIVATE_KEY ??
    (process.env.EVLENS_FEED_PRIVATE_KEY_FILE ? readFileSync(resolve(process.env.EVLENS_FEED_PRIVATE_KEY_FILE), 'utf8') : undefined));
if (!pem) fail('no signing key: pass --key FILE, or set EVLENS_FEED_PRIVATE_KEY (PEM text) or EVLENS_FEED_PRIVATE_KEY_FILE.');
const key = await readSigningKey(pem).catch((error: unknown) => fail(`the signing key is unreadable (${(error as Error).message}).`));
if (key.publicKey === TEST_PUBLIC_KEY) fail('refusing to sign with the test key from tests/keys: its private half is public.');
if (!settings.publicKeys.includes(key.publicKey)) {
  fail(`the signing key (id ${key.keyId}) is not among the keys in ${configPath}: the release builds would refuse its feed.`);
}

// 3. The dataset the zips bundle; the feed offers the same version.
const dataset = validateDataset(JSON.parse(readFileSync(resolve(ROOT, GENERATED_FILE), 'utf8')));
if (!dataset.ok) fail(`${GENERATED_FILE} breaks the dataset rules: run npm run dataset:check.`);
const version = dataset.dataset.version;

const outDir = resolve(ROOT, values.out);
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
const buildEnv: Record<string, string | undefined> = {
  ...process.env,
  EVLENS_OUT_DIR: outDir,
  [FEED_ENV.config]: configPath,
  [FEED_ENV.timeoutMs]: undefined,
  EVLENS_FEED_PRIVATE_KEY: undefined,
};
const wxt = resolve(ROOT, 'node_modules/.bin/wxt');
run(wxt, ['zip'], buildEnv);
run(wxt, ['zip', '-b', 'firefox', '--mv3'], buildEnv);

// 4. The builds carry the feed: its host permission and the alarm for the daily check.
for (const target of ['chrome-mv3', 'firefox-mv3']) {
  const manifest = JSON.parse(readFileSync(join(outDir, target, 'manifest.json'), 'utf8')) as {
    permissions?: string[];
    host_permissions?: string[];
  };
  if (!manifest.permissions?.includes('alarms') || !manifest.host_permissions?.includes(feedHostPermission(settings))) {
    fail(`${target}/manifest.json lacks the feed's alarm or host permission.`);
  }
}

// 5. The feed folder, signed by dataset:publish (the same validation, self-check and date rules).
const secrets = mkdtempSync(join(tmpdir(), 'evlens-release-'));
try {
  const keyFile = join(secrets, 'key.pem');
  writeFileSync(keyFile, pem, { mode: 0o600 });
  run(resolve(ROOT, 'node_modules/.bin/tsx'), [resolve(ROOT, 'scripts/dataset-publish.ts'), '--out', join(outDir, 'feed'), '--key', keyFile, '--force'], {
    ...process.env,
    [FEED_ENV.publicKey]: settings.publicKeys.join(','),
    EVLENS_FEED_PRIVATE_KEY: undefined,
    EVLENS_FEED_PRIVATE_KEY_FILE: undefined,
  });
} finally {
  rmSync(secrets, { recursive: true, force: true });
}

const zips = readdirSync(outDir).filter((name) => name.endsWith('.zip'));
const feedFolder = new URL('.', settings.manifestUrl).href;
console.log(`\nrelease: dataset ${version}, signed with key ${key.keyId}, in ${outDir}/`);
for (const zip of zips) console.log(`  ${zip}`);
console.log(`  feed/manifest.json, feed/dataset-${version}.json`);
console.log(`Upload the store zips to the stores; upload feed/dataset-${version}.json, then feed/manifest.json, to ${feedFolder}`);
