// src/ops/backup.ts
import { createWriteStream, existsSync, statSync } from "node:fs";
import { mkdir, open, rename, rm } from "node:fs/promises";
import { basename, dirname, join as join2, resolve } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";

// src/proxy/admin-api.ts
var ADMIN_PATHS = { backup: "/admin/backup", metrics: "/metrics" };
var BACKUP_GIFT_COUNT_HEADER = "X-Gift-Count";
var BACKUP_RETENTION_DAYS_HEADER = "X-Gift-Retention-Days";

// src/ops/backup-retention.ts
import Database from "better-sqlite3";
import { readdirSync, rmSync } from "node:fs";
import { join } from "node:path";

// src/contract/gift-fields.ts
var RECONCILIATION_FIELDS = /* @__PURE__ */ new Set([
  "transactionId",
  "amount",
  "financialAccountId",
  "distribution",
  "campaignCode",
  "appealCode",
  "receivedDate"
]);

// src/proxy/journal-retention.ts
function retentionCutoff(days, now = Date.now()) {
  return new Date(now - days * 864e5).toISOString();
}
function reconciliationOnly(json) {
  const kept = Object.entries(JSON.parse(json)).map(([field, value]) => [
    field,
    RECONCILIATION_FIELDS.has(field) ? value : ""
  ]);
  return JSON.stringify(Object.fromEntries(kept));
}
function redactSettledGifts(db, cutoff) {
  const rows = db.prepare(`SELECT transaction_id, request FROM gifts WHERE redacted = 0 AND status IN ('accepted', 'rejected') AND created_at < ?`).all(cutoff);
  const update = db.prepare(`UPDATE gifts SET request = ?, donor_name = NULL, redacted = 1 WHERE transaction_id = ?`);
  db.transaction(() => {
    for (const row of rows) update.run(reconciliationOnly(row.request), row.transaction_id);
  })();
  return rows.length;
}
function redactPostedBatchRows(db, cutoff) {
  const rows = db.prepare(
    `SELECT g.seq, g.gift FROM batch_gifts g JOIN batches b ON b.id = g.batch_id
       WHERE g.redacted = 0 AND b.state = 'posted' AND b.posted_at < ?`
  ).all(cutoff);
  const update = db.prepare("UPDATE batch_gifts SET gift = ?, donor_name = NULL, redacted = 1 WHERE seq = ?");
  db.transaction(() => {
    for (const row of rows) update.run(reconciliationOnly(row.gift), row.seq);
  })();
  return rows.length;
}

// src/ops/backup-retention.ts
var OWN_BACKUP = /^gifts-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z\.db$/;
var UPGRADE_COPY = /^gifts-before-upgrade-\d{8}T\d{6}Z\.db$/;
function backupFileName(at) {
  return `gifts-${at.toISOString().replace(/[-:]|\.\d+/g, "")}.db`;
}
function takenAt(name) {
  const parts = OWN_BACKUP.exec(name);
  if (!parts) return void 0;
  const [, year, month, day, hour, minute, second] = parts.map(Number);
  return Date.UTC(year, month - 1, day, hour, minute, second);
}
function pruneBackups(dir, keepDays, spare, now = Date.now()) {
  const oldest = now - keepDays * 864e5;
  const pruned = [];
  for (const name of readdirSync(dir).sort()) {
    const at = takenAt(name);
    if (at === void 0 || name === spare || at >= oldest) continue;
    rmSync(join(dir, name));
    pruned.push(name);
  }
  return pruned;
}
function keptBackups(dir) {
  return readdirSync(dir).filter((name) => OWN_BACKUP.test(name) || UPGRADE_COPY.test(name)).sort().map((name) => join(dir, name));
}
function hasColumn(db, table, column) {
  return db.pragma(`table_info(${table})`).some((c) => c.name === column);
}
function redactBackup(file, retentionDays, compact, now = Date.now()) {
  const cutoff = retentionCutoff(retentionDays, now);
  const db = new Database(file, { fileMustExist: true, timeout: 1e3 });
  try {
    if (!hasColumn(db, "gifts", "redacted")) return { gifts: 0, batchRows: 0 };
    db.pragma("secure_delete = ON");
    const gifts = redactSettledGifts(db, cutoff);
    const batchRows = hasColumn(db, "batch_gifts", "redacted") ? redactPostedBatchRows(db, cutoff) : 0;
    if (compact || gifts > 0 || batchRows > 0) db.exec("VACUUM");
    return { gifts, batchRows };
  } finally {
    db.close();
  }
}

