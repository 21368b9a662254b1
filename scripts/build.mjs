// Bundles the CLI (host, bridge, sandbox) into dist/ so that `tunebridge bridge` starts fast:
// one file per entry, code split so the bridge never loads host code, plus the bridge manifest.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: {
    cli: 'cli/index.ts',
    bridge: 'mcp-bridge/main.ts',
    'write-manifest': 'mcp-bridge/write-manifest.ts',
  },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  // Native addons and the Electron runtime are loaded from node_modules at run time.
  external: ['@napi-rs/keyring', 'electron'],
  banner: {
    js: "import { createRequire as __tbCreateRequire } from 'node:module'; const require = __tbCreateRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
execFileSync(process.execPath, [new URL('../dist/write-manifest.js', import.meta.url).pathname], {
  stdio: 'inherit',
});
