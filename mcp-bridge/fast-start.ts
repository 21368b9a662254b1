import { readFileSync } from 'node:fs';
import { visibleNames } from './tool-visibility.js';
import type { BridgeManifest } from './bridge-manifest.js';
import type * as BridgeRuntime from './bridge-runtime.js';
import { FastStartTransport } from './fast-start-transport.js';
import { readPublishedAccess } from './published-access.js';

// Load the full bridge soon even if the client only lists tools, so the first call is quick.
const RUNTIME_LOAD_DELAY_MS = 50;

/** Where a starting bridge finds its manifest and the rest of itself; each entry knows its own. */
export interface BridgeStart {
  /** The build-time manifest beside the bundle; absent from source, where the SDK answers. */
  manifestPath: string | URL;
  loadRuntime: () => Promise<typeof BridgeRuntime>;
}

/**
 * Runs the stdio MCP bridge. Stdout is MCP only; anything human goes to stderr. Only this file
 * and the transport load at start-up: zod, the SDK and the tools come in the background.
 */
export async function startBridge(
  start: BridgeStart,
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
  // What the host last said this assistant may use, so the first tools/list is the true list.
  const view = readPublishedAccess(env);
  const manifest = readManifest(start.manifestPath);
  if (manifest) {
    const visible = new Set(visibleNames(manifest.access, view));
    manifest.tools = manifest.tools.filter((tool) => visible.has(tool.name));
  }
  let loading: Promise<void> | undefined;
  const loadRuntime = () => {
    loading ??= start
      .loadRuntime()
      .then(({ connectRuntime }) => connectRuntime(transport, env, view, visibleNames))
      .catch((error: unknown) => {
        process.stderr.write(
          `TuneBridge bridge failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
        );
        process.exitCode = 1;
        void transport.close();
      });
  };
  const transport = new FastStartTransport(manifest, loadRuntime);
  transport.listen();
  if (manifest) setTimeout(loadRuntime, RUNTIME_LOAD_DELAY_MS);
  else loadRuntime();
}

function readManifest(path: string | URL): BridgeManifest | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as BridgeManifest;
  } catch {
    return undefined;
  }
}