// src/ops/backup.ts
var DEFAULT_KEEP_DAYS = 14;
var SQLITE_MAGIC = "SQLite format 3\0";
var BackupError = class extends Error {
};
function isDirectoryTarget(output) {
  if (/[\\/]$/.test(output)) return true;
  try {
    return statSync(output).isDirectory();
  } catch {
    return false;
  }
}
function freeName(folder, now = Date.now()) {
  let at = now;
  while (existsSync(join2(folder, backupFileName(new Date(at))))) at += 1e3;
  return join2(folder, backupFileName(new Date(at)));
}
async function saveBackup(env, output) {
  if (!output) throw new BackupError("Name the folder to write to: npm run backup -- /var/backups/gift-proxy/");
  const file = isDirectoryTarget(output) ? freeName(resolve(output)) : resolve(output);
  if (existsSync(file)) throw new BackupError(`${file} already exists; name a new file so no earlier backup is overwritten.`);
  const token = env.GIFT_ADMIN_TOKEN?.trim();
  if (!token) throw new BackupError("Set GIFT_ADMIN_TOKEN to the proxy's admin token (the same value as in the proxy's environment).");
  const base = (env.PROXY_URL?.trim() || `http://127.0.0.1:${env.PORT?.trim() || "8787"}`).replace(/\/+$/, "");
  let response;
  try {
    response = await fetch(`${base}${ADMIN_PATHS.backup}`, { method: "POST", headers: { Authorization: `Bearer ${token}` } });
  } catch {
    throw new BackupError(`No proxy answered at ${base}: is it running? Set PROXY_URL if it listens elsewhere.`);
  }
  if (!response.ok || !response.body) {
    const text = await response.text().catch(() => "");
    let message = text.slice(0, 300);
    try {
      message = JSON.parse(text).message ?? message;
    } catch {
    }
    throw new BackupError(`The proxy refused the backup (HTTP ${response.status}): ${message || "no reason given"}`);
  }
  const partial = `${file}.partial`;
  try {
    await mkdir(dirname(file), { recursive: true, mode: 448 });
    await pipeline(Readable.fromWeb(response.body), createWriteStream(partial, { mode: 384, flags: "wx" }));
    const handle = await open(partial, "r");
    const header = Buffer.alloc(SQLITE_MAGIC.length);
    const { size } = await handle.stat();
    await handle.read(header, 0, header.length, 0);
    await handle.close();
    if (header.toString("latin1") !== SQLITE_MAGIC)
      throw new BackupError(`What ${base} sent is not an SQLite database; nothing was saved.`);
    await rename(partial, file);
    const retention = Number(response.headers.get(BACKUP_RETENTION_DAYS_HEADER) ?? Number.NaN);
    return {
      file,
      bytes: size,
      gifts: Number(response.headers.get(BACKUP_GIFT_COUNT_HEADER) ?? Number.NaN),
      retentionDays: Number.isInteger(retention) && retention >= 0 ? retention : void 0
    };
  } catch (error) {
    await rm(partial, { force: true });
    if (error instanceof BackupError) throw error;
    throw new BackupError(`The backup could not be saved to ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
function keepDaysOf(env, args) {
  const given = args.find((arg) => arg.startsWith("--keep-days="))?.slice("--keep-days=".length) ?? env.BACKUP_KEEP_DAYS?.trim();
  if (given === void 0 || given === "") return DEFAULT_KEEP_DAYS;
  if (!/^\d{1,5}$/.test(given))
    throw new BackupError(`The keep period must be a whole number of days, like --keep-days=14 (got "${given}").`);
  return Number(given);
}
function keepBackups(saved, keepDays, now = Date.now()) {
  const dir = dirname(saved.file);
  const lines = [];
  const pruned = pruneBackups(dir, keepDays, basename(saved.file), now);
  if (pruned.length > 0)
    lines.push(`Deleted ${pruned.length} backup${pruned.length === 1 ? "" : "s"} older than ${keepDays} days: ${pruned.join(", ")}`);
  if (saved.retentionDays === void 0) return lines;
  let gifts = 0;
  let rows = 0;
  const files = /* @__PURE__ */ new Set([saved.file, ...keptBackups(dir)]);
  for (const file of files) {
    try {
      const done = redactBackup(file, saved.retentionDays, file === saved.file, now);
      gifts += done.gifts;
      rows += done.batchRows;
    } catch (error) {
      throw new BackupError(
        `The journal's retention period could not be applied to ${file}: ${error instanceof Error ? error.message : String(error)}. It may still hold donor details the journal has cleared: make it writable by this user, or delete it.`
      );
    }
  }
  lines.push(
    `Retention (${saved.retentionDays} days, as the journal): ${gifts} gift${gifts === 1 ? "" : "s"} and ${rows} batch row${rows === 1 ? "" : "s"} redacted across ${files.size} backup${files.size === 1 ? "" : "s"}`
  );
  return lines;
}
var invokedDirectly = process.argv[1] !== void 0 && /(?:^|[\\/])(?:backup)\.(?:ts|js)$/.test(process.argv[1]);
if (invokedDirectly) {
  const args = process.argv.slice(2);
  try {
    const keepDays = keepDaysOf(process.env, args);
    const saved = await saveBackup(
      process.env,
      args.find((arg) => !arg.startsWith("--"))
    );
    process.stdout.write(
      `Saved ${saved.gifts} gift${saved.gifts === 1 ? "" : "s"} (${(saved.bytes / 1024).toFixed(0)} KB) to ${saved.file}
`
    );
    for (const line of keepBackups(saved, keepDays)) process.stdout.write(`${line}
`);
  } catch (error) {
    process.stderr.write(`${error instanceof BackupError ? error.message : `Backup failed: ${String(error)}`}
`);
    process.exit(1);
  }
}
export {
  BackupError,
  DEFAULT_KEEP_DAYS,
  keepBackups,
  keepDaysOf,
  saveBackup
};
