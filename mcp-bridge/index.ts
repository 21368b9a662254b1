import { startBridge } from './fast-start.js';

/**
 * The bridge inside an ES module bundle: `tunebridge bridge` (dist/cli.js) and the desktop app's
 * `--mcp-bridge`. Config entries that run Node start dist/bridge.cjs instead (main.ts).
 */
export function runBridge(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  return startBridge(
    {
      manifestPath: new URL('./bridge-manifest.json', import.meta.url),
      loadRuntime: () => import('./bridge-runtime.js'),
    },
    env,
  );
}
