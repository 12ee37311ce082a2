/**
 * Benchmark: verifying and swapping in a 1 MB dataset update, measured by the built extension's
 * own service worker in real Chromium. Each run publishes a new signed 1 MB dataset on a local
 * feed and asks the worker to check (as the popup does); the worker times its phases with
 * performance.now() and returns them in the check's status: verify (signature, size, SHA-256,
 * UTF-8/JSON decoding, validateDataset, versions) and swap (older copy out, the new one into
 * IndexedDB, the small pointer into storage.local, the in-memory switch). Network time is
 * reported apart and left out.
 *
 * Baseline, in the same worker on the same text: what a naive updater pays with no
 * verification at all, JSON.parse plus one storage.local.set.
 */
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import bundled from '../../src/dataset/generated/dataset.json';
import { utf8 } from '../../src/update/bytes';
import { readSigningKey, type SigningKey } from '../../src/update/feed-sign';
import type { CheckTiming, UpdateStatus } from '../../src/update/status';
import { buildExtension } from './build';
import { launchWithExtension } from './chromium';
import { publishSignedDataset, startFeedServer, type FeedServer } from './feed-server';
import { largeDataset } from './large-dataset';

export { largeDataset };

const ROOT = resolve(import.meta.dirname, '../..');
const OUT_DIR = '.output-bench-update';
const MANIFEST_PATH = '/feed/manifest.json';
export const UPDATE_TARGET_MS = 50;

export interface UpdateBenchOptions {
  /** Measured runs (a warm-up run comes first and is not counted). Default 7. */
  runs?: number;
  /** Dataset size to publish. Default 1 MiB. */
  datasetBytes?: number;
  executablePath?: string;
  /** Build the extension first (into .output-bench-update/). Default true. */
  build?: boolean;
  log?: (line: string) => void;
}

export interface UpdateBenchSample {
  downloadMs: number;
  verifyMs: number;
  swapMs: number;
  totalMs: number;
  /** Of verifyMs: SHA-256, UTF-8 + JSON decoding, validateDataset (the build rules). */
  hashMs?: number;
  decodeMs?: number;
  rulesMs?: number;
}

export interface UpdateBenchResult {
  datasetBytes: number;
  runs: number;
  samples: UpdateBenchSample[];
  /** Medians of verify, swap and verify + swap: the number the target is about. */
  median: UpdateBenchSample;
  /** Median of JSON.parse + one storage.local.set of the same text, no verification. */
  baseline: { parseMs: number; storeMs: number; totalMs: number; idbStoreMs: number };
  targetMs: number;
  withinTarget: boolean;
  /** Storage timings swing with other load on the machine: read the numbers with this. */
  machine: { cpus: number; loadAverage1m: number };
}

export async function benchUpdate(options: UpdateBenchOptions = {}): Promise<UpdateBenchResult> {
  const runs = options.runs ?? 7;
  const datasetBytes = options.datasetBytes ?? 1024 * 1024;
  const log = options.log ?? (() => undefined);
  const feed = await startFeedServer();
  const key = await readSigningKey(readFileSync(resolve(ROOT, 'tests/keys/test-feed-private.pem'), 'utf8'));
  // What the feed serves at install: the bundled version, so the install check finds nothing to do.
  await publish(feed, key, JSON.stringify(bundled), 0);
  if (options.build ?? true) buildForFeed(feed);
  const session = await launchWithExtension({
    headless: true,
    extensionDir: resolve(ROOT, OUT_DIR, 'chrome-mv3'),
    executablePath: options.executablePath,
  });
  try {
    // Messages go from an extension page with no UI of its own: the popup's storage watchers
    // would receive every 1 MB swap too, which an automatic check never pays.
    const control = await session.context.newPage();
    await control.goto(`chrome-extension://${session.extensionId}/manifest.json`);
    await waitForInstallCheck(control);

    const samples: UpdateBenchSample[] = [];
    const baselines: UpdateBenchResult['baseline'][] = [];
    let size = 0;
    for (let run = 0; run <= runs; run++) {
      const text = largeDataset(`${bundled.version}.${run + 1}`, datasetBytes);
      size = utf8(text).length;
      await publish(feed, key, text, run + 1);
      const status = await send(control, 'update:check');
      if (status.lastCheck?.outcome !== 'updated' || !status.lastCheck.timing) {
        throw new Error(`Run ${run}: the update was not applied: ${JSON.stringify(status.lastCheck)}`);
      }
      const baseline = await session.serviceWorker.evaluate(measureBaseline, text);
      if (run === 0) continue; // warm-up: first use of WebCrypto, valibot and storage
      samples.push(sample(status.lastCheck.timing));
      baselines.push(baseline);
      log(`run ${run}: verify ${round(samples.at(-1)!.verifyMs)} ms (rules ${round(samples.at(-1)!.rulesMs ?? 0)}, hash ${round(samples.at(-1)!.hashMs ?? 0)}, decode ${round(samples.at(-1)!.decodeMs ?? 0)}) + swap ${round(samples.at(-1)!.swapMs)} ms (download ${round(samples.at(-1)!.downloadMs)} ms); baseline ${round(baseline.totalMs)} ms`);
    }
    const median = {
      downloadMs: medianOf(samples.map((s) => s.downloadMs)),
      verifyMs: medianOf(samples.map((s) => s.verifyMs)),
      swapMs: medianOf(samples.map((s) => s.swapMs)),
      totalMs: medianOf(samples.map((s) => s.totalMs)),
      hashMs: medianOf(samples.map((s) => s.hashMs ?? 0)),
      decodeMs: medianOf(samples.map((s) => s.decodeMs ?? 0)),
      rulesMs: medianOf(samples.map((s) => s.rulesMs ?? 0)),
    };
    return {
      datasetBytes: size,
      runs,
      samples,
      median,
      baseline: {
        parseMs: medianOf(baselines.map((b) => b.parseMs)),
        storeMs: medianOf(baselines.map((b) => b.storeMs)),
        totalMs: medianOf(baselines.map((b) => b.totalMs)),
        idbStoreMs: medianOf(baselines.map((b) => b.idbStoreMs)),
      },
      targetMs: UPDATE_TARGET_MS,
      withinTarget: median.totalMs < UPDATE_TARGET_MS,
      machine: { cpus: cpus().length, loadAverage1m: round(loadavg()[0] ?? 0) },
    };
  } finally {
    await session.close();
    await feed.close();
  }
}

