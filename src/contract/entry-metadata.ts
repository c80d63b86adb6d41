/**
 * Facts about how a gift was entered, kept in our journal and never sent upstream:
 * who entered it (the iMIS page reports the logged-in staff member's party ID; the
 * proxy does not verify it — caller keys and origins remain the gate), and the
 * donor's name as the page showed it when the donor was picked by iMIS ID.
 */
import * as z from 'zod/mini';
import { textChecks } from './gift-schema.ts';

export const ENTERED_BY_MESSAGE = 'enteredBy must be an iMIS party ID: at most 10 letters or digits';

export const enteredBySchema = z.optional(z.string(ENTERED_BY_MESSAGE).check(z.trim(), z.regex(/^[A-Za-z0-9]{1,10}$/, ENTERED_BY_MESSAGE)));

export const DONOR_NAME_MAX_LENGTH = 100;
export const DONOR_NAME_MESSAGES = {
  type: 'donorName must be text',
  tooLong: `donorName must be ${DONOR_NAME_MAX_LENGTH} characters or fewer`,
  character: 'donorName contains a character that cannot be kept: a control character, a text-direction override or half of an emoji',
} as const;

export const donorNameSchema = z.optional(
  z
    .string(DONOR_NAME_MESSAGES.type)
    .check(...textChecks(DONOR_NAME_MAX_LENGTH, DONOR_NAME_MESSAGES.tooLong, DONOR_NAME_MESSAGES.character)),
);

/** What the journal shows in place of donor details once the retention period has passed. */
export const REDACTED_DONOR = '(donor details removed)';
