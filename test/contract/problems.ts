/** A valid gift (the reference's own example, trimmed) and the first message per field a schema gives. */
import * as z from 'zod/mini';
import { giftSubmissionSchema, type GiftSubmission } from '../../src/contract/index.ts';

export const VALID_GIFT: GiftSubmission = {
  transactionId: '900000004',
  amount: 12.34,
  firstName: 'Bob',
  lastName: 'McTester',
  emailAddress: 'bmctester@example.org',
  distribution: 'BMOC',
};

/** field → first message, as staff would see them. */
export function problems(input: unknown, schema: z.ZodMiniType = giftSubmissionSchema): Record<string, string> {
  const result = z.safeParse(schema, input);
  if (result.success) return {};
  const byField: Record<string, string> = {};
  for (const issue of result.error.issues) byField[String(issue.path[0] ?? '')] ??= issue.message;
  return byField;
}
