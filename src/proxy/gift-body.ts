/**
 * Reads a gift's JSON body exactly as it was sent, before any rule looks at it. Bytes that
 * are not UTF-8 are refused rather than turned into U+FFFD (which would reach iMIS as a
 * donor's name). An amount is checked on its JSON text, because JSON.parse rounds to the
 * nearest double first: `10.0000000000000001` would arrive as 10 and pass the cents rule
 * it breaks. Used by POST /api/gifts; a batch of gifts reads each the same way.
 */
import { MESSAGES, type GiftField } from '../contract/index.ts';

export type GiftBody = { ok: true; value: unknown } | { ok: false; message: string; field?: GiftField };

export const NOT_UTF8_MESSAGE = 'The request body is not valid UTF-8 text: send the gift as JSON encoded in UTF-8.';
export const NOT_JSON_MESSAGE = 'The request body is not valid JSON.';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** `amountAt`: where the gift's amount sits in the body (a batch row carries the gift under `gift`). */
export function readGiftBody(bytes: Uint8Array, amountAt: readonly string[] = ['amount']): GiftBody {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { ok: false, message: NOT_UTF8_MESSAGE };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, message: NOT_JSON_MESSAGE };
  }
  const amount = numberTextAt(text, amountAt);
  if (amount !== undefined && !hasAtMostCentsAsWritten(amount)) return { ok: false, message: MESSAGES.amountCents, field: 'amount' };
  return { ok: true, value };
}

const NUMBER = /^-?(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/;

/** Whether a JSON number literal, read as an exact decimal, has at most two decimals (10.500 and 1.05e1 do). */
export function hasAtMostCentsAsWritten(literal: string): boolean {
  const match = NUMBER.exec(literal);
  if (!match) return false;
  const fraction = match[2] ?? '';
  let digits = `${match[1]}${fraction}`;
  // The value is digits × 10^-scale; trailing zeros do not make decimals (10.500, 1050e-3).
  let scale = fraction.length - Number(match[3] ?? '0');
  while (scale > 2 && digits.endsWith('0')) {
    digits = digits.slice(0, -1);
    scale--;
  }
  return scale <= 2;
}

/**
 * The text of the number a top-level key holds in already-valid JSON (the last one, as
 * JSON.parse keeps the last of repeated keys); undefined when the key is absent or holds
 * something other than a number. Skips strings and nested values, so a key of that name
 * inside notes or a nested object is never mistaken for it.
 */
export function topLevelNumberText(json: string, key: string): string | undefined {
  const literal = topLevelValueText(json, key);
  return literal !== undefined && NUMBER.test(literal) ? literal : undefined;
}

/** The number literal at a path of keys through nested objects (e.g. gift → amount). */
export function numberTextAt(json: string, path: readonly string[]): string | undefined {
  let text: string | undefined = json;
  for (const key of path.slice(0, -1)) text = text === undefined ? undefined : topLevelValueText(text, key);
  return text === undefined ? undefined : topLevelNumberText(text, path.at(-1)!);
}

/** The raw JSON text of the value a top-level key holds (the last one, as JSON.parse keeps it). */
function topLevelValueText(json: string, key: string): string | undefined {
  let found: string | undefined;
  let i = skipSpace(json, 0);
  if (json[i] !== '{') return undefined;
  i = skipSpace(json, i + 1);
  while (i < json.length && json[i] !== '}') {
    const keyEnd = stringEnd(json, i);
    const name = JSON.parse(json.slice(i, keyEnd)) as string;
    i = skipSpace(json, skipSpace(json, keyEnd) + 1); // past the colon
    const valueEnd = valueEndAt(json, i);
    if (name === key) found = json.slice(i, valueEnd);
    i = skipSpace(json, valueEnd);
    if (json[i] === ',') i = skipSpace(json, i + 1);
  }
  return found;
}

function skipSpace(json: string, i: number): number {
  while (i < json.length && (json[i] === ' ' || json[i] === '\n' || json[i] === '\r' || json[i] === '\t')) i++;
  return i;
}

/** `i` is at an opening quote: the index just past the closing one. */
function stringEnd(json: string, i: number): number {
  for (let j = i + 1; j < json.length; j++) {
    if (json[j] === '\\') j++;
    else if (json[j] === '"') return j + 1;
  }
  return json.length;
}

/** The index just past the value that starts at `i`. */
function valueEndAt(json: string, i: number): number {
  if (json[i] === '"') return stringEnd(json, i);
  if (json[i] === '{' || json[i] === '[') {
    let depth = 0;
    for (let j = i; j < json.length; j++) {
      const c = json[j];
      if (c === '"') j = stringEnd(json, j) - 1;
      else if (c === '{' || c === '[') depth++;
      else if ((c === '}' || c === ']') && --depth === 0) return j + 1;
    }
    return json.length;
  }
  let j = i;
  while (j < json.length && !',}] \n\r\t'.includes(json[j]!)) j++;
  return j;
}
