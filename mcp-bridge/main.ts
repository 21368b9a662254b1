import { runBridge } from './index.js';

// The standalone bridge script (dist/bridge.js) that MCP bundles run with their own Node.
await runBridge();
