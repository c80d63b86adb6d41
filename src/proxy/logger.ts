/**
 * Structured log lines (one JSON object per line). Gifts are logged by
 * transactionId only; the token, caller keys and donor details never appear,
 * and any secret that slips into a message is masked before the line is written.
 */
export type LogFields = Record<string, string | number | boolean | undefined>;
export type LogLevel = 'info' | 'warn' | 'error';
export type Log = (level: LogLevel, event: string, fields?: LogFields) => void;

// Field names that could carry a secret or a donor's details: dropped whatever their value.
const NEVER_LOGGED = /token|authorization|key|password|secret|email|name|address|phone|company|notes|city|zip|imisid|softcredit/i;

/**
 * The one list of values never written anywhere — log lines, stored or served upstream
 * messages alike: the upstream token, every caller key, the admin token, iMIS's client secret.
 */
export function secretsOf(config: {
  upstreamToken: string;
  callerKeys: readonly string[];
  adminTokens: readonly string[];
  signIn?: { clientSecret: string } | undefined;
}): string[] {
  return [config.upstreamToken, ...config.callerKeys, ...config.adminTokens, ...(config.signIn ? [config.signIn.clientSecret] : [])];
}

/** Replaces each secret anywhere in a text with [redacted]. */
export function secretMasker(secrets: readonly string[]): (text: string) => string {
  // Longest first, so a secret that contains another is masked whole.
  const masks = secrets.filter((secret) => secret.length >= 4).sort((a, b) => b.length - a.length);
  return (text) => masks.reduce((masked, secret) => masked.split(secret).join('[redacted]'), text);
}

export function createLogger(secrets: readonly string[], write: (line: string) => void = (line) => process.stdout.write(`${line}\n`)): Log {
  const mask = secretMasker(secrets);
  return (level, event, fields = {}) => {
    const entry: Record<string, string | number | boolean> = { time: new Date().toISOString(), level, event };
    for (const [name, value] of Object.entries(fields)) {
      if (value === undefined) continue;
      entry[name] = NEVER_LOGGED.test(name) ? '[redacted]' : value;
    }
    write(mask(JSON.stringify(entry)));
  };
}

/** `text` with each of `values` (a donor's own details, say) replaced: for upstream words that may echo them. */
export function maskValues(text: string, values: readonly string[]): string {
  let masked = text;
  // Longest first, so a name inside an address is not half-masked; very short values would mask ordinary words.
  for (const value of [...new Set(values.map((v) => v.trim()))].filter((v) => v.length >= 3).sort((a, b) => b.length - a.length)) {
    masked = masked.split(value).join('[redacted]');
  }
  return masked;
}
