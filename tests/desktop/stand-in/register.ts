import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as nodeModule from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * `node --import <this file> dist/electron/main.js`: runs the real built main process with
 * `electron` resolved to the stand-in, for `import` and `require` alike (electron-store and
 * electron-updater use both). The driver runs it bundled (`stand-in-bundle.ts`); from source it
 * needs `--import tsx` first. TEST-ONLY: nothing under tests/ ships.
 */
interface ResolveResult {
  url: string;
  format?: string;
  shortCircuit?: boolean;
}
type ResolveHook = (
  specifier: string,
  context: unknown,
  nextResolve: (specifier: string, context: unknown) => ResolveResult,
) => ResolveResult;
// Node 22.15+/24 (synchronous, in-thread, covers require too); @types/node 20 predates it.
const { registerHooks } = nodeModule as unknown as {
  registerHooks(hooks: { resolve: ResolveHook }): void;
};

const self = fileURLToPath(import.meta.url);
// Beside this file, bundled or not: electron.mjs next to register.mjs, electron.ts next to this.
const fromSource = self.endsWith('.ts');
const standIn = new URL(fromSource ? './electron.ts' : './electron.mjs', import.meta.url).href;
registerHooks({
  resolve(specifier, context, nextResolve) {
    if (specifier === 'electron') return { url: standIn, format: 'module', shortCircuit: true };
    return nextResolve(specifier, context);
  },
});

// process.execPath is the Electron binary in Electron; config entries the shell writes for a
// development run name it. Here it is a launcher that starts Node with this same stand-in.
const launcherDir = mkdtempSync(join(tmpdir(), 'tunebridge-stand-in-bin-'));
const launcher = join(launcherDir, 'electron');
// Absolute, since MCP clients start servers from /.
const tsx = fromSource ? `--import '${import.meta.resolve('tsx')}' ` : '';
writeFileSync(launcher, `#!/bin/sh\nexec '${process.execPath}' ${tsx}--import '${self}' "$@"\n`, {
  mode: 0o755,
});
chmodSync(launcher, 0o755);
Object.defineProperty(process, 'execPath', { value: launcher });
// Electron sets it; electron-updater looks for package-type and app-update.yml beside it.
Object.defineProperty(process, 'resourcesPath', { value: launcherDir });
process.once('exit', () => rmSync(launcherDir, { recursive: true, force: true }));

// `ready` once the main module and its top-level await are done, as Electron does.
const main = process.argv[1];
if (main) {
  const { app } = await import('./app.js');
  const { listenForControl } = await import('./control.js');
  listenForControl();
  // The same module instance Node is about to run as the entry; this only learns when it is done.
  void import(pathToFileURL(main).href).then(
    () => setImmediate(() => app.becomeReady()),
    () => undefined,
  );
}
