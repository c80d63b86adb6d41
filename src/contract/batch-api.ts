/**
 * The proxy's batch API, as schemas: a batch kept open at the proxy (review mode)
 * holds its gifts durably without sending them, until it is posted. Proxy-side
 * parsing only; the widget imports the types (and the plain rules of batch-model.ts).
 *
 * Routes (paths in proxy-routes.ts, PROXY_PATHS):
 *   POST   /api/batches                          batchSettingsSchema → 201 Batch
 *   GET    /api/batches?state=open               → { batches: BatchSummary[] } newest first
 *   GET    /api/batches/:id                      → Batch (rows carry their queue status once posted)
 *   PATCH  /api/batches/:id                      batchSettingsSchema (partial) → Batch; open batches only
 *   PUT    /api/batches/:id/gifts/:transactionId batchGiftInputSchema → Batch; adds or replaces one row
 *   DELETE /api/batches/:id/gifts/:transactionId → Batch
 *   POST   /api/batches/:id/post                 postBatchSchema → Batch; 409 unless count and total
 *                                                match the expected ones or a reason is given
 *   POST   /api/gifts/watch                      watchRequestSchema → { gifts: GiftRecord[] } (long-poll)
 */
import * as z from 'zod/mini';
import { enteredBySchema, donorNameSchema } from './entry-metadata.ts';
import { MAX_LENGTH } from './gift-fields.ts';
import { giftSubmissionSchema } from './gift-schema.ts';
import { BATCH_STATES } from './batch-model.ts';
import { giftRecordSchema, giftStatusSchema } from './proxy-api.ts';

export const BATCH_MESSAGES = {
  date: 'The batch’s received date must be a date like 2026-12-02, or blank for the day each gift is entered',
  count: 'The expected number of gifts must be a whole number from 0 to 10,000',
  total: 'The expected total must be a whole number of cents, 0 or more',
  name: 'A batch name must be at most 80 characters',
  reason: 'Say in at most 255 characters why the batch is posted although it does not match the stack',
} as const;

const code = (max: number) => z.string().check(z.trim(), z.maxLength(max));

export const batchDefaultsSchema = z.object({
  distribution: code(MAX_LENGTH.distribution),
  campaignCode: code(MAX_LENGTH.campaignCode),
  appealCode: code(MAX_LENGTH.appealCode),
  receivedDate: z.string().check(z.regex(/^(\d{4}-\d{2}-\d{2})?$/, BATCH_MESSAGES.date)),
});

export const batchExpectedSchema = z.object({
  count: z.optional(z.number().check(z.int(BATCH_MESSAGES.count), z.gte(0, BATCH_MESSAGES.count), z.lte(10_000, BATCH_MESSAGES.count))),
  totalCents: z.optional(z.number().check(z.int(BATCH_MESSAGES.total), z.gte(0, BATCH_MESSAGES.total))),
});

/** Opening a batch, or changing its defaults (one explicit action, journaled). */
export const batchSettingsSchema = z.object({
  name: z.optional(z.string().check(z.trim(), z.maxLength(80, BATCH_MESSAGES.name))),
  defaults: batchDefaultsSchema,
  expected: batchExpectedSchema,
  /** The staff member's party ID as the page reported it. */
  by: enteredBySchema,
});
export type BatchSettings = z.infer<typeof batchSettingsSchema>;
/** PATCH: whichever of name, defaults and expected are given replace the batch's own (each whole). */
export const batchSettingsPatchSchema = z.partial(batchSettingsSchema);
export type BatchSettingsPatch = z.infer<typeof batchSettingsPatchSchema>;

/** One row of an open batch, as the widget sends it: exactly the gift that will be posted. */
export const batchGiftInputSchema = z.object({
  gift: giftSubmissionSchema,
  donorName: donorNameSchema,
  enteredBy: enteredBySchema,
});

export const batchGiftSchema = z.object({
  transactionId: z.string(),
  gift: giftSubmissionSchema,
  donorName: z.optional(z.string()),
  enteredBy: z.optional(z.string()),
  addedAt: z.string(),
  updatedAt: z.string(),
  /** Once posted: the gift's state in the queue, as GET /api/gifts/:id reports it. */
  record: z.optional(giftRecordSchema),
});
export type BatchGift = z.infer<typeof batchGiftSchema>;

const batchHeadShape = {
  id: z.string(),
  name: z.string(),
  state: z.enum(BATCH_STATES),
  defaults: batchDefaultsSchema,
  expected: batchExpectedSchema,
  openedBy: z.optional(z.string()),
  openedAt: z.string(),
  updatedAt: z.string(),
  postedBy: z.optional(z.string()),
  postedAt: z.optional(z.string()),
  /** Given when posted although count or total did not match. */
  postReason: z.optional(z.string()),
};

export const batchSchema = z.object({ ...batchHeadShape, gifts: z.array(batchGiftSchema) });
export type Batch = z.infer<typeof batchSchema>;

export const batchSummarySchema = z.object({ ...batchHeadShape, count: z.number(), totalCents: z.number() });
export type BatchSummary = z.infer<typeof batchSummarySchema>;
export const batchListSchema = z.object({ batches: z.array(batchSummarySchema) });

export const postBatchSchema = z.object({
  by: enteredBySchema,
  reason: z.optional(z.string().check(z.trim(), z.minLength(1, BATCH_MESSAGES.reason), z.maxLength(255, BATCH_MESSAGES.reason))),
});
export type PostBatch = z.infer<typeof postBatchSchema>;

/** Long-poll: answered at once when a gift's status differs from the one the caller knows, else when one changes, else at waitMs. */
export const WATCH_MAX_GIFTS = 500;
export const WATCH_MAX_WAIT_MS = 25_000;
export const watchRequestSchema = z.object({
  known: z.record(z.string(), giftStatusSchema),
  waitMs: z.optional(z.number().check(z.int(), z.gte(0), z.lte(WATCH_MAX_WAIT_MS))),
});
export type WatchRequest = z.infer<typeof watchRequestSchema>;
export const watchResponseSchema = z.object({ gifts: z.array(giftRecordSchema) });
export type WatchResponse = z.infer<typeof watchResponseSchema>;
