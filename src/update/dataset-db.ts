/**
 * The stored datasets' own place: one IndexedDB object store in the extension's origin, read and
 * written by the background worker only. Not storage.local, whose every write reaches every
 * storage.onChanged listener in every extension context (a 1 MB dataset per update, per popup,
 * per options page) and whose 10 MB quota the reader's settings share. What other contexts see of
 * an update is the small pointer in storage.local (dataset-store.ts).
 */

export interface StoredDataset {
  version: string;
  sha256: string;
  /** The exact text accepted, so a later start can re-hash it. */
  text: string;
  installedAt: number;
  /** The manifest URL of the feed it came from. */
  feed: string | null;
}

const DB_NAME = 'evidence-lens-datasets';
const DB_VERSION = 1;
const STORE = 'datasets';

let opening: Promise<IDBDatabase> | null = null;

function open(): Promise<IDBDatabase> {
  opening ??= new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, DB_VERSION);
    request.onupgradeneeded = () => {
      if (!request.result.objectStoreNames.contains(STORE)) request.result.createObjectStore(STORE);
    };
    request.onsuccess = () => {
      const db = request.result;
      // Another version of the extension upgrading the database: let it, and reopen next time.
      db.onversionchange = () => {
        db.close();
        opening = null;
      };
      resolve(db);
    };
    request.onerror = () => reject(request.error ?? new Error('IndexedDB would not open'));
    request.onblocked = () => reject(new Error('IndexedDB is blocked by another connection'));
  }).catch((error: unknown) => {
    opening = null;
    throw error;
  });
  return opening;
}

/** Runs `work` in one transaction and resolves when the transaction has committed. */
async function inTransaction<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T> | void): Promise<T | undefined> {
  const db = await open();
  return new Promise<T | undefined>((resolve, reject) => {
    const transaction = db.transaction(STORE, mode);
    const request = work(transaction.objectStore(STORE));
    transaction.oncomplete = () => resolve(request ? request.result : undefined);
    transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB transaction failed'));
    transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB transaction aborted'));
  });
}

export const datasetDb = {
  async get(generation: number): Promise<StoredDataset | undefined> {
    return (await inTransaction<unknown>('readonly', (store) => store.get(generation))) as StoredDataset | undefined;
  },

  /** Resolves once the record is committed. */
  async put(generation: number, record: StoredDataset): Promise<void> {
    await inTransaction('readwrite', (store) => store.put(record, generation) as IDBRequest<unknown>);
  },

  async generations(): Promise<number[]> {
    return ((await inTransaction<IDBValidKey[]>('readonly', (store) => store.getAllKeys())) ?? []).filter(
      (key): key is number => typeof key === 'number',
    );
  },

  /** Deletes every stored dataset but those named, in one transaction. */
  async keepOnly(keep: readonly number[]): Promise<void> {
    const drop = (await this.generations()).filter((generation) => !keep.includes(generation));
    if (drop.length === 0) return;
    await inTransaction('readwrite', (store) => {
      for (const generation of drop) store.delete(generation);
    });
  },

  /** Deletes every stored dataset. */
  async clear(): Promise<void> {
    await inTransaction('readwrite', (store) => store.clear() as IDBRequest<unknown>);
  },
};
