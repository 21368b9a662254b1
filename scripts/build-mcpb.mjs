// Packs the built bridge (dist/) into dist/TuneBridge.mcpb, the Claude Desktop extension.
// Run after the build: `npm run build:mcpb`. The bundle holds no key; Claude Desktop asks for it.
import { buildMcpbBundle } from '../electron/host/clients/mcpb-bundle.js';
import { writeFile } from 'node:fs/promises';

const { bundle, manifest } = await buildMcpbBundle({ distDir: 'dist' });
await writeFile('dist/TuneBridge.mcpb', bundle);
process.stdout.write(
  `dist/TuneBridge.mcpb: ${manifest.display_name} ${manifest.version}, ${bundle.length} bytes\n`,
);
