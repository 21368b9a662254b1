import { join } from 'node:path';
import { bundleFixture } from '../../helpers/bundle-fixture.js';

let bundled: string | undefined;

/**
 * The stand-in's register script, bundled with `electron.mjs` beside it, once per test process:
 * under tsx every module the app and each bridge it starts loads went through tsx's hooks.
 */
export function standInRegister(): string {
  bundled ??= join(
    bundleFixture('stand-in', {
      register: 'tests/desktop/stand-in/register.ts',
      electron: 'tests/desktop/stand-in/electron.ts',
    }),
    'register.mjs',
  );
  return bundled;
}
