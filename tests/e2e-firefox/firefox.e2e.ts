/**
 * The Firefox tier: the Firefox MV3 build, installed as a temporary add-on in Debian's
 * firefox-esr over WebDriver BiDi (puppeteer-core, no separate driver). It shows the core
 * behaviours in that browser: mentions wrapped on a fixture page with its text unchanged, the
 * tooltip on hover and on keyboard focus (Escape closes), the popup's summary for the tab, the
 * options page saving a setting, and a signed update from a local feed applied while a tampered
 * one is refused.
 *
 * One build (into .output-firefox/) serves every test: the Firefox build with this run's
 * loopback feed and the test key, as tests/e2e/updates.e2e.ts does for Chromium. What cannot be
 * driven in Firefox is listed in docs/testing.md.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildExtension } from '../../scripts/lib/build';
import { publishSignedDataset, startFeedServer, type FeedServer } from '../../scripts/lib/feed-server';
import { launchFirefoxWithExtension, type FirefoxSession } from '../../scripts/lib/firefox';
import { startStaticServer, type StaticServer } from '../../scripts/lib/static-server';
import bundled from '../../src/dataset/generated/dataset.json';
import type { Dataset } from '../../src/dataset/schema';
import { waitForStoredReport } from '../../scripts/lib/stored-report';
import type { PageReport } from '../../src/engine/report';
import { utf8 } from '../../src/update/bytes';
import { generateSigningKey, readSigningKey, type PublishedFeed, type SigningKey } from '../../src/update/feed-sign';
import type { UpdateStatus } from '../../src/update/status';

const ROOT = resolve(import.meta.dirname, '../..');
const FIXTURES_DIR = resolve(ROOT, 'tests/fixtures');
const OUT_DIR = '.output-firefox';
const KEYS_DIR = resolve(ROOT, 'tests/keys');
const MANIFEST_PATH = '/feed/manifest.json';
/** The tooltip lives in the open shadow root of <evlens-ui>; `>>>` pierces it. */
const TOOLTIP = 'evlens-ui >>> [role="tooltip"]';
const BUNDLED = bundled.version;
const V1 = `${BUNDLED}.1`;
const V2 = `${BUNDLED}.2`;
const CORRECTED_NAME = 'Ropinirole (corrected)';

let feed: FeedServer;
let pages: StaticServer;
let session: FirefoxSession;
/** An extension page: reads storage and messages the background as the popup does. */
let control: Page;
let key: SigningKey;
let demo: Page;
let demoUrl: string;
let report: PageReport;
let tabId: number;

beforeAll(async () => {
  [feed, pages] = await Promise.all([startFeedServer(), startStaticServer(FIXTURES_DIR)]);
  key = await readSigningKey(readFileSync(resolve(KEYS_DIR, 'test-feed-private.pem'), 'utf8'));
  await publishToFeed(datasetText(BUNDLED), { published: hour(0) });
  {
    buildExtension(['-b', 'firefox', '--mv3'], {
      EVLENS_OUT_DIR: OUT_DIR,
      EVLENS_FEED_URL: feed.url(MANIFEST_PATH),
      EVLENS_FEED_PUBLIC_KEY: readFileSync(resolve(KEYS_DIR, 'test-feed-public.txt'), 'utf8').trim(),
      EVLENS_FEED_TIMEOUT_MS: '1500',
    });
  }
  session = await launchFirefoxWithExtension({ extensionDir: resolve(ROOT, OUT_DIR, 'firefox-mv3') });
  // A cookie for the feed's host: the extension must not send it.
  await session.browser.setCookie({ name: 'reader', value: 'id-1234', domain: '127.0.0.1', path: '/' });
  control = await session.openExtensionPage('manifest.json');
  demo = await session.browser.newPage();
  demoUrl = pages.url('demo-blog.html');
  await demo.goto(demoUrl);
  ({ report, tabId } = await waitForReport(demoUrl));
}, 90_000);

afterAll(async () => {
  await session?.close();
  await Promise.all([feed?.close(), pages?.close()]);
});

