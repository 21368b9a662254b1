// `npm start`: the desktop app (tray and window) when the Electron binary is here or can be
// fetched now; otherwise `tunebridge serve`, with one line saying why and how to get the app.
// Since Electron 42 the `electron` package downloads its binary on first use rather than at
// install, and `require('electron')` would start that download and block; so this script looks
// for the binary itself, and only downloads when the download host answers quickly.
/* global fetch, AbortSignal */
import { spawn } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { electronInstaller, findElectronBinary } from './electron-binary.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PROBE_TIMEOUT_MS = 3000;

/**
 * What to start. `binary`: the Electron executable if present; `display`: whether a desktop
 * session can show a window; `reachable`: whether the download host answered (asked only when
 * it matters).
 */
export async function chooseStart({ binary, display, reachable, forceServe }) {
  if (forceServe) return { mode: 'serve', reason: 'TUNEBRIDGE_START=serve asks for it' };
  if (binary) return { mode: 'desktop', binary };
  if (!display) {
    return {
      mode: 'serve',
      reason: 'there is no desktop session to show a window in (no DISPLAY or WAYLAND_DISPLAY)',
    };
  }
  if (!(await reachable())) {
    return {
      mode: 'serve',
      reason: "Electron's binary is not downloaded and its download host cannot be reached",
    };
  }
  return { mode: 'download' };
}

function hasDisplay(env = process.env, platform = process.platform) {
  if (platform === 'darwin' || platform === 'win32') return true;
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

async function downloadHostAnswers(env = process.env) {
  const url = env.ELECTRON_MIRROR || 'https://github.com/electron/electron/releases';
  try {
    await fetch(url, { method: 'HEAD', signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
    return true;
  } catch {
    return false;
  }
}

function run(command, args) {
  const child = spawn(command, args, { stdio: 'inherit', cwd: ROOT });
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => child.kill(signal));
  }
  return new Promise((resolve) => {
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    child.on('error', (error) => {
      process.stderr.write(`TuneBridge: could not start ${command}: ${error.message}\n`);
      resolve(1);
    });
  });
}

function serve(args, reason) {
  process.stderr.write(
    `TuneBridge: starting \`tunebridge serve\` instead of the desktop app, because ${reason}. ` +
      'For the tray app, run `npx install-electron` on a machine that can reach github.com, ' +
      'then `npm start` again (see docs/desktop.md).\n',
  );
  return run(process.execPath, ['dist/cli.js', 'serve', ...args]);
}

async function main(args) {
  const choice = await chooseStart({
    binary: findElectronBinary(),
    display: hasDisplay(),
    reachable: () => downloadHostAnswers(),
    forceServe: process.env.TUNEBRIDGE_START === 'serve',
  });
  if (choice.mode === 'serve') return serve(args, choice.reason);
  let binary = choice.binary;
  if (choice.mode === 'download') {
    process.stderr.write('TuneBridge: downloading the Electron binary for the desktop app…\n');
    const installer = electronInstaller();
    const code = installer ? await run(process.execPath, [installer]) : 1;
    binary = code === 0 ? findElectronBinary() : undefined;
    if (!binary) return serve(args, 'downloading the Electron binary failed');
  }
  return run(binary, ['dist/electron/main.js', ...args]);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}
