import { exitOnUncaughtErrors } from './bridge-crash.js';
import { isBridgeMode } from './bridge-mode.js';

// The desktop app's entry (dist/electron/main.js). With `--mcp-bridge` the executable is the
// stdio MCP bridge and nothing else; otherwise it is the tray app with the host inside it.
// Electron waits for this module's top-level await before it emits `ready`.
if (isBridgeMode(process.argv)) {
  const fail = exitOnUncaughtErrors();
  // A failed start is a module error, not an uncaught one: route it to the same exit.
  await import('./bridge-process.js')
    .then(({ runBridgeProcess }) => runBridgeProcess())
    .catch(fail);
} else {
  const { runDesktop } = await import('./desktop.js');
  runDesktop(import.meta.url);
}