describe('annotating a fixture page in Firefox', () => {
  it('wraps the mentions in the DOM contract element, one wrapper set per reported mention', async () => {
    const wrapped = await demo.$$eval('evlens-mark', (marks) =>
      marks.map((m) => ({ entry: m.getAttribute('data-evlens-entry'), mention: m.getAttribute('data-evlens-mention') })),
    );
    const entries = new Set(wrapped.map((w) => w.entry));
    for (const id of ['oral-magnesium', 'transdermal-magnesium', 'restless-legs-syndrome', 'ropinirole', 'iron']) {
      expect(entries).toContain(id);
    }
    expect(new Set(wrapped.map((w) => w.mention)).size).toBe(report.mentions.length);
    expect(await demo.$$eval('aside li evlens-mark, nav evlens-mark, textarea evlens-mark, script evlens-mark', (m) => m.length)).toBe(0);
  });

  it("keeps the page's text identical to the page without the extension", async () => {
    const annotated = await demo.evaluate(() => document.body.innerText);
    // Content scripts run on http(s) only, so the file:// copy is the untouched original.
    const original = await session.browser.newPage();
    await original.goto(pathToFileURL(resolve(FIXTURES_DIR, 'demo-blog.html')).href);
    const pristine = await original.evaluate(() => document.body.innerText);
    await original.close();
    expect(annotated.length).toBeGreaterThan(500);
    expect(annotated).toBe(pristine);
  });
});

describe('hostile pages in Firefox', () => {
  it('a page that registers our element names never gets one of ours, and keeps its text', async () => {
    const page = await session.browser.newPage();
    await page.goto(pages.url('custom-elements.html'));
    await page.waitForSelector('[data-evlens-entry="ropinirole"]', { timeout: 10_000 });
    const state = await page.evaluate(() => {
      const w = window as unknown as { __hijack: { connected: number; seen: string[] } };
      const ours = [...document.querySelectorAll('[data-evlens-mention], [data-evlens-claim]')];
      return { connected: w.__hijack.connected, seen: w.__hijack.seen, ours: ours.length, text: document.getElementById('drug')!.innerText };
    });
    expect(state.ours).toBeGreaterThan(2);
    expect(state.connected).toBe(0);
    expect(state.seen).toEqual([]);
    expect(state.text).toBe('My neurologist suggested ropinirole at bedtime for my restless legs syndrome.');
    await page.close();
  });

  it('annotates same-origin and srcdoc iframes and display: contents text', async () => {
    const page = await session.browser.newPage();
    await page.goto(pages.url('iframes.html'));
    await page.waitForSelector('#in-contents [data-evlens-entry="oral-magnesium"]', { timeout: 10_000 });
    for (const id of ['same-origin', 'srcdoc']) {
      const frame = (await (await page.$(`#${id}`))!.contentFrame())!;
      await frame.waitForSelector('#post [data-evlens-mention]', { timeout: 10_000 });
    }
    await page.close();
  });
});

describe('the tooltip in Firefox', () => {
  it('opens on hover with the dataset entry, and closes when the pointer leaves', async () => {
    await demo.bringToFront();
    await demo.mouse.move(0, 0);
    const mention = 'evlens-mark[data-evlens-entry="ropinirole"]';
    await demo.$eval(mention, (el) => el.scrollIntoView({ block: 'center' }));
    await demo.hover(mention);
    const tooltip = await demo.waitForSelector(TOOLTIP, { visible: true, timeout: 5000 });
    expect(await tooltip!.$eval('.name', (el) => el.textContent)).toBe('Ropinirole');
    expect(await tooltip!.$eval('.verdict-label', (el) => el.textContent)).toBe('Not recommended (conditional)');
    const text = await tooltip!.evaluate((el) => el.textContent ?? '');
    expect(text).toContain('4 mg/day');
    expect(text).toContain('Information, not medical advice.');
    await demo.mouse.move(5, 5);
    await demo.waitForSelector(TOOLTIP, { hidden: true, timeout: 5000 });
  });

  it('opens on keyboard focus (Tab) and closes on Escape', async () => {
    await demo.mouse.move(0, 0);
    await demo.click('h1');
    await demo.keyboard.press('Tab');
    const focused = await demo.evaluate(() => document.activeElement?.getAttribute('data-evlens-entry'));
    expect(focused).toBeTruthy();
    const tooltip = await demo.waitForSelector(TOOLTIP, { visible: true, timeout: 5000 });
    expect(await tooltip!.$eval('.card', (el) => el.getAttribute('data-entry'))).toBe(focused);
    await demo.keyboard.press('Escape');
    await demo.waitForSelector(TOOLTIP, { hidden: true, timeout: 5000 });
  });
});

