/**
 * The operator endpoints' paths and headers, shared by the proxy (routes/admin.ts) and
 * the backup command (src/ops/backup.ts) without pulling the server into the command.
 */
export const ADMIN_PATHS = { backup: '/admin/backup', metrics: '/metrics' } as const;

/** How many gifts a backup holds, so the backup command can say so. */
export const BACKUP_GIFT_COUNT_HEADER = 'X-Gift-Count';
