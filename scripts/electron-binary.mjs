// Where the `electron` package's binary is, without touching `require('electron')`: since
// Electron 42 that require downloads the binary on first use, which blocks (or hangs) offline.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The executable's path, or undefined when this machine has not downloaded it. */
export function findElectronBinary() {
  let packageDir;
  try {
    packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return undefined;
  }
  const pathFile = join(packageDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : undefined;
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const path = join(process.env.ELECTRON_OVERRIDE_DIST_PATH, relative || 'electron');
    return existsSync(path) ? path : undefined;
  }
  if (!relative) return undefined;
  const path = join(packageDir, 'dist', relative);
  return existsSync(path) ? path : undefined;
}

/** The installer the package ships (`install-electron`), for a download on request. */
export function electronInstaller() {
  try {
    return createRequire(import.meta.url).resolve('electron/install.js');
  } catch {
    return undefined;
  }
}
