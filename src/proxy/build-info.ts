/**
 * Which release is running, for the start line and /metrics: package.json's version
 * and, on a server deployed by `git clone` as README describes, the commit checked out.
 * Both files sit two levels above this module in src/proxy/ and in dist/server/ alike.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JOURNAL_SCHEMA_VERSION } from './journal-schema.ts';

export interface BuildInfo {
  version: string;
  /** Short commit hash, or "unknown" outside a git checkout. */
  commit: string;
  node: string;
  schemaVersion: number;
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function read(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** The checked-out commit, read from .git's files (a worktree's .git is a file naming its directory). */
function commit(): string {
  const dotGit = join(ROOT, '.git');
  const pointer = read(dotGit);
  const gitDir = pointer?.startsWith('gitdir: ') ? resolve(ROOT, pointer.slice(8).trim()) : dotGit;
  const commonDir = resolve(gitDir, read(join(gitDir, 'commondir'))?.trim() ?? '.');
  const head = read(join(gitDir, 'HEAD'))?.trim();
  if (!head) return 'unknown';
  if (!head.startsWith('ref: ')) return head.slice(0, 12);
  const ref = head.slice(5);
  const loose = read(join(gitDir, ref)) ?? read(join(commonDir, ref));
  const packed = read(join(commonDir, 'packed-refs'))
    ?.split('\n')
    .find((line) => line.endsWith(` ${ref}`))
    ?.split(' ')[0];
  return (loose?.trim() ?? packed ?? 'unknown').slice(0, 12);
}

let cached: BuildInfo | undefined;

export function buildInfo(): BuildInfo {
  if (cached) return cached;
  let version = 'unknown';
  try {
    version = (JSON.parse(read(join(ROOT, 'package.json')) ?? '{}') as { version?: string }).version ?? 'unknown';
  } catch {
    /* keep "unknown" */
  }
  cached = { version, commit: commit(), node: process.version, schemaVersion: JOURNAL_SCHEMA_VERSION };
  return cached;
}
