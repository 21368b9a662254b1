import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DIST } from './setup.js';

// Inside the repository's node_modules, so the copy still resolves the app's dependencies.
const MUTANTS = fileURLToPath(
  new URL('../../node_modules/.cache/tunebridge-desktop-mutants', import.meta.url),
);

export interface MutantBuild {
  distDir: string;
  remove(): void;
}

/**
 * A copy of the built app with one defect: `replace` is applied to every main-process file
 * (dist/electron/*.js; the preload and the UI are left as built), and must change at least one,
 * so a test can never pass because its defect silently stopped applying.
 */
export function mutantBuild(name: string, replace?: { from: string; to: string }): MutantBuild {
  const root = join(MUTANTS, `${name}-${process.pid}`);
  rmSync(root, { recursive: true, force: true });
  const distDir = join(root, 'dist');
  mkdirSync(distDir, { recursive: true });
  for (const part of ['electron', 'ui']) {
    cpSync(join(DIST, part), join(distDir, part), {
      recursive: true,
      filter: (source) => !source.endsWith('.map'),
    });
  }
  if (replace) {
    let changed = 0;
    const dir = join(distDir, 'electron');
    for (const file of readdirSync(dir).filter((entry) => entry.endsWith('.js'))) {
      const text = readFileSync(join(dir, file), 'utf8');
      if (!text.includes(replace.from)) continue;
      writeFileSync(join(dir, file), text.replaceAll(replace.from, replace.to));
      changed += 1;
    }
    if (changed === 0)
      throw new Error(`${name}: "${replace.from}" is not in the built main process`);
  }
  return { distDir, remove: () => rmSync(root, { recursive: true, force: true }) };
}
