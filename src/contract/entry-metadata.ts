/**
 * Facts about how a gift was entered, kept in our journal and never sent upstream:
 * who entered it (the iMIS page reports the logged-in staff member's party ID; the
 * proxy does not verify it — caller keys and origins remain the gate).
 */
import * as z from 'zod/mini';

export const ENTERED_BY_MESSAGE = 'enteredBy must be an iMIS party ID: at most 10 letters or digits';

export const enteredBySchema = z.optional(z.string(ENTERED_BY_MESSAGE).check(z.trim(), z.regex(/^[A-Za-z0-9]{1,10}$/, ENTERED_BY_MESSAGE)));

/** What the journal shows in place of donor details once the retention period has passed. */
export const REDACTED_DONOR = '(donor details removed)';
