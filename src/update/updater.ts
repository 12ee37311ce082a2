/**
 * The background side of dataset updates: when to check (install, browser start, a daily alarm,
 * the popup), one check at a time, and swapping a verified dataset in. Any failure keeps the
 * dataset in use and records why. The caller is told when the dataset in use changes, and
 * tells the open tabs.
 */
import { browser } from 'wxt/browser';
import type { Dataset } from '../dataset/schema';
import { DatasetStore, type UpdateMeta } from './dataset-store';
import type { FeedSettings } from './feed-settings';
import { failure, type LastCheck, type UpdateFailure, type UpdateStatus } from './status';
import { checkFeed, type CheckResult } from './update-check';
import { importTrustedKeys, type TrustedKey } from './verify';

export const UPDATE_ALARM = 'dataset-update';
export const CHECK_PERIOD_MINUTES = 24 * 60;

export interface DatasetUpdater {
  /** The dataset in use: the newest verified update, never older than the bundled one. */
  dataset(): Promise<Dataset>;
  status(): Promise<UpdateStatus>;
  /** Runs a check now (or joins the one running) and answers the status after it. */
  checkNow(): Promise<UpdateStatus>;
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
      enabled: settings !== null,
      version: inUse.dataset.version,
      source: inUse.source,
      installedAt: inUse.installedAt,
      feedUrl: inUse.feed,
      lastCheck: lastCheck ?? recorded,
    };
  };

  const runCheck = async (feed: FeedSettings): Promise<UpdateStatus> => {
    const inUse = await store.inUse();
    const meta = await store.readMeta();
    const at = now();
    /** Records a check that changed nothing but the record, and answers with it. */
    const finish = async (lastCheck: LastCheck, next: UpdateMeta = { ...meta, lastCheck }): Promise<UpdateStatus> => {
      if (lastCheck.outcome === 'failed') {
        console.warn(`Evidence Lens: dataset update rejected (${lastCheck.reason}): ${lastCheck.message}`);
      }
      await store.writeMeta(next).catch((error: unknown) => console.warn('Evidence Lens: could not record the check', error));
      return status(lastCheck);
    };
    const failed = (why: UpdateFailure, extra: Partial<LastCheck> = {}) =>
      finish({ at, ...extra, outcome: 'failed', reason: why.reason, message: why.message });

    let keys: TrustedKey[];
    try {
      trustedKeys ??= importTrustedKeys(feed.publicKeys);
      keys = await trustedKeys;
    } catch (error) {
      trustedKeys = null;
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
      await store.apply(result.dataset, result.datasetText, result.manifest.sha256, accepted, at, feed.manifestUrl);
    } catch (error) {
      return failed(failure('storage', `The new dataset could not be stored (${describe(error)}).`), lastCheck);
    }
    reported = result.dataset;
    options.onDatasetChanged?.(result.dataset, { applied: true });
    const swapMs = performance.now() - swapStart;
    // The stored record was written inside the swap, so only the answer carries its duration.
    return status({ ...lastCheck, timing: { ...result.timing, swapMs } });
  };

  const checkNow = (): Promise<UpdateStatus> => {
    if (!settings) return status();
    running ??= runCheck(settings).finally(() => {
      running = null;
    });
    return running;
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
