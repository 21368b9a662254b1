import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { open, rename, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export { ensurePrivateDir, ensurePrivateDirSync } from './private-dir.js';

export interface AtomicWriteOptions {
  /** Mode of the new file; 0600 unless said otherwise, since most of what we write is private. */
  mode?: number;
  /**
   * Runs after the temp file is complete and synced, just before it replaces the target. Tests use
   * it to stop the process where a crash would hurt most; production code leaves it unset.
   */
  beforeRename?: (tempPath: string) => Promise<void> | void;
}

const isWindows = process.platform === 'win32';

/**
 * Replaces `path` with `data` so that readers and crashes only ever see the old or the new
 * content: a private temp file in the same directory, synced, then renamed over the target.
 */
export async function writeFileAtomic(
  path: string,
  data: string | Buffer,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const mode = options.mode ?? 0o600;
  const dir = dirname(path);
  const tempPath = join(dir, `.${basename(path)}.${randomBytes(8).toString('hex')}.tmp`);
  let handle: FileHandle | undefined;
  try {
    // O_EXCL: never write through a file (or symlink) someone else planted under our temp name.
    handle = await open(tempPath, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, mode);
    // The umask may have cleared bits the caller asked for; set the mode exactly.
    if (!isWindows) await handle.chmod(mode);
    await handle.writeFile(data);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await options.beforeRename?.(tempPath);
    await renameWithRetry(tempPath, path);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await unlink(tempPath).catch(() => undefined);
    throw error;
  }
  await syncDirectory(dir);
}

/** Windows refuses a rename while an antivirus scanner or indexer briefly holds the target. */
async function renameWithRetry(from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await rename(from, to);
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const transient = code === 'EPERM' || code === 'EACCES' || code === 'EBUSY';
      if (!isWindows || !transient || attempt >= 10) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 * (attempt + 1)));
    }
  }
}

/** Makes the rename itself durable. Windows cannot open a directory for syncing, hence best effort. */
async function syncDirectory(dir: string): Promise<void> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // Some filesystems (and Windows) cannot sync a directory; the data itself is already synced.
    if (!isWindows && code !== 'EINVAL' && code !== 'ENOTSUP' && code !== 'EISDIR') throw error;
  } finally {
    await handle?.close().catch(() => undefined);
  }
}
