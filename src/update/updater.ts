/**
 * The background side of dataset updates: when to check (install, browser start, a daily alarm,
 * the popup), one check at a time, and swapping a verified dataset in. Any failure keeps the
 * dataset in use and records why. The caller is told when the dataset in use changes, and
 * tells the open tabs.
 */
import { browser } from 'wxt/browser';
import type { Dataset } from '../dataset/schema';
import { DatasetStore, STORAGE_KEYS, type UpdateMeta } from './dataset-store';
import { DEFAULT_TIMEOUT_MS, type FeedSettings } from './feed-settings';
import { failure, type LastCheck, type UpdateFailure, type UpdateStatus } from './status';
import { checkFeed, type CheckResult } from './update-check';
import { importTrustedKeys, type TrustedKey } from './verify';
import {
  checkUserFeedInput,
  fingerprintOf,
  loadUserFeeds,
  saveUserFeeds,
  userFeedMetaKey,
  type FeedFieldProblem,
  type UserFeed,
} from './user-feeds';

/** A reader's feed as the options page shows it. */
export interface UserFeedStatus {
  url: string;
  fingerprint: string;
  addedAt: number;
  lastCheck: LastCheck | null;
  /** The dataset in use came from this feed. */
  inUse: boolean;
  /** The dataset version the feed last offered (signed manifest read), if any. */
  version: string | null;
}

export type AddFeedResult = { ok: true; feeds: UserFeedStatus[] } | { ok: false; problems: FeedFieldProblem[]; feeds: UserFeedStatus[] };

export const UPDATE_ALARM = 'dataset-update';
export const CHECK_PERIOD_MINUTES = 24 * 60;

export interface DatasetUpdater {
  /** The dataset in use: the newest verified update, never older than the bundled one. */
  dataset(): Promise<Dataset>;
  status(): Promise<UpdateStatus>;
  /** Runs a check now (or joins the one running) and answers the status after it. */
  checkNow(): Promise<UpdateStatus>;
  /** The reader's feeds, with how each last check went. */
  feeds(): Promise<UserFeedStatus[]>;
  /** Checks the fields, adds the feed and checks it at once; nothing is stored or fetched when a field is wrong. */
  addFeed(url: string, publicKey: string): Promise<AddFeedResult>;
  /** Removes a reader's feed; if the dataset in use came from it, goes back to the bundled one and checks the others. */
  removeFeed(url: string): Promise<UserFeedStatus[]>;
}

export interface UpdaterOptions {
  bundled: Dataset;
  /** Null when this build has no feed: updates are off. */
  settings: FeedSettings | null;
  extensionVersion: () => string;
  /**
   * The dataset in use changed: `applied` after an update was swapped in (tell the tabs), not
   * when a worker start merely found a stored update (the tabs already have it).
   */
  onDatasetChanged?: (dataset: Dataset, change: { applied: boolean }) => void;
  /** The reader's switch for automatic checks; a check asked for from the popup always runs. */
  automaticChecks?: () => Promise<boolean>;
  now?: () => number;
}

/**
 * Registers the update triggers (synchronously, as the worker's first turn requires) and returns
 * the updater. With no settings it only serves the bundled dataset and touches no other API.
 */
