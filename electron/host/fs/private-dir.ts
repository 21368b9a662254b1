import { chmodSync, mkdirSync, statSync, type Stats } from 'node:fs';
import { chmod, mkdir, stat } from 'node:fs/promises';
import { FsError } from './fs-error.js';

const isPosix = process.platform !== 'win32';

/**
 * Creates `path` (and missing parents) as 0700, and tightens an existing directory that other
 * users could read. Windows has no mode bits worth setting; the profile directory's ACL applies.
 */
export async function ensurePrivateDir(path: string): Promise<void> {
  try {
    await mkdir(path, { recursive: true, mode: 0o700 });
  } catch (error) {
    throw asNotADirectory(path, error);
  }
  if (needsChmod(path, await stat(path))) await chmod(path, 0o700);
}

/** The same, for code that must stay synchronous (the conf-backed settings store). */
export function ensurePrivateDirSync(path: string): void {
  try {
    mkdirSync(path, { recursive: true, mode: 0o700 });
  } catch (error) {
    throw asNotADirectory(path, error);
  }
  if (needsChmod(path, statSync(path))) chmodSync(path, 0o700);
}

function needsChmod(path: string, info: Stats): boolean {
  if (!info.isDirectory()) throw asNotADirectory(path);
  if (!isPosix) return false;
  // A directory someone else owns could be swapped or read by them, so refuse rather than use it.
  const uid = process.getuid?.();
  if (uid !== undefined && info.uid !== uid) {
    throw new FsError(
      'not_owned',
      `${path} belongs to another user. Remove it or point TUNEBRIDGE_HOME at a folder you own.`,
    );
  }
  return (info.mode & 0o777) !== 0o700;
}

function asNotADirectory(path: string, cause?: unknown): unknown {
  const code = (cause as NodeJS.ErrnoException | undefined)?.code;
  if (cause !== undefined && code !== 'EEXIST' && code !== 'ENOTDIR') return cause;
  return new FsError(
    'not_a_directory',
    `${path} exists but is not a directory. Move it aside so TuneBridge can create its folder there.`,
    { cause },
  );
}
