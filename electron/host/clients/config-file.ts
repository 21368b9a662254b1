import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { writeFileAtomic } from '../fs/atomic-write.js';
import { ClientConfigError } from './client-config-error.js';
import type { ConfigFormat } from './config-format.js';
import { resolveConfigLink } from './config-link.js';

export interface ConfigSnapshot {
  /** The file actually written: a symlinked config (dotfile managers) is edited where it lives. */
  path: string;
  /** Set when `path` was reached through a symbolic link at this path. */
  linkedFrom?: string;
  text: string | undefined;
  mode: number | undefined;
  hash: string;
}

export interface UpdateHooks {
  /** Tests: runs after each read, to change the file behind our back. */
  afterRead?: (attempt: number) => Promise<void> | void;
  /** Tests: runs with the complete temp file just before the rename, to crash there. */
  beforeRename?: (tempPath: string) => Promise<void> | void;
  now?: () => Date;
  /** The person's home: a symlinked config is followed only to a file of theirs inside it. */
  home?: string;
}

export interface UpdateOutcome<T> {
  result: T;
  path: string;
  linkedFrom?: string;
  written: boolean;
  backupPath?: string;
}

const MAX_ATTEMPTS = 5;
const isWindows = process.platform === 'win32';

class ChangedUnderneath extends Error {}

export async function readSnapshot(path: string, home?: string): Promise<ConfigSnapshot> {
  const real = await resolveConfigLink(path, home);
  let text: string | undefined;
  let mode: number | undefined;
  try {
    text = await readFile(real, 'utf8');
    mode = (await stat(real)).mode & 0o7777;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') throw unreadable(path, error);
  }
  return {
    path: real,
    linkedFrom: real === path ? undefined : path,
    text,
    mode,
    hash: hashOf(text),
  };
}

/**
 * Read, change, write — without losing anyone else's edit. The new text goes to a temp file
 * (synced) and is renamed over the config; just before the rename the file is read again, and if
 * it changed since we read it (the client saved its own settings), we start over from the new
 * content. The bytes replaced are kept beside the file as `<name>.tunebridge-backup-<time>`, and
 * the file keeps its permissions. `change` returns undefined when nothing needs writing.
 */
export async function updateConfigFile<T>(
  path: string,
  change: (text: string | undefined) => { text: string; result: T } | undefined,
  hooks: UpdateHooks = {},
): Promise<UpdateOutcome<T | undefined>> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const snapshot = await readSnapshot(path, hooks.home);
    await hooks.afterRead?.(attempt);
    const changed = change(snapshot.text);
    const { linkedFrom } = snapshot;
    if (!changed) return { result: undefined, path: snapshot.path, linkedFrom, written: false };
    assertWritable(path, snapshot);
    const { text } = changed;
    let backupPath: string | undefined;
    try {
      // Folders we create hold a client key's file: private to the person.
      await mkdir(dirname(snapshot.path), { recursive: true, mode: 0o700 });
      await writeFileAtomic(snapshot.path, text, {
        // The file will hold a client key: keep the owner's bits, take group and others away.
        mode: ownerOnly(snapshot.mode),
        beforeRename: async (tempPath) => {
          const current = await readFile(snapshot.path, 'utf8').catch(() => undefined);
          if (hashOf(current) !== snapshot.hash) throw new ChangedUnderneath();
          if (snapshot.text !== undefined) {
            backupPath = backupName(snapshot.path, hooks.now?.() ?? new Date());
            await writeFileAtomic(backupPath, snapshot.text, { mode: ownerOnly(snapshot.mode) });
          }
          await hooks.beforeRename?.(tempPath);
        },
      });
    } catch (error) {
      if (error instanceof ChangedUnderneath) continue;
      throw unwritable(path, error);
    }
    await pruneBackups(snapshot.path);
    return { result: changed.result, path: snapshot.path, linkedFrom, written: true, backupPath };
  }
  throw new ClientConfigError(
    'config_busy',
    `${path} kept changing while TuneBridge tried to update it. Close the app that is writing it and try again.`,
    { path },
  );
}

/** Fails as an update would — broken file, odd shape, read-only, foreign link — without writing. */
export async function checkEditable(
  path: string,
  format: ConfigFormat,
  home?: string,
): Promise<void> {
  const snapshot = await readSnapshot(path, home);
  format.servers(snapshot.text, path);
  assertWritable(path, snapshot);
}

function assertWritable(path: string, snapshot: ConfigSnapshot): void {
  // A read-only config is the person's choice (or their dotfile manager's): we do not override it,
  // even though a rename would succeed.
  if (snapshot.mode !== undefined && !isWindows && (snapshot.mode & 0o200) === 0) {
    throw new ClientConfigError(
      'config_read_only',
      `${path} is read-only, so TuneBridge did not change it. Make it writable (chmod u+w) and connect again, or add the entry by hand.`,
      { path },
    );
  }
}

function unreadable(path: string, error: unknown): ClientConfigError {
  const code = (error as NodeJS.ErrnoException).code ?? 'error';
  return new ClientConfigError(
    'config_unwritable',
    `TuneBridge could not read ${path} (${code}). Check its permissions and try again.`,
    { path },
    { cause: error },
  );
}

function unwritable(path: string, error: unknown): Error {
  if (error instanceof ClientConfigError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return new ClientConfigError(
      code === 'EROFS' ? 'config_read_only' : 'config_unwritable',
      `TuneBridge may not write ${path} or its folder (${code}); the file is unchanged. Fix the permissions and connect again, or add the entry by hand.`,
      { path },
      { cause: error },
    );
  }
  return error instanceof Error ? error : new Error(String(error));
}

/** Backups may hold older keys; a few are enough to undo a bad edit. */
const BACKUPS_KEPT = 3;

function ownerOnly(mode: number | undefined): number {
  return (mode ?? 0o600) & 0o700;
}

async function pruneBackups(path: string): Promise<void> {
  const prefix = `${basename(path)}.tunebridge-backup-`;
  const names = (await readdir(dirname(path)).catch(() => [] as string[]))
    .filter((name) => name.startsWith(prefix))
    .sort();
  for (const name of names.slice(0, Math.max(0, names.length - BACKUPS_KEPT))) {
    await rm(join(dirname(path), name), { force: true });
  }
}

export function backupName(path: string, at: Date): string {
  const stamp = at.toISOString().replace(/[-:]/g, '');
  return `${path}.tunebridge-backup-${stamp}`;
}

function hashOf(text: string | undefined): string {
  return text === undefined ? 'missing' : createHash('sha256').update(text).digest('hex');
}
