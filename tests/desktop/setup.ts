import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LaunchSettings } from './drivers/driver.js';

export const DIST = fileURLToPath(new URL('../../dist', import.meta.url));

export interface TestHome {
  settings: LaunchSettings;
  cleanup(): void;
}

/**
 * A fresh HOME (with Claude Desktop "installed": its config folder exists) and data folder. The
 * sandbox providers start inside the app, as in `npm start` with nothing configured.
 */
export function testHome(distDir = DIST, extraEnv: Record<string, string> = {}): TestHome {
  const root = mkdtempSync(join(tmpdir(), 'tunebridge-desktop-'));
  const home = join(root, 'home');
  mkdirSync(join(home, '.config', 'Claude'), { recursive: true });
  return {
    settings: { home, dataDir: join(root, 'data'), distDir, extraEnv },
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
}
