import { readFile } from 'node:fs/promises';
import type { HostPaths } from '../protocol/data-folder.js';

/**
 * Where to reach the running host. On Windows the pipe name is random per start and read from
 * the run directory, so nobody can create a look-alike pipe before the host does.
 */
export async function brokerAddress(
  paths: HostPaths,
  platform: NodeJS.Platform = process.platform,
): Promise<string> {
  if (platform !== 'win32') return paths.brokerSocket;
  try {
    const name = (await readFile(paths.brokerPipeFile, 'utf8')).trim();
    if (/^\\\\\.\\pipe\\tunebridge-[0-9a-f]{32}$/.test(name)) return name;
  } catch {
    // No host has published a pipe: connecting to the socket path fails with the usual advice.
  }
  return paths.brokerSocket;
}
