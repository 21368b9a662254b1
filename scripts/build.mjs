// Bundles the CLI (host, bridge, sandbox) into dist/ so that the bridge starts fast: one file per
// entry, code split so the bridge never loads host code, plus the bridge manifest.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, rmSync } from 'node:fs';

// jsonc-parser's `main` is a UMD build whose requires esbuild cannot follow: bundle its ESM build.
const alias = { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' };

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: {
    cli: 'cli/index.ts',
    // A named entry, so that dist/bridge.cjs can import it by a name that survives rebuilds.
    'bridge-runtime': 'mcp-bridge/bridge-runtime.ts',
    'write-manifest': 'mcp-bridge/write-manifest.ts',
  },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node22',
  sourcemap: 'linked',
  // Native addons and the Electron runtime are loaded from node_modules at run time.
  external: ['@napi-rs/keyring', 'electron'],
  alias,
  banner: {
    js: "import { createRequire as __tbCreateRequire } from 'node:module'; const require = __tbCreateRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
// The bridge that config entries start (dist/bridge.cjs): its start-up path in one CommonJS file,
// since an ES module entry costs Node its module loader's set-up before the first answer.
await build({
  entryPoints: { bridge: 'mcp-bridge/main.ts' },
  outdir: 'dist',
  outExtension: { '.js': '.cjs' },
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node22',
  sourcemap: 'linked',
  external: ['./bridge-runtime.js'],
  logLevel: 'warning',
});
execFileSync(process.execPath, [new URL('../dist/write-manifest.js', import.meta.url).pathname], {
  stdio: 'inherit',
});

// The window (renderer/): one browser bundle plus its stylesheet and page, loaded by `tunebridge serve`
// over loopback HTTP and by the Electron shell from disk. No inline script, so a strict CSP holds.
await build({
  entryPoints: { app: 'renderer/main.tsx' },
  outdir: 'dist/ui',
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: ['chrome120', 'firefox120', 'safari17'],
  jsx: 'automatic',
  minify: true,
  sourcemap: 'linked',
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'warning',
});
copyFileSync(
  new URL('../renderer/index.html', import.meta.url),
  new URL('../dist/ui/index.html', import.meta.url),
);

// The Electron shell (electron/shell/): the main process as ES modules (dist/electron/main.js,
// code split so `--mcp-bridge` loads only the bridge), and the preload as CommonJS
// (dist/electron/preload.cjs), since a sandboxed preload cannot be an ES module. Electron itself
// is provided at run time. Needs the Electron binary to run: `npm run start:desktop`.
await build({
  entryPoints: { main: 'electron/shell/main.ts' },
  outdir: 'dist/electron',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node22',
  // Private class members become WeakMaps: Electronegativity's parser (npm run scan:electron)
  // cannot read `#x`, and a file it cannot read is a file it does not check.
  supported: Object.fromEntries(
    [
      'field',
      'method',
      'accessor',
      'static-field',
      'static-method',
      'static-accessor',
      'brand-check',
    ].map((kind) => [`class-private-${kind}`, false]),
  ),
  sourcemap: 'linked',
  external: ['@napi-rs/keyring', 'electron'],
  alias,
  banner: {
    js: "import { createRequire as __tbCreateRequire } from 'node:module'; const require = __tbCreateRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
await build({
  entryPoints: { preload: 'electron/shell/preload.ts' },
  outdir: 'dist/electron',
  outExtension: { '.js': '.cjs' },
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'chrome130',
  sourcemap: 'linked',
  external: ['electron'],
  logLevel: 'warning',
});
// The bridge inside the app reads its manifest from beside its own code; the tray icons too.
copyFileSync(
  new URL('../dist/bridge-manifest.json', import.meta.url),
  new URL('../dist/electron/bridge-manifest.json', import.meta.url),
);
cpSync(
  new URL('../build/icons', import.meta.url),
  new URL('../dist/electron/icons', import.meta.url),
  {
    recursive: true,
  },
);
