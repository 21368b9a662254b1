import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the built desktop app finds its parts, relative to the bundled main script. */
export interface ShellPaths {
  /** dist/electron/main.js: also the script a development run's bridge entry names. */
  mainScript: string;
  /** dist/electron/preload.cjs */
  preload: string;
  /** dist/ui: the React bundle served as app://tunebridge/. */
  uiDir: string;
  /** dist/electron/icons: tray-<state>.png and @2x variants. */
  iconsDir: string;
  /** dist/bridge.cjs: the Node bridge, which Windows config entries run. */
  nodeBridge: string;
}

/** `moduleUrl` is the `import.meta.url` of a file bundled into dist/electron/. */
export function shellPaths(moduleUrl: string): ShellPaths {
  const here = dirname(fileURLToPath(moduleUrl));
  return {
    mainScript: join(here, 'main.js'),
    preload: join(here, 'preload.cjs'),
    uiDir: join(here, '..', 'ui'),
    iconsDir: join(here, 'icons'),
    nodeBridge: join(here, '..', 'bridge.cjs'),
  };
}