describe('the popup in Firefox', () => {
  it("summarises the tab's mentions by entry, as the page holds them", async () => {
    // The toolbar popup cannot be opened over BiDi; popup.html?tabId= is the same page for a tab.
    const popup = await session.openExtensionPage(`popup.html?tabId=${tabId}`);
    await popup.waitForSelector('.entries', { timeout: 5000 });
    const rows = await popup.$$eval('.entry', (items) =>
      items.map((li) => ({ id: li.getAttribute('data-entry')!, count: Number.parseInt(li.querySelector('.count')?.textContent ?? '', 10) })),
    );
    const onPage = await demo.$$eval('evlens-mark', (marks) => {
      const counts = new Map<string, Set<string>>();
      for (const m of marks) {
        const set = counts.get(m.getAttribute('data-evlens-entry')!) ?? new Set();
        set.add(m.getAttribute('data-evlens-mention')!);
        counts.set(m.getAttribute('data-evlens-entry')!, set);
      }
      return [...counts].map(([id, mentions]) => ({ id, count: mentions.size }));
    });
    const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
    expect(rows.sort(byId)).toEqual(onPage.sort(byId));
    expect(await popup.$eval('.summary', (el) => el.textContent)).toContain(`${report.mentions.length} mentions`);
    await popup.close();
  });
});

describe('the badge in Firefox', () => {
  it("counts the tab's mentions in the contradicted colour", async () => {
    const badge = await control.evaluate(async (id: number) => {
      const { action } = (globalThis as unknown as FirefoxGlobals).browser;
      return { text: await action.getBadgeText({ tabId: id }), color: await action.getBadgeBackgroundColor({ tabId: id }) };
    }, tabId);
    expect(badge.text).toBe(String(report.mentions.length));
    expect(badge.color.slice(0, 3)).toEqual([0xb3, 0x26, 0x1e]);
  });
});

