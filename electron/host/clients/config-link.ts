import { lstat, realpath, stat } from 'node:fs/promises';
import { isAbsolute, relative } from 'node:path';
import { ClientConfigError } from './client-config-error.js';

/**
 * The file to read and write for a client's config. A config that is a symbolic link (dotfile
 * managers keep the real file in a repository) is followed only when its final target is a
 * regular file the person owns inside their home folder; anything else is refused, so a link can
 * never steer TuneBridge into writing (or changing the mode of) somebody else's file.
 */
export async function resolveConfigLink(path: string, home: string | undefined): Promise<string> {
  const link = await lstat(path).catch(() => undefined);
  if (!link?.isSymbolicLink()) return path;
  const target = await realpath(path).catch(() => undefined);
  if (target === undefined) {
    throw refuse(path, `${path} is a symbolic link to a file that does not exist`);
  }
  const info = await stat(target);
  if (!info.isFile())
    throw refuse(path, `${path} is a symbolic link to ${target}, which is not a file`);
  const uid = process.getuid?.();
  if (uid !== undefined && info.uid !== uid) {
    throw refuse(path, `${path} is a symbolic link to ${target}, which belongs to another user`);
  }
  if (home !== undefined) {
    const realHome = await realpath(home).catch(() => home);
    const inside = relative(realHome, target);
    if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) {
      throw refuse(path, `${path} is a symbolic link to ${target}, outside your home folder`);
    }
  }
  return target;
}

function refuse(path: string, what: string): ClientConfigError {
  return new ClientConfigError(
    'config_link',
    `${what}, so TuneBridge did not follow it. TuneBridge writes through a link only to a file you own inside your home folder: point the link there, or add the entry by hand.`,
    { path },
  );
}
