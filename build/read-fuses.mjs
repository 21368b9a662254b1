// Packaging smoke test (CI, after `electron-builder --dir`): finds the packaged app's
// executable under out/, reads its fuse wire back with @electron/fuses, and fails unless every
// fuse is as electron/shell/fuses.ts (and electron-builder.yml) say. Run with `node --import tsx`.
import { FuseState, FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ELECTRON_FUSES } from '../electron/shell/fuses.ts';

const OUT = new URL('../out', import.meta.url).pathname.replace(/^\/([A-Za-z]:)/, '$1');

function packagedExecutable() {
  const dirs = readdirSync(OUT).filter(
    (name) => name.endsWith('-unpacked') || name.startsWith('mac'),
  );
  for (const dir of dirs) {
    const candidates = [
      join(OUT, dir, 'TuneBridge.exe'),
      join(OUT, dir, 'tunebridge'),
      join(OUT, dir, 'TuneBridge'),
      join(OUT, dir, 'TuneBridge.app', 'Contents', 'MacOS', 'TuneBridge'),
    ];
    const found = candidates.find((path) => existsSync(path));
    if (found) return found;
  }
  throw new Error(`No packaged TuneBridge executable under ${OUT} (looked in ${dirs.join(', ')})`);
}

const executable = packagedExecutable();
const wire = await getCurrentFuseWire(executable);
const wrong = [];
for (const [name, wanted] of Object.entries(ELECTRON_FUSES)) {
  const option = FuseV1Options[name[0].toUpperCase() + name.slice(1)];
  const state = wire[option];
  const actual = state === FuseState.ENABLE ? true : state === FuseState.DISABLE ? false : state;
  if (actual !== wanted) wrong.push(`${name}: wanted ${wanted}, found ${String(actual)}`);
}
if (wrong.length > 0) {
  process.stderr.write(`Fuses in ${executable} are not as configured:\n  ${wrong.join('\n  ')}\n`);
  process.exit(1);
}
process.stdout.write(
  `Fuses in ${executable} are as configured (${Object.keys(ELECTRON_FUSES).length} checked).\n`,
);
