/**
 * The operator endpoints' paths and headers, shared by the proxy (routes/admin.ts) and
 * the backup command (src/ops/backup.ts) without pulling the server into the command.
 */
export const ADMIN_PATHS = { backup: '/admin/backup', metrics: '/metrics' } as const;

/** How many gifts a backup holds, so the backup command can say so. */
export const BACKUP_GIFT_COUNT_HEADER = 'X-Gift-Count';

/**
 * The journal's retention period in days (or `off`): the backup command applies the journal's
 * own retention rule to every backup it keeps with the period the running proxy uses.
 */
export const BACKUP_RETENTION_DAYS_HEADER = 'X-Gift-Retention-Days';
