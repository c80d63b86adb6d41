/**
 * Checks on what an administrator typed into the environment: a secret that is still a
 * placeholder or a toy value, and a setting name that is a typo of a real one.
 */
/** Every secret a person types in; each is checked for README's placeholders and weak values. */
export const MIN_SECRET_LENGTH = 16;

/**
 * Why a secret looks like a placeholder or a toy rather than a generated value (the
 * deployment guide's own `...32 random characters...` once went live as a key).
 */
export function placeholderReason(secret: string): string | undefined {
  if (/\.\.\.|…/.test(secret)) return 'it contains "...", like the placeholders in README';
  if (/change.?me|placeholder|replace.?(me|this)|your.?(api.?)?(token|key)|example|dummy|secret|password|todo/i.test(secret)) {
    return 'it reads like a placeholder word, not a generated value';
  }
  if (/(.)\1{7,}/.test(secret)) return 'it repeats one character 8 times or more';
  if (new Set(secret).size < 6) return 'it uses fewer than 6 different characters';
  if (secret.length < MIN_SECRET_LENGTH) return `it has ${secret.length} characters, fewer than ${MIN_SECRET_LENGTH}`;
  return undefined;
}

/** How many single-character edits turn `a` into `b` (for "did you mean"). */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** The known name an unknown one was probably meant to be. */
export function closestName(name: string, known: Iterable<string>): string | undefined {
  const squash = (s: string) => s.replace(/_/g, '');
  let best: { name: string; distance: number } | undefined;
  for (const candidate of known) {
    const distance = squash(candidate) === squash(name) ? 0 : editDistance(name, candidate);
    if (!best || distance < best.distance) best = { name: candidate, distance };
  }
  return best && best.distance <= Math.max(2, Math.floor(name.length / 5)) ? best.name : undefined;
}
