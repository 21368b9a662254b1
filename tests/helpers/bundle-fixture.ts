import { build } from 'esbuild';
import { mkdir } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';

/**
 * Bundles a child-process fixture once, so each spawn is a plain `node` start rather than tsx
 * compiling the same sources again (about 300 ms a spawn). Written under node_modules/.cache, so
 * the bundle finds the packages it leaves external; one file per test process, as workers run
 * side by side.
 */
export async function bundleFixture(entry: string): Promise<string> {
  const dir = resolve('node_modules/.cache/tunebridge-test-fixtures');
  await mkdir(dir, { recursive: true });
  const outfile = join(dir, `${basename(entry, '.ts')}-${process.pid}.mjs`);
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node22',
    packages: 'external',
    logLevel: 'warning',
  });
  return outfile;
}