describe('signed updates in Firefox', () => {
  it('checks the feed at install and runs on the bundled dataset', async () => {
    const status = await waitForStatus((s) => s.lastCheck !== null);
    expect(status).toMatchObject({ enabled: true, version: BUNDLED, source: 'bundled', lastCheck: { outcome: 'up-to-date' } });
  });

  it('applies a newer signed dataset from the local feed, and the open tab shows it', async () => {
    await publishToFeed(
      datasetText(V1, (dataset) => {
        dataset.entries.find((e) => e.id === 'ropinirole')!.name = CORRECTED_NAME;
      }),
      { published: hour(1) },
    );
    const status = await send('update:check');
    expect(status).toMatchObject({ version: V1, source: 'update', lastCheck: { outcome: 'updated', offeredVersion: V1 } });
    await expect(send('dataset:get')).resolves.toMatchObject({ dataset: { version: V1 } });
    await waitForReport(demoUrl, (r) => r.datasetVersion === V1);
    expect(await tooltipText('ropinirole')).toContain(CORRECTED_NAME);
  });

  it('refuses a tampered dataset (one flipped byte) and keeps the signed one', async () => {
    const published = await publishToFeed(datasetText(V2), { published: hour(2) });
    const bytes = Buffer.from(utf8(datasetText(V2)));
    bytes[600] = bytes[600]! ^ 0x01;
    feed.put(`/feed/${published.manifest.file}`, bytes);
    const status = await send('update:check');
    expect(status).toMatchObject({ version: V1, source: 'update', lastCheck: { outcome: 'failed', reason: 'hash-mismatch' } });
    await expect(send('dataset:get')).resolves.toMatchObject({ dataset: { version: V1 } });
  });

  it('refuses a tampered signed manifest (bad signature)', async () => {
    const published = await publishToFeed(datasetText(V2), { published: hour(3) });
    const signed = Buffer.from(published.envelope.signed, 'base64');
    signed[50] = signed[50]! ^ 0x01;
    feed.put(MANIFEST_PATH, JSON.stringify({ ...published.envelope, signed: signed.toString('base64') }));
    const status = await send('update:check');
    expect(status).toMatchObject({ version: V1, lastCheck: { outcome: 'failed', reason: 'bad-signature' } });
    await expect(send('dataset:get')).resolves.toMatchObject({ dataset: { version: V1 } });
  });

  it('asked the feed only for its two files: GET, no query string, cookie or referrer', async () => {
    // The browser holds a cookie for the feed's host (set in beforeAll); the page sees it.
    expect(await demo.evaluate(() => document.cookie)).toContain('reader=id-1234');
    expect(feed.requests.length).toBeGreaterThanOrEqual(5);
    for (const request of feed.requests) {
      expect(request.path).toMatch(/^\/feed\//);
      expect(request.method).toBe('GET');
      expect(request.search).toBe('');
      expect(request.headers.cookie).toBeUndefined();
      expect(request.headers.referer).toBeUndefined();
    }
  });

  it('shows the popup the dataset in use', async () => {
    const popup = await session.openExtensionPage('popup.html');
    const version = await popup.waitForSelector('[data-dataset-version]', { timeout: 5000 });
    expect(await version!.evaluate((el) => el.getAttribute('data-dataset-version'))).toBe(V1);
    await popup.close();
  });
});

describe('the options page in Firefox', () => {
  it('saves a setting, which holds when the page is opened again and reaches the open tab', async () => {
    let options = await session.openExtensionPage('options.html');
    await options.waitForSelector('fieldset', { timeout: 5000 });
    await options.click('input[name="trigger"][value="click"]');
    await options.waitForFunction(() => document.querySelector('.saved')?.textContent?.includes('click'), { timeout: 5000 });
    await options.close();
    options = await session.openExtensionPage('options.html');
    await options.waitForSelector('fieldset', { timeout: 5000 });
    expect(await options.$eval('input[name="trigger"][value="click"]', (el) => (el as HTMLInputElement).checked)).toBe(true);
    await options.close();

    // The open tab now opens tooltips on click, not on hover.
    await demo.bringToFront();
    await demo.keyboard.press('Escape');
    await demo.mouse.move(0, 0);
    const mention = 'evlens-mark[data-evlens-entry="oral-magnesium"]';
    await demo.$eval(mention, (el) => el.scrollIntoView({ block: 'center' }));
    await demo.hover(mention);
    await new Promise((done) => setTimeout(done, 600));
    expect(await demo.$(TOOLTIP)).toBeNull();
    await demo.click(mention);
    await demo.waitForSelector(TOOLTIP, { visible: true, timeout: 5000 });
  });
});

describe('a feed the reader adds on the options page, in Firefox', () => {
  let clinic: FeedServer;
  afterAll(() => clinic?.close());

  it('refuses a wrong field with its message, adds a feed, shows its fingerprint, status and version, and removes it', async () => {
    clinic = await startFeedServer();
    const clinicKey = await generateSigningKey();
    const V3 = `${BUNDLED}.3`;
    await publishSignedDataset(clinic, datasetText(V3), { key: await readSigningKey(clinicKey.privateKeyPem), published: hour(5), manifestPath: MANIFEST_PATH });
    const clinicUrl = clinic.url(MANIFEST_PATH);

    const options = await session.openExtensionPage('options.html');
    await options.waitForSelector('.feeds .empty', { timeout: 5000 });
    await options.type('input[name="feed-url"]', clinicUrl);
    await options.type('input[name="feed-key"]', 'not-a-key');
    await options.click('.feed-form button[type="submit"]');
    await options.waitForSelector('#feed-key-problem', { timeout: 5000 });
    expect(await options.$eval('#feed-key-problem', (el) => el.textContent)).toContain('not an Ed25519 public key');
    expect(clinic.requests).toEqual([]);

    await options.$eval('input[name="feed-key"]', (el) => ((el as HTMLInputElement).value = ''));
    await options.type('input[name="feed-key"]', clinicKey.publicKey);
    await options.click('.feed-form button[type="submit"]');
    const item = `.feed[data-feed-url="${clinicUrl}"]`;
    await options.waitForSelector(`${item} .feed-version`, { timeout: 10_000 });
    const text = (selector: string) => options.$eval(`${item} ${selector}`, (el) => el.textContent);
    expect(await text('.feed-fingerprint')).toBe(`Key fingerprint: ${clinicKey.keyId.match(/.{4}/g)!.join(' ')}`);
    expect(await text('.feed-status')).toMatch(/^In use\. Updated just now\./);
    expect(await text('.feed-version')).toBe(`Dataset: ${V3}`);
    expect(await send('update:status')).toMatchObject({ version: V3, source: 'update', feedUrl: clinicUrl });

    await options.click(`${item} button`);
    await options.waitForSelector('.feeds .empty', { timeout: 10_000 });
    // The clinic's dataset is no longer in use (the built-in feed's own, or the bundled one, is).
    const after = await send('update:status');
    expect(after.version).not.toBe(V3);
    expect(after.feedUrl).not.toBe(clinicUrl);
    await options.close();
  });
});

// ---------------------------------------------------------------------------------------------

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
async function publishToFeed(text: string, options: { published: Date }): Promise<PublishedFeed> {
  return publishSignedDataset(feed, text, { key, published: options.published, manifestPath: MANIFEST_PATH });
}

interface FirefoxGlobals {
  browser: {
    runtime: { sendMessage(message: unknown): Promise<unknown> };
    action: {
      getBadgeText(details: { tabId: number }): Promise<string>;
      getBadgeBackgroundColor(details: { tabId: number }): Promise<number[]>;
    };
    storage: { session: { get(keys: null): Promise<Record<string, unknown>> } };
  };
}

function send(type: 'update:check' | 'update:status'): Promise<UpdateStatus>;
function send(type: 'dataset:get'): Promise<{ dataset: Dataset }>;
function send(type: string): Promise<unknown> {
  return control.evaluate((message) => (globalThis as unknown as FirefoxGlobals).browser.runtime.sendMessage(message), { type });
}

async function waitForStatus(until: (status: UpdateStatus) => boolean, timeoutMs = 5000): Promise<UpdateStatus> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const status = await send('update:status');
    if (until(status) || Date.now() > deadline) return status;
    await new Promise((done) => setTimeout(done, 50));
  }
}

/** The background's per-tab report for `url` (storage.session, read from an extension page). */
function waitForReport(url: string, until: (report: PageReport) => boolean = () => true): Promise<{ tabId: number; report: PageReport }> {
  const readSession = () => control.evaluate(() => (globalThis as unknown as FirefoxGlobals).browser.storage.session.get(null));
  return waitForStoredReport(readSession, url, { until });
}

/** Opens the tooltip of an entry's first mention by keyboard focus, reads it and closes it. */
async function tooltipText(entryId: string): Promise<string> {
  await demo.bringToFront();
  await demo.keyboard.press('Escape');
  await demo.waitForSelector(TOOLTIP, { hidden: true, timeout: 5000 });
  const mention = `evlens-mark[data-evlens-entry="${entryId}"]`;
  await demo.$eval(mention, (el) => el.scrollIntoView({ block: 'center' }));
  await demo.focus(mention);
  const tooltip = await demo.waitForSelector(TOOLTIP, { visible: true, timeout: 5000 });
  const text = await tooltip!.evaluate((el) => el.textContent ?? '');
  await demo.keyboard.press('Escape');
  return text;
}
