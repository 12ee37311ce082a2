/**
 * Where downloaded datasets live (storage.local), and which dataset is in use.
 *
 * Each accepted dataset is stored under a key of its own (`datasetUpdate:dataset:<generation>`),
 * next to a pointer naming the one in use and the previous good one. An update is written under a
 * new key, together with the new pointer and the check's record, in one `storage.local.set`: the
 * browser commits a set as one write (one LevelDB batch in Chromium, one IndexedDB transaction in
 * Firefox), so a worker stopped mid-update leaves either the old pointer or the new one, each
 * naming complete datasets. Writing a new key rather than overwriting an old slot also keeps the
 * swap short: the browser has no old value to read back for storage.onChanged. Datasets that are
 * neither in use nor the previous good one are removed afterwards.
 *
 * The bundled dataset is the floor: a stored dataset is used only while it is newer.
 */
import { browser } from 'wxt/browser';
import { compareDatasetVersions, parseDataset, type Dataset } from '../dataset/schema';
import { utf8 } from './bytes';
import type { LastCheck } from './status';
import { sha256Hex } from './verify';

export const STORAGE_KEYS = {
  active: 'datasetUpdate:active',
  meta: 'datasetUpdate:meta',
} as const;

export function datasetKey(generation: number): string {
  return `datasetUpdate:dataset:${generation}`;
}

/** One stored dataset: its exact text (so loading can re-hash it) and what it was accepted as. */
export interface StoredDataset {
  version: string;
  sha256: string;
  text: string;
  installedAt: number;
}

export interface ActivePointer {
  /** The dataset in use. */
  generation: number;
  version: string;
  /** The previous good dataset; null when that was the bundled one. */
  previous: number | null;
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
}

/** How far back `removeStale` looks for datasets a stopped worker never got to remove. */
const STALE_WINDOW = 4;

export class DatasetStore {
  private current: DatasetInUse;
  private pointer: ActivePointer | null = null;
  private loaded: Promise<void> | null = null;

  constructor(private readonly bundled: Dataset) {
    this.current = { dataset: bundled, source: 'bundled', installedAt: null, generation: null };
  }

  /** The dataset in use, after reading storage once per worker start. */
  async inUse(): Promise<DatasetInUse> {
    this.loaded ??= this.load();
    await this.loaded;
    return this.current;
  }

  async readMeta(): Promise<UpdateMeta> {
    const stored = await browser.storage.local.get(STORAGE_KEYS.meta);
    return { ...EMPTY_META, ...(stored[STORAGE_KEYS.meta] as Partial<UpdateMeta> | undefined) };
  }

  async writeMeta(meta: UpdateMeta): Promise<void> {
    await browser.storage.local.set({ [STORAGE_KEYS.meta]: meta });
  }

  /**
   * Swaps a verified dataset in: one storage write (dataset + pointer + meta), then the
   * in-memory switch. The dataset in use until now becomes the previous good one.
   */
  async apply(dataset: Dataset, text: string, sha256: string, meta: UpdateMeta, now: number): Promise<DatasetInUse> {
    const inUse = await this.inUse();
    const generation = Math.max(this.pointer?.generation ?? 0, this.pointer?.previous ?? 0, inUse.generation ?? 0) + 1;
    const record: StoredDataset = { version: dataset.version, sha256, text, installedAt: now };
    const pointer: ActivePointer = { generation, version: dataset.version, previous: inUse.generation };
    await browser.storage.local.set({
      [datasetKey(generation)]: record,
      [STORAGE_KEYS.active]: pointer,
      [STORAGE_KEYS.meta]: meta,
    });
    this.pointer = pointer;
    this.current = { dataset, source: 'update', installedAt: now, generation };
    return this.current;
  }

  /** Removes stored datasets that are neither in use nor the previous good one. */
  async removeStale(): Promise<void> {
    if (!this.pointer) return;
    const { generation, previous } = this.pointer;
    const stale: string[] = [];
    for (let g = Math.max(1, Math.min(generation, previous ?? generation) - STALE_WINDOW); g < generation; g++) {
      if (g !== previous) stale.push(datasetKey(g));
    }
    if (stale.length > 0) await browser.storage.local.remove(stale);
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
    this.pointer = { generation: pointer.generation, version: String(pointer.version), previous: pointer.previous };
    for (const generation of [pointer.generation, pointer.previous]) {
      const found = generation === null ? null : await this.loadGeneration(generation);
      if (found) {
        this.current = found;
        return;
      }
    }
  }

  private async loadGeneration(generation: number): Promise<DatasetInUse | null> {
    const key = datasetKey(generation);
    const record = (await browser.storage.local.get(key))[key] as StoredDataset | undefined;
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
    return { dataset: parsed.dataset, source: 'update', installedAt: record.installedAt, generation };
  }
}

function isGeneration(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 1;
}

function reject(key: string, why: string): null {
  console.warn(`Evidence Lens: stored dataset ${key} not used: ${why}.`);
  return null;
}
