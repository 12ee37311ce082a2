/**
 * Signed dataset updates in the built extension, in real Chromium, with a feed on 127.0.0.1:
 * a newer signed dataset reaches an open tab's tooltip without a reload; each kind of bad
 * update is refused with its own reason and loses nothing; a worker stopped mid-update leaves
 * a consistent dataset; and the extension talks to no origin but the feed's.
 *
 * This file builds its own extension (into .output-updates/) with the test key, this run's feed
 * URL and a 1.5 s timeout, so it never touches the shared .output/ build.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CDPSession, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildExtension } from '../../scripts/lib/build';
import { launchWithExtension, waitForReport, type ExtensionSession } from '../../scripts/lib/chromium';
import { publishSignedDataset, startFeedServer, type FeedServer } from '../../scripts/lib/feed-server';
import { startStaticServer, type StaticServer } from '../../scripts/lib/static-server';
import bundled from '../../src/dataset/generated/dataset.json';
import type { Dataset } from '../../src/dataset/schema';
import { utf8 } from '../../src/update/bytes';
import { STORAGE_KEYS, type ActivePointer, type StoredDataset } from '../../src/update/dataset-store';
import { generateSigningKey, readSigningKey, signFeed, type PublishedFeed, type SigningKey } from '../../src/update/feed-sign';
import type { UpdateStatus } from '../../src/update/status';
import { UPDATE_ALARM } from '../../src/update/updater';
import { FIXTURES_DIR } from './fixtures';

const ROOT = resolve(import.meta.dirname, '../..');
const OUT_DIR = '.output-updates';
const KEYS_DIR = resolve(ROOT, 'tests/keys');
const TEST_TIMEOUT_MS = 1500;
const MANIFEST_PATH = '/feed/manifest.json';
const TOOLTIP = 'evlens-ui [role="tooltip"]';
const BUNDLED = bundled.version;
const V1 = `${BUNDLED}.1`;
const V2 = `${BUNDLED}.2`;
const CORRECTED_NAME = 'Ropinirole (corrected)';

let feed: FeedServer;
/** Another origin: the target of the hostile redirect. It must never be contacted. */
let elsewhere: FeedServer;
let pages: StaticServer;
let session: ExtensionSession;
/** An extension page, to message the background as the popup does. */
let control: Page;
let key: SigningKey;
/** The manifest the feed served at install: replayed later. */
let installFeed: PublishedFeed;
const requests: Request[] = [];

beforeAll(async () => {
  [feed, elsewhere, pages] = await Promise.all([startFeedServer(), startFeedServer(), startStaticServer(FIXTURES_DIR)]);
  key = await readSigningKey(readFileSync(resolve(KEYS_DIR, 'test-feed-private.pem'), 'utf8'));
  installFeed = await publishToFeed(datasetText(BUNDLED), { published: hour(0) });
  buildWithFeed();
  session = await launchWithExtension({ headless: true, extensionDir: resolve(ROOT, OUT_DIR, 'chrome-mv3') });
  session.context.on('request', (request) => requests.push(request));
  // A cookie for the feed's host: the extension must not send it.
  await session.context.addCookies([{ name: 'reader', value: 'id-1234', url: feed.origin }]);
  control = await session.context.newPage();
  // Any extension page can message the background; this one has no UI or listeners of its own.
  await control.goto(`chrome-extension://${session.extensionId}/manifest.json`);
}, 60_000);

afterAll(async () => {
  await session?.close();
  await Promise.all([feed?.close(), elsewhere?.close(), pages?.close()]);
});

