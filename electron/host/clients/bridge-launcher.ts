import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DATA_FOLDER } from '../../../protocol/data-folder.js';
import { ensurePrivateDir, writeFileAtomic } from '../fs/atomic-write.js';
import type { BridgeCommand } from './node-finder.js';

/**
 * MCP client configs start the bridge through a launcher in TuneBridge's data folder, never
 * through the install's own files: the host rewrites the launcher to point at the current install
 * at every start, so moving or updating TuneBridge leaves every connected assistant working.
 *
 * POSIX: a shell script that `exec`s Node on the install's CLI (one `sh` more at start-up, well
 * inside the bridge's cold-start budget). Windows: clients cannot start a `.cmd` without a shell,
 * so the entry runs Node on a small `.mjs` that imports the install's CLI.
 */
export async function writeBridgeLauncher(options: {
  home: string;
  nodePath: string;
  bridgeScript: string;
  platform?: NodeJS.Platform;
}): Promise<BridgeCommand> {
  const platform = options.platform ?? process.platform;
  const dir = join(options.home, DATA_FOLDER.bin);
  await ensurePrivateDir(dir);
  if (platform === 'win32') {
    const path = join(dir, `${DATA_FOLDER.bridgeLauncher}.mjs`);
    await writeFileAtomic(path, windowsLauncher(options.bridgeScript), { mode: 0o600 });
    return { command: options.nodePath, args: [path] };
  }
  const path = join(dir, DATA_FOLDER.bridgeLauncher);
  await writeFileAtomic(path, posixLauncher(options.nodePath, options.bridgeScript), {
    mode: 0o700,
  });
  return { command: path, args: [] };
}

const HEADER = 'Written by TuneBridge at every start; points at the install that started last.';

export function posixLauncher(nodePath: string, bridgeScript: string): string {
  return `#!/bin/sh\n# ${HEADER}\nexec ${shellQuote(nodePath)} ${shellQuote(bridgeScript)} "$@"\n`;
}

export function windowsLauncher(bridgeScript: string): string {
  const url = pathToFileURL(bridgeScript).href;
  return `// ${HEADER}\nawait import(${JSON.stringify(url)});\n`;
}

/** One argument for `sh`: single-quoted, with each `'` closed, escaped and reopened. */
function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}
