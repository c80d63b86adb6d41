/**
 * The transactionId rule. The reference contradicts itself (a "numeric code, not
 * to exceed 16 characters", a string of up to 255, "random alphanumeric, at least
 * 8, prefixed"); 8–16 letters or digits satisfies every reading, and by default we
 * generate digits only, which also survives a numeric column on the iMIS side.
 */
export const TRANSACTION_ID_MIN_LENGTH = 8;
export const TRANSACTION_ID_MAX_LENGTH = 16;
export const TRANSACTION_ID_PATTERN = new RegExp(`^[A-Za-z0-9]{${TRANSACTION_ID_MIN_LENGTH},${TRANSACTION_ID_MAX_LENGTH}}$`);
export const TRANSACTION_ID_PREFIX_MAX_LENGTH = 6;
export const TRANSACTION_ID_PREFIX_PATTERN = new RegExp(`^[A-Za-z0-9]{0,${TRANSACTION_ID_PREFIX_MAX_LENGTH}}$`);

export const TRANSACTION_ID_MESSAGE = `Transaction ID must be ${TRANSACTION_ID_MIN_LENGTH} to ${TRANSACTION_ID_MAX_LENGTH} letters or digits`;
export const TRANSACTION_ID_PREFIX_MESSAGE = `Transaction ID prefix must be at most ${TRANSACTION_ID_PREFIX_MAX_LENGTH} letters or digits`;

/**
 * A new transactionId: the prefix, then random digits from a cryptographic source up
 * to 16 characters. With a prefix of at most 6 that is at least 10 random digits
 * (33 bits); with none, 16 (53 bits). Never starts with 0, so a numeric column keeps it.
 */
export function newTransactionId(prefix = ''): string {
  if (!TRANSACTION_ID_PREFIX_PATTERN.test(prefix)) throw new RangeError(TRANSACTION_ID_PREFIX_MESSAGE);
  const wanted = TRANSACTION_ID_MAX_LENGTH - prefix.length;
  let digits = '';
  while (digits.length < wanted) {
    const bytes = crypto.getRandomValues(new Uint8Array(wanted * 2));
    for (const byte of bytes) {
      // 250 is the largest multiple of 10 below 256: rejecting the rest keeps digits uniform.
      if (byte >= 250) continue;
      const digit = byte % 10;
      if (prefix.length + digits.length === 0 && digit === 0) continue;
      digits += String(digit);
      if (digits.length === wanted) break;
    }
  }
  return prefix + digits;
}
