/**
 * How a gift staff entered is read at the proxy, wherever it arrives: POST /api/gifts
 * (sent at once) or a row of an open batch (kept until the batch is posted). One place,
 * so both refuse the same mistakes with the same words: JSON only and small, the
 * journal metadata checked apart from the gift, no financialAccountId (the proxy adds
 * it), the contract's rules, and this organisation's transactionId prefix.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { readGiftBody } from './gift-body.ts';
import { bodyLimit } from 'hono/body-limit';
import * as z from 'zod/mini';
import {
  DONOR_NAME_MESSAGES,
  ENTERED_BY_MESSAGE,
  GIFT_FIELDS,
  donorNameSchema,
  enteredBySchema,
  giftSubmissionSchema,
  type GiftField,
  type GiftSubmission,
  type ProxyError,
} from '../contract/index.ts';
import type { ProxyConfig } from './config.ts';
import { problem } from './http-problem.ts';
import type { EntryMetadata } from './outbox.ts';

export const MAX_GIFT_BODY_BYTES = 16 * 1024;

/**
 * JSON, and under MAX_GIFT_BODY_BYTES: the type is checked first, since a header says it
 * and nothing of the body need be read. `what` names the body in the refusals.
 */
export function giftJsonBody(what: { a: string; the: string } = { a: 'A gift', the: 'the gift' }): MiddlewareHandler {
  const limit = bodyLimit({
    maxSize: MAX_GIFT_BODY_BYTES,
    onError: (c) => problem(c, 413, `${what.a} must be under ${MAX_GIFT_BODY_BYTES / 1024} KB of JSON; this one is larger.`),
  });
  return async (c, next) => {
    if (!/^application\/json\b/i.test(c.req.header('Content-Type') ?? '')) {
      return problem(c, 415, `Send ${what.the} as JSON with the header Content-Type: application/json.`);
    }
    return limit(c, next);
  };
}

/**
 * The body as a JSON object, or the problem saying why it is not one: read exactly as
 * sent (UTF-8 only, the amount checked on its JSON text; see gift-body.ts).
 */
export async function readJsonObject(
  c: Context,
  what = 'one gift',
  amountAt: readonly string[] = ['amount'],
): Promise<Record<string, unknown> | BodyProblem> {
  const read = readGiftBody(new Uint8Array(await c.req.arrayBuffer()), amountAt);
  if (!read.ok) return new BodyProblem(read.message, read.field);
  const body = read.value;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return new BodyProblem(`Send ${what} as a JSON object.`);
  return body as Record<string, unknown>;
}

/** Why a body could not be read: a 400 with this sentence (and the field, when it is one). */
export class BodyProblem {
  constructor(
    readonly message: string,
    readonly field?: GiftField,
  ) {}

  answer(c: Context): Response {
    return problem(c, 400, this.message, this.field ? { field: this.field } : {});
  }
}

function asField(segment: PropertyKey | undefined): GiftField | undefined {
  return (GIFT_FIELDS as readonly PropertyKey[]).includes(segment as PropertyKey) ? (segment as GiftField) : undefined;
}

export type Intake = { ok: true; gift: GiftSubmission; metadata: EntryMetadata } | { ok: false; error: ProxyError };

/** A gift as staff sent it, with its journal metadata (who entered it, the donor's name as shown), never sent upstream. */
export function readGiftEntry(
  giftBody: Record<string, unknown>,
  reportedBy: unknown,
  shownName: unknown,
  config: Pick<ProxyConfig, 'transactionIdPrefix'>,
): Intake {
  const enteredBy = z.safeParse(enteredBySchema, reportedBy);
  if (!enteredBy.success) return { ok: false, error: { message: ENTERED_BY_MESSAGE } };
  const donorName = z.safeParse(donorNameSchema, shownName);
  if (!donorName.success) return { ok: false, error: { message: donorName.error.issues[0]?.message ?? DONOR_NAME_MESSAGES.type } };
  if ('financialAccountId' in giftBody) {
    return {
      ok: false,
      error: {
        message: 'Leave out financialAccountId: the proxy adds the account configured for this organisation.',
        field: 'financialAccountId',
      },
    };
  }
  const parsed = z.safeParse(giftSubmissionSchema, giftBody);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => ({ message: issue.message, field: asField(issue.path[0]) }));
    return { ok: false, error: { message: problems[0]!.message, field: problems[0]!.field, problems } };
  }
  const gift = parsed.data;
  if (!gift.transactionId.startsWith(config.transactionIdPrefix)) {
    return {
      ok: false,
      error: {
        message: `Transaction ID must start with this organisation's prefix "${config.transactionIdPrefix}".`,
        field: 'transactionId',
      },
    };
  }
  return { ok: true, gift, metadata: { enteredBy: enteredBy.data, donorName: donorName.data || undefined } };
}