export function startDatasetUpdates(options: UpdaterOptions): DatasetUpdater {
  const now = options.now ?? Date.now;
  const store = new DatasetStore(options.bundled);
  const settings = options.settings;
  let running: Promise<UpdateStatus> | null = null;
  let trustedKeys: Promise<TrustedKey[]> | null = null;
  let reported: Dataset = options.bundled;

  const datasetInUse = async (): Promise<Dataset> => {
    const { dataset } = await store.inUse();
    if (dataset !== reported) {
      reported = dataset;
      options.onDatasetChanged?.(dataset, { applied: false });
    }
    return dataset;
  };

  const status = async (lastCheck?: LastCheck | null): Promise<UpdateStatus> => {
    const inUse = await store.inUse();
    const recorded = lastCheck === undefined && settings ? (await store.readMeta()).lastCheck : null;
    return {
      enabled: settings !== null || (await loadUserFeeds().catch(() => [])).length > 0,
      version: inUse.dataset.version,
      source: inUse.source,
      installedAt: inUse.installedAt,
      feedUrl: inUse.feed,
      lastCheck: lastCheck ?? recorded,
    };
  };

  const runCheck = async (feed: FeedSettings, metaKey: string = STORAGE_KEYS.meta): Promise<UpdateStatus> => {
    const inUse = await store.inUse();
    const meta = await store.readMeta(metaKey);
    const at = now();
    /** Records a check that changed nothing but the record, and answers with it. */
    const finish = async (lastCheck: LastCheck, next: UpdateMeta = { ...meta, lastCheck }): Promise<UpdateStatus> => {
      if (lastCheck.outcome === 'failed') {
        console.warn(`Evidence Lens: dataset update rejected (${lastCheck.reason}): ${lastCheck.message}`);
      }
      await store.writeMeta(next, metaKey).catch((error: unknown) => console.warn('Evidence Lens: could not record the check', error));
      return status(lastCheck);
    };
    const failed = (why: UpdateFailure, extra: Partial<LastCheck> = {}) =>
      finish({ at, ...extra, outcome: 'failed', reason: why.reason, message: why.message });

    let keys: TrustedKey[];
    const builtIn = metaKey === STORAGE_KEYS.meta;
    try {
      if (builtIn) trustedKeys ??= importTrustedKeys(feed.publicKeys);
      keys = await (builtIn ? trustedKeys! : importTrustedKeys(feed.publicKeys));
    } catch (error) {
      if (builtIn) trustedKeys = null;
      return failed(failure('unsupported-crypto', `This browser cannot verify the update signature (${describe(error)}).`));
    }

    let result: CheckResult;
    try {
      result = await checkFeed({
        manifestUrl: feed.manifestUrl,
        timeoutMs: feed.timeoutMs,
        trustedKeys: keys,
        versionInUse: inUse.dataset.version,
        extensionVersion: options.extensionVersion(),
        etag: meta.etag?.versionInUse === inUse.dataset.version ? meta.etag.value : null,
        highestPublished: meta.highestPublished,
        now: now(),
      });
    } catch (error) {
      return failed(failure('internal-error', `The check stopped on an unexpected error (${describe(error)}).`));
    }

    const offeredVersion = result.manifest?.datasetVersion;
    const lastCheck: LastCheck = { at, outcome: result.outcome, timing: result.timing, ...(offeredVersion ? { offeredVersion } : {}) };
    if (result.outcome === 'failed') return failed(result.failure, lastCheck);

    const accepted: UpdateMeta = {
      etag: result.etag ? { value: result.etag, versionInUse: offeredVersion ?? inUse.dataset.version } : meta.etag,
      highestPublished: laterOf(meta.highestPublished, result.manifest?.published ?? null, at),
      lastCheck,
    };
    if (result.outcome === 'up-to-date') return finish(lastCheck, accepted);

    const swapStart = performance.now();
    try {
      await store.apply(result.dataset, result.datasetText, result.manifest.sha256, accepted, at, feed.manifestUrl, metaKey);
    } catch (error) {
      return failed(failure('storage', `The new dataset could not be stored (${describe(error)}).`), lastCheck);
    }
    reported = result.dataset;
    options.onDatasetChanged?.(result.dataset, { applied: true });
    const swapMs = performance.now() - swapStart;
    // The stored record was written inside the swap, so only the answer carries its duration.
    return status({ ...lastCheck, timing: { ...result.timing, swapMs } });
  };

  /**
   * The built-in feed first, then the reader's feeds in the order added, each against the dataset
   * in use by then: the highest valid version wins, and a feed offering the version in use is up
   * to date, so on a tie the dataset already in use stays (the built-in one, when both newly
   * offer the same version in one check).
   */
  const checkAll = async (): Promise<UpdateStatus> => {
    const builtInStatus = settings ? await runCheck(settings) : null;
    const timeoutMs = settings?.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    for (const feed of await loadUserFeeds().catch(() => [] as UserFeed[])) {
      await runCheck({ manifestUrl: feed.url, publicKeys: [feed.publicKey], timeoutMs }, userFeedMetaKey(feed.url));
    }
    return builtInStatus && (await store.inUse()).feed === settings?.manifestUrl ? builtInStatus : status();
  };

  const checkNow = (): Promise<UpdateStatus> => {
    running ??= checkAll().finally(() => {
      running = null;
    });
    return running;
  };

  const feeds = async (): Promise<UserFeedStatus[]> => {
    const inUse = await store.inUse();
    const list = await loadUserFeeds();
    return Promise.all(
      list.map(async (feed) => {
        const { lastCheck } = await store.readMeta(userFeedMetaKey(feed.url));
        const inUseHere = inUse.feed === feed.url;
        return {
          url: feed.url,
          fingerprint: feed.fingerprint,
          addedAt: feed.addedAt,
          lastCheck,
          inUse: inUseHere,
          version: inUseHere ? inUse.dataset.version : (lastCheck?.offeredVersion ?? null),
        };
      }),
    );
  };

  const addFeed = async (url: string, publicKey: string): Promise<AddFeedResult> => {
    const existing = await loadUserFeeds();
    const builtInUrl = settings?.manifestUrl ?? null;
    const allowLoopbackHttp = builtInUrl !== null && new URL(builtInUrl).protocol === 'http:';
    const problems = checkUserFeedInput(url, publicKey, { existing, builtInUrl, allowLoopbackHttp });
    if (problems.length > 0) return { ok: false, problems, feeds: await feeds() };
    const feed: UserFeed = { url: new URL(url.trim()).href, publicKey: publicKey.trim(), fingerprint: await fingerprintOf(publicKey), addedAt: now() };
    await saveUserFeeds([...existing, feed]);
    await running?.catch(() => undefined);
    await checkNow();
    return { ok: true, feeds: await feeds() };
  };

  const removeFeed = async (url: string): Promise<UserFeedStatus[]> => {
    await running?.catch(() => undefined);
    await saveUserFeeds((await loadUserFeeds()).filter((feed) => feed.url !== url));
    await browser.storage.local.remove(userFeedMetaKey(url));
    if ((await store.inUse()).feed === url) {
      const bundled = await store.revertToBundled();
      reported = bundled.dataset;
      options.onDatasetChanged?.(bundled.dataset, { applied: true });
      await checkNow();
    }
    return feeds();
  };

  const checkAutomatically = async (): Promise<void> => {
    if (options.automaticChecks && !(await options.automaticChecks().catch(() => true))) return;
    await checkNow();
  };

  if (settings) {
    browser.runtime.onInstalled.addListener(() => {
      void scheduleDailyCheck(true);
      void checkAutomatically();
    });
    browser.runtime.onStartup.addListener(() => {
      // Browsers may drop alarms over a restart; create it afresh.
      void scheduleDailyCheck(true);
      void checkAutomatically();
    });
    browser.alarms.onAlarm.addListener((alarm) => {
      if (alarm.name === UPDATE_ALARM) void checkAutomatically();
    });
    // Every worker start: make sure the alarm exists, without moving one that does.
    void scheduleDailyCheck(false);
  }

  return {
    dataset: datasetInUse,
    status: () => status(),
    checkNow,
    feeds,
    addFeed,
    removeFeed,
  };
}

async function scheduleDailyCheck(replace: boolean): Promise<void> {
  if (!replace && (await browser.alarms.get(UPDATE_ALARM))) return;
  await browser.alarms.create(UPDATE_ALARM, { delayInMinutes: CHECK_PERIOD_MINUTES, periodInMinutes: CHECK_PERIOD_MINUTES });
}

/**
 * The later of two publication times, but never more than a day past our clock: one manifest
 * stamped in the future by a wrong clock must not make every later manifest look like a replay.
 */
function laterOf(a: string | null, b: string | null, now: number): string | null {
  const cap = now + 24 * 60 * 60 * 1000;
  const clamp = (time: string | null) => (time && Date.parse(time) > cap ? new Date(cap).toISOString() : time);
  const [x, y] = [clamp(a), clamp(b)];
  if (!x) return y;
  if (!y) return x;
  return Date.parse(y) > Date.parse(x) ? y : x;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
