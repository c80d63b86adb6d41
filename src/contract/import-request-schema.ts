/**
 * The upstream Gift Import Request: the staff-typed gift plus the deployment's
 * financial account. Server-side only (the browser never sees the account), so
 * it lives apart from gift-schema.ts and stays out of the widget bundle.
 */
import * as z from 'zod/mini';
import { giftShape, MESSAGES, strict, withGiftRules } from './gift-schema.ts';

/** The upstream Gift Import Request: all 23 properties, exactly as the reference names them. */
export const giftImportRequestSchema = withGiftRules(
  z.strictObject(
    {
      ...giftShape,
      financialAccountId: z.int(MESSAGES.financialAccount).check(z.gt(0, MESSAGES.financialAccount)),
    },
    strict,
  ),
);
export type GiftImportRequest = z.infer<typeof giftImportRequestSchema>;
