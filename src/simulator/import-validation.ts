/**
 * What the External Gift API answers to one importGift body, in the order its
 * checks appear to run: deserialization (Json.NET), then the reference's
 * validation table, then the duplicate check, then the database insert.
 * Pure: the caller records the gift when the answer is 202.
 */
import { MAX_LENGTH, UPSTREAM_MESSAGE, type TextField } from '../contract/index.ts';
import { parseErrorIndex, positionAt, valueEnd } from './newtonsoft.ts';

export type ImportAnswer = { status: 202; gift: Record<string, unknown> } | { status: 400 | 500; message: string };

const READER_ERROR = 'Invalid request body (unable to deserialize model). Newtonsoft.Json.JsonReaderException: ';
const ISO_DATE = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?)?(Z|[+-]\d{2}:?\d{2})?$/;

function blank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value);
}

/** Json.NET converts numeric strings to decimal; anything else in a string fails. */
function notConvertible(raw: string, body: Record<string, unknown>): string | undefined {
  const checks: Array<[string, 'decimal' | 'DateTime', (value: string) => boolean]> = [
    ['amount', 'decimal', (value) => value.trim() !== '' && Number.isFinite(Number(value))],
    ['receivedDate', 'DateTime', (value) => ISO_DATE.test(value.trim()) && !Number.isNaN(Date.parse(value))],
  ];
  for (const [property, type, converts] of checks) {
    const value = body[property];
    if (typeof value === 'string' && !converts(value)) {
      const { line, position } = positionAt(raw, valueEnd(raw, property) ?? raw.length);
      return UPSTREAM_MESSAGE.notConvertible(type, value, property, line, position);
    }
    if (typeof value === 'boolean' || (typeof value === 'object' && value !== null)) {
      const { line, position } = positionAt(raw, valueEnd(raw, property) ?? raw.length);
      const token = typeof value === 'boolean' ? 'Boolean' : Array.isArray(value) ? 'StartArray' : 'StartObject';
      return `${READER_ERROR}Error reading ${type}. Unexpected token: ${token}. Path '${property}', line ${line}, position ${position}.`;
    }
  }
  return undefined;
}

export function answerImport(
  raw: string,
  imported: ReadonlySet<string>,
  mapping: Readonly<Record<string, string>>,
  poisoned: ReadonlySet<string> = new Set(),
): ImportAnswer {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (error) {
    const { line, position } = positionAt(raw, parseErrorIndex(error, raw));
    return {
      status: 400,
      message: `${READER_ERROR}Unexpected character encountered while parsing value. Path '', line ${line}, position ${position}.`,
    };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return {
      status: 400,
      message: `${READER_ERROR}Cannot deserialize the current JSON value into type 'GiftImportRequest'. Path '', line 1, position 1.`,
    };
  }
  const body = parsed as Record<string, unknown>;
  const conversion = notConvertible(raw, body);
  if (conversion) return { status: 400, message: conversion };

  const transactionId = text(body.transactionId).trim();
  if (transactionId === '' || transactionId.startsWith('-')) return { status: 400, message: UPSTREAM_MESSAGE.transactionIdMissing };
  if (!(Number(body.amount) > 0)) return { status: 400, message: UPSTREAM_MESSAGE.amountNotPositive };
  if (!(Number(body.financialAccountId) > 0)) return { status: 400, message: UPSTREAM_MESSAGE.financialAccountMissing };

  const hasContact = !blank(body.imisId) || (!blank(body.firstName) && !blank(body.lastName)) || !blank(body.company);
  if (!hasContact) return { status: 400, message: UPSTREAM_MESSAGE.contactRequired };

  const campaign = text(body.campaignCode).trim();
  const mapped = blank(body.distribution) ? mapping[campaign] : undefined;
  if (blank(body.distribution) && mapped === undefined) return { status: 400, message: UPSTREAM_MESSAGE.fundRequired };

  if (imported.has(transactionId)) return { status: 400, message: UPSTREAM_MESSAGE.duplicate(transactionId) };

  // The reference gives no message for an over-long value; a real insert into a sized column fails with a 500.
  // Lengths in UTF-16 code units, as .NET and SQL Server's nvarchar count them: an emoji is two.
  for (const field of Object.keys(MAX_LENGTH) as TextField[]) {
    if (text(body[field]).length > MAX_LENGTH[field]) return { status: 500, message: UPSTREAM_MESSAGE.internalError };
  }
  // A test knob: a value the database cannot store, whatever the cause.
  if (poisoned.has(transactionId)) return { status: 500, message: UPSTREAM_MESSAGE.internalError };

  // A mapped campaign is "consumed": it becomes the distribution and is blank when written to iMIS.
  const gift = mapped === undefined ? { ...body } : { ...body, distribution: mapped, campaignCode: '' };
  return { status: 202, gift };
}
