/**
 * Where downloaded datasets live, and which dataset is in use.
 *
 * Each accepted dataset is stored in IndexedDB (dataset-db.ts) under a generation number of its
 * own; only the background worker reads it. storage.local holds the small pointer naming the
 * generation in use and the previous good one, and the check record: that is all any other
 * context's storage.onChanged listener ever receives about an update (a few hundred bytes, not
 * the dataset).
 *
 * An update: (1) every stored dataset but the one in use is deleted, so at most two copies exist
 * at any moment (the one in use and the new one) and a third update in a row needs no more room
 * than the first; (2) the new dataset is written under a new generation and committed; (3) the
 * new pointer and the check record are written in one storage.local.set. A worker stopped at any
 * point leaves a pointer naming complete datasets: before (3) the old pointer, whose dataset in
 * use was never touched; after it the new one. A dataset written in (2) but never pointed to is
 * deleted by the next update's step (1). The previous good dataset is the one in use before the
 * update.
 *
 * The bundled dataset is the floor: a stored dataset is used only while it is newer.
 */
import { browser } from 'wxt/browser';
import { compareDatasetVersions, parseDataset, type Dataset } from '../dataset/schema';
import { utf8 } from './bytes';
import { datasetDb, type StoredDataset } from './dataset-db';
import type { LastCheck } from './status';
import { sha256Hex } from './verify';

export type { StoredDataset };

export const STORAGE_KEYS = {
  active: 'datasetUpdate:active',
  meta: 'datasetUpdate:meta',
} as const;

export interface ActivePointer {
  /** The dataset in use. */
  generation: number;
  version: string;
  /** The previous good dataset; null when that was the bundled one. */
  previous: number | null;
  /** The manifest URL of the feed the dataset in use came from. */
  feed?: string | null;
}

/** What the updater remembers between checks. */
export interface UpdateMeta {
  /** ETag of the last manifest fully processed, and the dataset version in use when it was. */
  etag: { value: string; versionInUse: string } | null;
  /** Highest `published` of any accepted manifest: an older one is a replay. */
  highestPublished: string | null;
  lastCheck: LastCheck | null;
}

export const EMPTY_META: UpdateMeta = { etag: null, highestPublished: null, lastCheck: null };

export interface DatasetInUse {
  dataset: Dataset;
  source: 'bundled' | 'update';
  installedAt: number | null;
  /** Where it is stored; null for the bundled dataset. */
  generation: number | null;
  /** The manifest URL of the feed it came from; null for the bundled dataset. */
  feed: string | null;
}

export class DatasetStore {
  private current: DatasetInUse;
  private pointer: ActivePointer | null = null;
  private loaded: Promise<void> | null = null;

  constructor(private readonly bundled: Dataset) {
    this.current = { dataset: bundled, source: 'bundled', installedAt: null, generation: null, feed: null };
  }

  /** The dataset in use, after reading storage once per worker start. */
  async inUse(): Promise<DatasetInUse> {
    this.loaded ??= this.load();
    await this.loaded;
    return this.current;
  }

  /** The check record of the built-in feed, or of the feed whose record is at `key`. */
  async readMeta(key: string = STORAGE_KEYS.meta): Promise<UpdateMeta> {
    const stored = await browser.storage.local.get(key);
    return { ...EMPTY_META, ...(stored[key] as Partial<UpdateMeta> | undefined) };
  }

  async writeMeta(meta: UpdateMeta, key: string = STORAGE_KEYS.meta): Promise<void> {
    await browser.storage.local.set({ [key]: meta });
  }

  /** Back to the bundled dataset: the pointer and every stored dataset removed (a reader removed the feed in use). */
  async revertToBundled(): Promise<DatasetInUse> {
    await this.inUse();
    await browser.storage.local.remove(STORAGE_KEYS.active);
    await datasetDb.keepOnly([]);
    this.pointer = null;
    this.current = { dataset: this.bundled, source: 'bundled', installedAt: null, generation: null, feed: null };
    return this.current;
  }

