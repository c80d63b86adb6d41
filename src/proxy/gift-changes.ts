/**
 * Who is told when a gift's status changes: the long-polls of POST /api/gifts/watch.
 * Every place that writes a status (the dispatcher, the retry route, a resend, a batch
 * being posted) makes one call here; each listener then reads the journal itself, so
 * this module carries no gift data and cannot fall out of step with the journal.
 */

/** undefined: many gifts changed at once (the whole queue held or released, a batch posted). */
export type ChangeListener = (transactionId: string | undefined) => void;

export class GiftChanges {
  private readonly listeners = new Set<ChangeListener>();
  private readonly closers = new Set<() => void>();
  private closed = false;

  /** One gift's status was written. */
  changed(transactionId: string): void {
    for (const listener of [...this.listeners]) listener(transactionId);
  }

  /** Statuses of several gifts were written at once. */
  changedMany(): void {
    for (const listener of [...this.listeners]) listener(undefined);
  }

  /**
   * Listens until the returned function is called. `onClose` runs if the proxy stops first,
   * so a held request is answered at once instead of being cut at the end of the grace period.
   */
  listen(listener: ChangeListener, onClose: () => void): () => void {
    if (this.closed) {
      onClose();
      return () => {};
    }
    this.listeners.add(listener);
    this.closers.add(onClose);
    return () => {
      this.listeners.delete(listener);
      this.closers.delete(onClose);
    };
  }

  /** How many long-polls are waiting (tests check that a closed connection frees its waiter). */
  get waiting(): number {
    return this.listeners.size;
  }

  /** Shutting down: every listener hears it now, and later ones at once. */
  close(): void {
    this.closed = true;
    for (const onClose of [...this.closers]) onClose();
    this.listeners.clear();
    this.closers.clear();
  }
}
