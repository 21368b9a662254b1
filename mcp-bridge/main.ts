import { join } from 'node:path';
import { startBridge } from './fast-start.js';

// The standalone bridge (dist/bridge.cjs) that MCP config entries and bundles run with Node.
// Built as CommonJS on purpose: Node starts a CommonJS script without setting up its ES module
// loader, which was most of the bridge's start-up cost over a bare Node process. The runtime
// (SDK, zod, tools) is the ES module dist/bridge-runtime.js, imported after the first answers.
void startBridge({
  manifestPath: join(__dirname, 'bridge-manifest.json'),
  loadRuntime: () => import('./bridge-runtime.js'),
});
