/** The browser outbox's IndexedDB store as another tab (or a test) sees it: read, count, delete, empty. */
import type { GiftSubmission } from '../../src/contract/gift-schema.ts';

export type StoredGift = { key: string; submission: GiftSubmission; entry: { transactionId: string } };

function openStore(): Promise<IDBDatabase> {
  return new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open('gift-entry', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('outbox', { keyPath: 'key' });
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
}

async function withStore<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await openStore();
  try {
    const transaction = db.transaction('outbox', mode);
    const request = work(transaction.objectStore('outbox'));
    await new Promise((resolve, reject) => {
      transaction.oncomplete = resolve;
      transaction.onerror = () => reject(transaction.error);
    });
    return request.result;
  } finally {
    db.close();
  }
}

export const outboxContents = () => withStore('readonly', (store) => store.getAll() as IDBRequest<StoredGift[]>);
export const outboxCount = () => withStore('readonly', (store) => store.count());
export const deleteFromOutbox = (key: string) => withStore('readwrite', (store) => store.delete(key));
export const emptyOutbox = () => withStore('readwrite', (store) => store.clear());