/**
 * Runs inside the service worker: parse and store the same text, with no checks at all, the
 * naive way (storage.local.set). Also one IndexedDB put of the text alone (idbStoreMs): the floor
 * of the store the swap now writes to.
 */
async function measureBaseline(text: string): Promise<{ parseMs: number; storeMs: number; totalMs: number; idbStoreMs: number }> {
  const { chrome } = globalThis as unknown as {
    chrome: { storage: { local: { set(items: object): Promise<void>; remove(key: string): Promise<void> } } };
  };
  const start = performance.now();
  JSON.parse(text);
  const parsed = performance.now();
  await chrome.storage.local.set({ 'bench:baseline': text });
  const stored = performance.now();
  await chrome.storage.local.remove('bench:baseline');
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open('bench-baseline', 1);
    request.onupgradeneeded = () => request.result.createObjectStore('texts');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const idbStart = performance.now();
  await new Promise<void>((resolve, reject) => {
    const transaction = db.transaction('texts', 'readwrite');
    transaction.objectStore('texts').put(text, 1);
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error);
  });
  const idbStoreMs = performance.now() - idbStart;
  db.close();
  return { parseMs: parsed - start, storeMs: stored - parsed, totalMs: stored - start, idbStoreMs };
}

async function publish(feed: FeedServer, key: SigningKey, text: string, hour: number): Promise<void> {
  await publishSignedDataset(feed, text, { key, published: new Date(Date.UTC(2026, 10, 22, 8 + hour)), manifestPath: MANIFEST_PATH });
}

/** The production configuration (10 s timeout), with the test key and this run's local feed. */
function buildForFeed(feed: FeedServer): void {
  const settings: Record<string, string> = {
    EVLENS_OUT_DIR: OUT_DIR,
    EVLENS_FEED_URL: feed.url(MANIFEST_PATH),
    EVLENS_FEED_PUBLIC_KEY: readFileSync(resolve(ROOT, 'tests/keys/test-feed-public.txt'), 'utf8').trim(),
  };
  buildExtension([], settings);
}

async function waitForInstallCheck(control: Page): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if ((await send(control, 'update:status')).lastCheck) return;
    await new Promise((done) => setTimeout(done, 50));
  }
  throw new Error('The install-time update check did not finish within 10 s');
}

function send(control: Page, type: 'update:check' | 'update:status'): Promise<UpdateStatus> {
  return control.evaluate(
    (message) =>
      (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<UpdateStatus> } } }).chrome.runtime.sendMessage(message),
    { type },
  );
}

function sample(timing: CheckTiming): UpdateBenchSample {
  const swapMs = timing.swapMs ?? 0;
  return {
    downloadMs: round(timing.downloadMs),
    verifyMs: round(timing.verifyMs),
    swapMs: round(swapMs),
    totalMs: round(timing.verifyMs + swapMs),
    hashMs: round(timing.verifyParts?.hashMs ?? 0),
    decodeMs: round(timing.verifyParts?.decodeMs ?? 0),
    rulesMs: round(timing.verifyParts?.rulesMs ?? 0),
  };
}

function medianOf(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const value = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return round(value);
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
