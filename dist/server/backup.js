// src/ops/backup.ts
import { createWriteStream, existsSync } from "node:fs";
import { mkdir, open, rename, rm } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";

// src/proxy/admin-api.ts
var ADMIN_PATHS = { backup: "/admin/backup", metrics: "/metrics" };
var BACKUP_GIFT_COUNT_HEADER = "X-Gift-Count";

// src/ops/backup.ts
var SQLITE_MAGIC = "SQLite format 3\0";
var BackupError = class extends Error {
};
async function saveBackup(env, output) {
  if (!output) throw new BackupError("Name the file to write: npm run backup -- /var/backups/gift-proxy/gifts-2026-11-23.db");
  const file = resolve(output);
  if (existsSync(file)) throw new BackupError(`${file} already exists; name a new file so no earlier backup is overwritten.`);
  const token = env.GIFT_ADMIN_TOKEN?.trim();
  if (!token) throw new BackupError("Set GIFT_ADMIN_TOKEN to the proxy's admin token (the same value as in the proxy's environment).");
  const base = (env.PROXY_URL?.trim() || "http://127.0.0.1:8787").replace(/\/+$/, "");
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
    return { file, bytes: size, gifts: Number(response.headers.get(BACKUP_GIFT_COUNT_HEADER) ?? Number.NaN) };
  } catch (error) {
    await rm(partial, { force: true });
    if (error instanceof BackupError) throw error;
    throw new BackupError(`The backup could not be saved to ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
var invokedDirectly = process.argv[1] !== void 0 && /(?:^|[\\/])(?:backup)\.(?:ts|js)$/.test(process.argv[1]);
if (invokedDirectly) {
  try {
    const saved = await saveBackup(process.env, process.argv[2]);
    process.stdout.write(
      `Saved ${saved.gifts} gift${saved.gifts === 1 ? "" : "s"} (${(saved.bytes / 1024).toFixed(0)} KB) to ${saved.file}
`
    );
  } catch (error) {
    process.stderr.write(`${error instanceof BackupError ? error.message : `Backup failed: ${String(error)}`}
`);
    process.exit(1);
  }
}
export {
  BackupError,
  saveBackup
};
