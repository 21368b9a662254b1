import { buildSync } from 'esbuild';
import { mkdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * Bundles test-only TypeScript that a child process runs, so each spawn is a plain `node` start
 * rather than tsx compiling (and hooking) the same sources again, which costs each spawn about
 * 300 ms. The bundle sits under node_modules/.cache, so the packages it leaves external resolve;
 * one folder per test process, as workers run side by side, removed when the process exits.
 * Entries become `<name>.mjs`; code they share is split into chunks, so they share one module
 * instance. Returns the folder.
 */
export function bundleFixture(name: string, entryPoints: Record<string, string>): string {
  const dir = resolve(`node_modules/.cache/tunebridge-test-fixtures/${name}-${process.pid}`);
  mkdirSync(dir, { recursive: true });
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
