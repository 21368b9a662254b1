import { app } from 'electron';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBridge } from '../../mcp-bridge/index.js';

// Time for the last answers to leave stdout after the client closes stdin.
const EXIT_GRACE_MS = 200;

/**
 * `TuneBridge --mcp-bridge`: the MCP bridge in the app's own executable, for MCP clients that
 * have no Node to run dist/bridge.cjs with, and with the RunAsNode fuse off. No window, no tray,
 * no dock icon and no single-instance lock: a client may run several bridges beside the app.
 * Stdout carries MCP and nothing else.
 */
export async function runBridgeProcess(): Promise<void> {
  // macOS: an accessory process never gets a Dock icon (hiding it afterwards would flash one).
  if (process.platform === 'darwin') app.setActivationPolicy('accessory');
  app.dock?.hide();
  app.disableHardwareAcceleration();
  // A throwaway Chromium profile: bridges run side by side with the app and with each other,
  // and none of them needs cookies, caches or the app's profile lock.
  const profile = mkdtempSync(join(tmpdir(), 'tunebridge-bridge-'));
  app.setPath('userData', profile);
  // Unlike Node, Electron keeps running when stdin closes; the bridge is done when its client is.
  let exiting = false;
  const finish = () => {
    if (exiting) return;
    exiting = true;
    setTimeout(() => {
      try {
        rmSync(profile, { recursive: true, force: true });
      } catch {
        // Windows may still hold a file open; the temp folder is the OS's to clean then.
      }
      app.exit(Number(process.exitCode ?? 0));
    }, EXIT_GRACE_MS);
  };
  process.stdin.once('end', finish);
  process.stdin.once('close', finish);
  process.stdout.once('error', finish);
  await runBridge(process.env);
}
