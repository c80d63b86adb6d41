/**
 * Typed work survives a reload or a reopened tab: the draft and the batch live
 * in this tab's sessionStorage until sent. Storage can be disabled or full;
 * then we simply do without, never failing the form.
 */
export function load<T>(key: string): T | undefined {
  try {
    const raw = sessionStorage.getItem(key);
    return raw ? (JSON.parse(raw) as T) : undefined;
  } catch {
    return undefined;
  }
}

export function save(key: string, value: unknown): void {
  try {
    sessionStorage.setItem(key, JSON.stringify(value));
  } catch {
    /* storage unavailable: the form still works, it just cannot survive a reload */
  }
}

export function forget(key: string): void {
  try {
    sessionStorage.removeItem(key);
  } catch {
    /* nothing to forget */
  }
}
