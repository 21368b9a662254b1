import { buildSync } from 'esbuild';
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

let bundled: string | undefined;

/**
 * The stand-in's register script, bundled with `electron.mjs` beside it, once per test process.
 * Under tsx every module the app loads goes through tsx's hooks, which cost each launch (the app
 * and every bridge it starts) most of a second; the bundle runs on plain Node. It sits under
 * node_modules/.cache so the packages it leaves external resolve, one folder per process, as
 * workers run side by side.
 */
export function standInRegister(): string {
  if (bundled) return bundled;
  const dir = resolve(`node_modules/.cache/tunebridge-stand-in/${process.pid}`);
  buildSync({
    entryPoints: {
      register: 'tests/desktop/stand-in/register.ts',
      electron: 'tests/desktop/stand-in/electron.ts',
    },
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
  bundled = join(dir, 'register.mjs');
  return bundled;
}
