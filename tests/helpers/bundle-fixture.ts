import { buildSync } from 'esbuild';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Bundles test-only TypeScript that a child process runs, so each spawn is a plain `node` start
 * rather than tsx compiling (and hooking) the same sources again, which costs each spawn about
 * 300 ms. The bundle sits under node_modules/.cache, so the packages it leaves external resolve;
 * one folder per test process, as workers run side by side. Workers are often ended without an
 * exit event, so each bundling also removes the folders of test processes that are gone.
 * Entries become `<name>.mjs`; code they share is split into chunks, so they share one module
 * instance. Returns the folder.
 */
export function bundleFixture(name: string, entryPoints: Record<string, string>): string {
  const root = resolve('node_modules/.cache/tunebridge-test-fixtures');
  const dir = join(root, `${name}-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  for (const folder of readdirSync(root)) {
    const pid = Number(/-(\d+)$/.exec(folder)?.[1]);
    if (pid && !alive(pid)) rmSync(join(root, folder), { recursive: true, force: true });
  }
  buildSync({
    entryPoints,
    outdir: dir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node22',
    packages: 'external',
    logLevel: 'warning',
  });
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive, but someone else's.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