  /**
   * Swaps a verified dataset in (see the file comment): older copies out, the new one into
   * IndexedDB, then the pointer and the check record in one storage.local write, then the
   * in-memory switch. The dataset in use until now becomes the previous good one.
   */
  async apply(
    dataset: Dataset,
    text: string,
    sha256: string,
    meta: UpdateMeta,
    now: number,
    feed: string | null = null,
    metaKey: string = STORAGE_KEYS.meta,
  ): Promise<DatasetInUse> {
    const inUse = await this.inUse();
    const known = await datasetDb.generations();
    const generation = Math.max(0, this.pointer?.generation ?? 0, this.pointer?.previous ?? 0, inUse.generation ?? 0, ...known) + 1;
    await datasetDb.keepOnly(inUse.generation === null ? [] : [inUse.generation]);
    const record: StoredDataset = { version: dataset.version, sha256, text, installedAt: now, feed };
    await datasetDb.put(generation, record);
    const pointer: ActivePointer = { generation, version: dataset.version, previous: inUse.generation, feed };
    try {
      await browser.storage.local.set({ [STORAGE_KEYS.active]: pointer, [metaKey]: meta });
    } catch (error) {
      // Never pointed to: take it out again (the next update would, if this fails too).
      await datasetDb.keepOnly(inUse.generation === null ? [] : [inUse.generation]).catch(() => undefined);
      throw error;
    }
    this.pointer = pointer;
    this.current = { dataset, source: 'update', installedAt: now, generation, feed };
    return this.current;
  }

  /** The active dataset first, then the previous good one, then the bundled dataset. */
  private async load(): Promise<void> {
    try {
      await this.loadStored();
    } catch (error) {
      // Unreadable storage must not take the extension down: the bundled dataset still works.
      console.warn('Evidence Lens: stored dataset unreadable, using the bundled one.', error);
    }
  }

  private async loadStored(): Promise<void> {
    const stored = await browser.storage.local.get(STORAGE_KEYS.active);
    const pointer = stored[STORAGE_KEYS.active] as Partial<ActivePointer> | undefined;
    if (!pointer || !isGeneration(pointer.generation) || !(pointer.previous === null || isGeneration(pointer.previous))) return;
    this.pointer = { generation: pointer.generation, version: String(pointer.version), previous: pointer.previous, feed: pointer.feed ?? null };
    for (const generation of [pointer.generation, pointer.previous]) {
      const found = generation === null ? null : await this.loadGeneration(generation);
      if (found) {
        this.current = found;
        return;
      }
    }
  }

  private async loadGeneration(generation: number): Promise<DatasetInUse | null> {
    const key = `dataset ${generation}`;
    const record = await datasetDb.get(generation);
    if (!record || typeof record.text !== 'string' || typeof record.version !== 'string') return null;
    // Never older than what ships: after an extension update the bundled dataset may be newer.
    if (compareDatasetVersions(record.version, this.bundled.version) <= 0) return null;
    if ((await sha256Hex(utf8(record.text))) !== record.sha256) return reject(key, 'its SHA-256 changed in storage');
    let json: unknown;
    try {
      json = JSON.parse(record.text);
    } catch {
      return reject(key, 'it is not JSON');
    }
    // This build's schema, which may be stricter than the one that accepted it.
    const parsed = parseDataset(json);
    if (!parsed.ok) return reject(key, "it fails this version's schema");
    if (parsed.dataset.version !== record.version) return reject(key, 'its version changed');
    return { dataset: parsed.dataset, source: 'update', installedAt: record.installedAt, generation, feed: record.feed ?? null };
  }
}

function isGeneration(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 1;
}

function reject(key: string, why: string): null {
  console.warn(`Evidence Lens: stored ${key} not used: ${why}.`);
  return null;
}
