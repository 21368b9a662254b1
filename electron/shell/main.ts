import { isBridgeMode } from './bridge-mode.js';

// The desktop app's entry (dist/electron/main.js). With `--mcp-bridge` the executable is the
// stdio MCP bridge and nothing else; otherwise it is the tray app with the host inside it.
// Electron waits for this module's top-level await before it emits `ready`.
if (isBridgeMode(process.argv)) {
  const { runBridgeProcess } = await import('./bridge-process.js');
  await runBridgeProcess();
} else {
  const { runDesktop } = await import('./desktop.js');
  runDesktop(import.meta.url);
}