describe('checking the feed', () => {
  it('checked at install, and keeps a daily alarm', async () => {
    const status = await waitForStatus((s) => s.lastCheck !== null);
    expect(status).toMatchObject({ enabled: true, version: BUNDLED, source: 'bundled', lastCheck: { outcome: 'up-to-date' } });
    const alarm = await session.serviceWorker.evaluate(
      (name) => (globalThis as unknown as AlarmGlobals).chrome.alarms.get(name),
      UPDATE_ALARM,
    );
    expect(alarm?.periodInMinutes).toBe(24 * 60);
  });

  it('applies a newer signed dataset, and an open tab shows the new text without a reload', async () => {
    const page = await session.context.newPage();
    const url = pages.url('demo-blog.html');
    await page.goto(url);
    await waitForReport(session, url);
    await expect(tooltipText(page, 'ropinirole')).resolves.not.toContain(CORRECTED_NAME);

    await publishToFeed(
      datasetText(V1, (dataset) => {
        const entry = dataset.entries.find((e) => e.id === 'ropinirole')!;
        entry.name = CORRECTED_NAME;
      }),
      { published: hour(1) },
    );
    // Every extension page's storage.onChanged listener: what it is sent during the update.
    await control.evaluate(() => {
      const seen: number[] = [];
      (globalThis as unknown as { seenChanges: number[] }).seenChanges = seen;
      (globalThis as unknown as StorageGlobals).chrome.storage.onChanged.addListener((changes, area) => {
        // An open tab's page report (storage.session) may land at any moment: not the update's.
        const fromUpdate = Object.entries(changes).filter(([key]) => !(area === 'session' && key.startsWith('report:')));
        if (fromUpdate.length > 0) seen.push(JSON.stringify(Object.fromEntries(fromUpdate)).length);
      });
    });
    const status = await send('update:check');
    expect(status).toMatchObject({ version: V1, source: 'update', feedUrl: feed.url(MANIFEST_PATH), lastCheck: { outcome: 'updated', offeredVersion: V1 } });
    // The dataset went to IndexedDB; the listeners got the small pointer and check record only.
    const seen = await control.evaluate(() => (globalThis as unknown as { seenChanges: number[] }).seenChanges);
    expect(seen.length).toBeGreaterThan(0);
    expect(Math.max(...seen)).toBeLessThan(2048);
    expect(Object.values(await control.evaluate(readDatasetDb))).toMatchObject([{ version: V1, feed: feed.url(MANIFEST_PATH) }]);
    await expect(send('dataset:get')).resolves.toMatchObject({ dataset: { version: V1 } });

    // The same document, re-annotated from the new dataset.
    await waitForReport(session, url, { until: (report) => report.datasetVersion === V1 });
    await expect(tooltipText(page, 'ropinirole')).resolves.toContain(CORRECTED_NAME);
    await page.close();
  });

  it('revalidates with If-None-Match and takes 304 as up to date', async () => {
    const since = Date.now();
    const status = await send('update:check');
    expect(status).toMatchObject({ version: V1, lastCheck: { outcome: 'up-to-date' } });
    const request = await feed.waitForRequest(MANIFEST_PATH, { since });
    expect(request.headers['if-none-match']).toMatch(/^"/);
  });
});

describe('refusing bad updates: each keeps V1 and its storage, and says why', () => {
  const cases: Array<{ name: string; reason: string; arrange: () => Promise<void> | void }> = [
    {
      name: 'a flipped byte in the dataset',
      reason: 'hash-mismatch',
      arrange: async () => {
        const published = await publishToFeed(datasetText(V2), { published: hour(2) });
        const bytes = Buffer.from(utf8(datasetText(V2)));
        bytes[600] = bytes[600]! ^ 0x01;
        feed.put(`/feed/${published.manifest.file}`, bytes);
      },
    },
    {
      name: 'a flipped byte in the signed manifest',
      reason: 'bad-signature',
      arrange: async () => {
        const published = await publishToFeed(datasetText(V2), { published: hour(2) });
        const signed = Buffer.from(published.envelope.signed, 'base64');
        signed[50] = signed[50]! ^ 0x01;
        feed.put(MANIFEST_PATH, JSON.stringify({ ...published.envelope, signed: signed.toString('base64') }));
      },
    },
    {
      name: 'a wrong signature',
      reason: 'bad-signature',
      arrange: async () => {
        const published = await publishToFeed(datasetText(V2), { published: hour(2) });
        const other = await signFeed({ datasetBytes: utf8('{}'), datasetVersion: V2, minExtensionVersion: '0.1.0', key });
        feed.put(MANIFEST_PATH, JSON.stringify({ ...published.envelope, signature: other.envelope.signature }));
      },
    },
    {
      name: 'a signature from another key',
      reason: 'untrusted-key',
      arrange: async () => {
        const other = await readSigningKey((await generateSigningKey()).privateKeyPem);
        await publishToFeed(datasetText(V2), { published: hour(2), key: other });
      },
    },
    {
      name: 'a version downgrade',
      reason: 'downgrade',
      arrange: async () => void (await publishToFeed(datasetText('2026.11.20'), { published: hour(3) })),
    },
    {
      name: 'a replay of an older signed manifest',
      reason: 'replay',
      arrange: () => feed.put(MANIFEST_PATH, installFeed.envelopeText),
    },
    {
      name: 'an oversize body',
      reason: 'too-large',
      arrange: () => feed.respond(MANIFEST_PATH, { kind: 'stream', bytes: 4 * 1024 * 1024 }),
    },
    {
      name: 'a schema-invalid dataset',
      reason: 'invalid-dataset',
      arrange: async () =>
        void (await publishToFeed(
          datasetText(V2, (dataset) => (dataset.entries[0]!.summary = '<img src=x onerror="alert(1)">')),
          { published: hour(2) },
        )),
    },
    {
      name: 'an HTML error page with status 200',
      reason: 'not-a-feed',
      arrange: () =>
        feed.respond(MANIFEST_PATH, { kind: 'status', status: 200, body: '<!doctype html><title>Oops</title><p>Maintenance</p>' }),
    },
    {
      name: 'status 500',
      reason: 'http-status',
      arrange: () => feed.respond(MANIFEST_PATH, { kind: 'status', status: 500, body: 'Internal Server Error' }),
    },
    {
      name: 'a timeout',
      reason: 'timeout',
      arrange: () => feed.respond(MANIFEST_PATH, { kind: 'hang' }),
    },
    {
      name: 'a redirect to another origin',
      reason: 'redirect',
      arrange: async () => {
        const published = await publishToFeed(datasetText(V2), { published: hour(2) });
        elsewhere.put(MANIFEST_PATH, published.envelopeText);
        feed.respond(MANIFEST_PATH, { kind: 'redirect', location: elsewhere.url(MANIFEST_PATH) });
      },
    },
  ];

  it.each(cases)('refuses $name ($reason)', async ({ reason, arrange }) => {
    feed.reset();
    const before = await storedDatasets();
    expect(before[STORAGE_KEYS.active]).toMatchObject({ version: V1 });
    await arrange();

    const started = Date.now();
    const status = await send('update:check');

    expect(status).toMatchObject({ version: V1, source: 'update', lastCheck: { outcome: 'failed', reason } });
    expect(status.lastCheck?.message).toMatch(/\w/);
    if (reason === 'timeout') expect(Date.now() - started).toBeGreaterThanOrEqual(TEST_TIMEOUT_MS - 100);
    await expect(send('dataset:get')).resolves.toMatchObject({ dataset: { version: V1 } });
    expect(await storedDatasets()).toEqual(before);
    // The popup reads the same record.
    await expect(send('update:status')).resolves.toMatchObject({ lastCheck: { outcome: 'failed', reason } });
    feed.reset();
  });

  it('never contacted the redirect target', () => {
    expect(elsewhere.requests).toEqual([]);
  });

  it('shows the popup the dataset in use and why the last check failed', async () => {
    const popup = await session.context.newPage();
    await popup.goto(`chrome-extension://${session.extensionId}/popup.html`);
    await expect(popup.locator('[data-dataset-version]').getAttribute('data-dataset-version')).resolves.toBe(V1);
    // Which feed it came from, and when.
    await expect(popup.locator('[data-dataset-version]').textContent()).resolves.toContain(`updated from ${new URL(feed.origin).host}`);
    await expect(popup.locator('[data-dataset-version]').getAttribute('title')).resolves.toContain(`Updated from ${feed.url(MANIFEST_PATH)} at `);
    const line = popup.locator('.update-status[data-outcome="failed"]');
    await expect(line.textContent()).resolves.toContain('Redirects are refused');
    await popup.close();
  });
});

describe('a worker stopped in the middle of an update', () => {
  it('leaves the dataset in use complete and consistent, and the next check finishes the update', async () => {
    feed.reset();
    const before = await storedDatasets();
    const published = await publishToFeed(datasetText(V2), { published: hour(4) });
    const datasetPath = `/feed/${published.manifest.file}`;
    feed.respond(datasetPath, { kind: 'stall', afterBytes: 4096 });

    const since = Date.now();
    // Fire and forget: the worker will die before it can answer.
    await control.evaluate(() => {
      void (globalThis as unknown as MessageGlobals).chrome.runtime.sendMessage({ type: 'update:check' }).catch(() => undefined);
    });
    await feed.waitForRequest(datasetPath, { since });
    await stopServiceWorker(control, session.extensionId);

    // A new worker starts from storage alone.
    const status = await send('update:status');
    expect(status).toMatchObject({ version: V1, source: 'update' });
    expect(status.lastCheck?.outcome).not.toBe('updated');
    await expect(send('dataset:get')).resolves.toMatchObject({ dataset: { version: V1 } });
    const after = await storedDatasets();
    expect(after).toEqual(before);
    const pointer = after[STORAGE_KEYS.active] as ActivePointer;
    const record = (after.datasets as Record<string, StoredDataset>)[pointer.generation]!;
    expect(record.version).toBe(V1);
    expect(createHash('sha256').update(record.text).digest('hex')).toBe(record.sha256);

    feed.reset();
    feed.release();
    await expect(send('update:check')).resolves.toMatchObject({ version: V2, source: 'update', lastCheck: { outcome: 'updated' } });
  });
});

describe('privacy', () => {
  it('made requests only to the feed origin during the session, with no cookie, referrer or query string', async () => {
    const extensionOrigin = `chrome-extension://${session.extensionId}`;
    const byWorker = requests.filter((r) => r.serviceWorker() !== null);
    expect(byWorker.length).toBeGreaterThan(10);
    // DevTools lists the refused redirect's target as a request of its own, aborted before it was
    // sent (redirect: 'manual'); the other origin's own server log is the proof nothing reached it.
    const offFeed = byWorker.filter((r) => new URL(r.url()).origin !== feed.origin);
    for (const request of offFeed) {
      expect(request.redirectedFrom()?.url()).toBe(feed.url(MANIFEST_PATH));
      expect(request.failure()?.errorText).toBe('net::ERR_ABORTED');
      await expect(request.response()).resolves.toBeNull();
    }
    expect(elsewhere.requests).toEqual([]);
    // Pages load their own files; our content script and extension pages load only our files.
    const fromPages = requests.filter(
      (r) => r.serviceWorker() === null && !r.url().startsWith(extensionOrigin) && !r.url().startsWith(pages.origin) && !r.url().startsWith('data:'),
    );
    expect(fromPages.map((r) => r.url())).toEqual([]);
    expect(feed.requests.length).toBeGreaterThan(10);
    for (const request of feed.requests) {
      expect(request.method).toBe('GET');
      expect(request.search).toBe('');
      expect(request.headers.cookie).toBeUndefined();
      expect(request.headers.referer).toBeUndefined();
      expect(request.headers.authorization).toBeUndefined();
    }
    expect(elsewhere.requests).toEqual([]);
  });
});

describe('a feed the reader adds on the options page', () => {
  // After the privacy test: this feed is a second origin the extension is asked to contact.
  let clinic: FeedServer;
  afterAll(() => clinic?.close());

  it('refuses wrong fields with a message per field, adds a feed, shows its fingerprint, status and version, and removes it', async () => {
    clinic = await startFeedServer();
    const clinicKey = await generateSigningKey();
    const V3 = `${BUNDLED}.3`;
    await publishSignedDataset(clinic, datasetText(V3), { key: await readSigningKey(clinicKey.privateKeyPem), published: hour(5), manifestPath: MANIFEST_PATH });
    const clinicUrl = clinic.url(MANIFEST_PATH);

    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/options.html`);
    await options.locator('.feeds').waitFor();
    await expect(options.locator('.feeds .empty').textContent()).resolves.toBe('No extra feeds.');

    await options.fill('input[name="feed-url"]', 'ftp://clinic.example/manifest.json');
    await options.fill('input[name="feed-key"]', 'not-a-key');
    await options.click('.feed-form button[type="submit"]');
    await expect(options.locator('#feed-url-problem').textContent()).resolves.toContain('must start with https://');
    await expect(options.locator('#feed-key-problem').textContent()).resolves.toContain('not an Ed25519 public key');
    expect(clinic.requests).toEqual([]);

    await options.fill('input[name="feed-url"]', clinicUrl);
    await options.fill('input[name="feed-key"]', clinicKey.publicKey);
    await options.click('.feed-form button[type="submit"]');
    const item = options.locator(`.feed[data-feed-url="${clinicUrl}"]`);
    await item.waitFor();
    await expect(item.locator('.feed-fingerprint').textContent()).resolves.toBe(`Key fingerprint: ${clinicKey.keyId.match(/.{4}/g)!.join(' ')}`);
    await expect(item.locator('.feed-status').textContent()).resolves.toMatch(/^In use\. Updated just now\./);
    await expect(item.locator('.feed-version').textContent()).resolves.toBe(`Dataset: ${V3}`);
    await expect(send('update:status')).resolves.toMatchObject({ version: V3, source: 'update', feedUrl: clinicUrl });
    expect(clinic.requests.map((r) => `${r.method} ${r.path}${r.search}`)).toEqual([`GET ${MANIFEST_PATH}`, 'GET /feed/' + `dataset-${V3}.json`]);

    // Held when the page is opened again; then removed: back to the built-in feed's newest.
    await options.reload();
    await item.waitFor();
    await item.locator('button').click();
    await expect(options.locator('.feeds .empty').textContent()).resolves.toBe('No extra feeds.');
    const status = await send('update:status');
    expect(status).toMatchObject({ version: V2, feedUrl: feed.url(MANIFEST_PATH) });
    await options.close();
  });
});

// ---------------------------------------------------------------------------------------------

interface MessageGlobals {
  chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };
}
interface AlarmGlobals {
  chrome: { alarms: { get(name: string): Promise<{ periodInMinutes?: number } | undefined> } };
}
interface StorageGlobals {
  chrome: {
    storage: {
      local: { get(keys: null): Promise<Record<string, unknown>> };
      onChanged: { addListener(listener: (changes: Record<string, unknown>, area: string) => void): void };
    };
  };
}

/** Builds the extension for this run's feed: test key, loopback URL, short timeout. */
function buildWithFeed(): void {
  const settings = {
    EVLENS_OUT_DIR: OUT_DIR,
    EVLENS_FEED_URL: feed.url(MANIFEST_PATH),
    EVLENS_FEED_PUBLIC_KEY: readFileSync(resolve(KEYS_DIR, 'test-feed-public.txt'), 'utf8').trim(),
    EVLENS_FEED_TIMEOUT_MS: String(TEST_TIMEOUT_MS),
  };
  buildExtension([], settings);
}

function hour(n: number): Date {
  return new Date(Date.UTC(2026, 10, 22, 8 + n));
}

function datasetText(version: string, edit?: (dataset: Dataset) => void): string {
  const dataset = structuredClone(bundled) as Dataset;
  dataset.version = version;
  edit?.(dataset);
  return `${JSON.stringify(dataset, null, 2)}\n`;
}

/** Signs `text` and puts the manifest and the dataset file on the feed. */
async function publishToFeed(text: string, options: { published: Date; key?: SigningKey }): Promise<PublishedFeed> {
  return publishSignedDataset(feed, text, { key: options.key ?? key, published: options.published, manifestPath: MANIFEST_PATH });
}

function send(type: 'update:check' | 'update:status'): Promise<UpdateStatus>;
function send(type: 'dataset:get'): Promise<{ dataset: Dataset }>;
function send(type: string): Promise<unknown> {
  return control.evaluate((message) => (globalThis as unknown as MessageGlobals).chrome.runtime.sendMessage(message), { type });
}

async function waitForStatus(until: (status: UpdateStatus) => boolean, timeoutMs = 5000): Promise<UpdateStatus> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const status = await send('update:status');
    if (until(status) || Date.now() > deadline) return status;
    await new Promise((done) => setTimeout(done, 50));
  }
}

/**
 * Our keys in storage.local, less the check record, and the datasets in IndexedDB (read from an
 * extension page: same origin, same database): what a refused update must leave alone.
 */
async function storedDatasets(): Promise<Record<string, unknown>> {
  const all = await control.evaluate(() => (globalThis as unknown as StorageGlobals).chrome.storage.local.get(null));
  const pointers = Object.fromEntries(Object.entries(all).filter(([name]) => name.startsWith('datasetUpdate:') && name !== STORAGE_KEYS.meta));
  return { ...pointers, datasets: await control.evaluate(readDatasetDb) };
}

/** Runs in an extension page: every stored dataset by generation (never creates the database). */
async function readDatasetDb(): Promise<Record<number, unknown>> {
  if (!(await indexedDB.databases()).some((db) => db.name === 'evidence-lens-datasets')) return {};
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open('evidence-lens-datasets');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  try {
    const transaction = db.transaction('datasets', 'readonly');
    const store = transaction.objectStore('datasets');
    const [keys, values] = await Promise.all(
      [store.getAllKeys(), store.getAll()].map(
        (request) => new Promise<unknown[]>((resolve, reject) => ((request.onsuccess = () => resolve(request.result as unknown[])), (request.onerror = () => reject(request.error)))),
      ),
    );
    return Object.fromEntries(keys!.map((key, index) => [key as number, values![index]]));
  } finally {
    db.close();
  }
}

/** Opens the tooltip of an entry's first mention by keyboard focus and reads it. */
async function tooltipText(page: Page, entryId: string): Promise<string> {
  const tooltip = page.locator(TOOLTIP);
  await page.keyboard.press('Escape');
  await tooltip.waitFor({ state: 'detached' });
  const mention = page.locator(`evlens-mark[data-evlens-entry="${entryId}"]`).first();
  await mention.scrollIntoViewIfNeeded();
  await mention.focus();
  await tooltip.waitFor({ state: 'visible' });
  const text = (await tooltip.textContent()) ?? '';
  await page.keyboard.press('Escape');
  return text;
}

/** Stops the extension's service worker the way the browser does when it goes idle. */
async function stopServiceWorker(page: Page, extensionId: string): Promise<void> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const versions = new Map<string, { scriptURL: string; runningStatus: string }>();
  cdp.on('ServiceWorker.workerVersionUpdated', (event: { versions: Array<{ versionId: string; scriptURL: string; runningStatus: string }> }) => {
    for (const version of event.versions) versions.set(version.versionId, version);
  });
  await cdp.send('ServiceWorker.enable');
  const ours = () => [...versions].find(([, v]) => v.scriptURL.startsWith(`chrome-extension://${extensionId}/`));
  const deadline = Date.now() + 5000;
  while (!ours() && Date.now() < deadline) await new Promise((done) => setTimeout(done, 20));
  const [versionId] = ours() ?? [];
  if (versionId === undefined) throw new Error('The extension service worker was not found over CDP');
  await cdp.send('ServiceWorker.stopWorker', { versionId });
  while (versions.get(versionId)?.runningStatus !== 'stopped' && Date.now() < deadline) {
    await new Promise((done) => setTimeout(done, 20));
  }
  expect(versions.get(versionId)?.runningStatus).toBe('stopped');
  await cdp.detach();
}
