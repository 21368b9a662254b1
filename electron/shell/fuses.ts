/**
 * The Electron fuses flipped in the packaged app: switches compiled into the binary that no
 * argument or environment variable can undo. Written here in electron-builder's `electronFuses`
 * shape; tests/shell/fuses.test.ts checks each value and that electron-builder.yml says the same.
 */
export interface ElectronFuses {
  runAsNode: boolean;
  enableCookieEncryption: boolean;
  enableNodeOptionsEnvironmentVariable: boolean;
  enableNodeCliInspectArguments: boolean;
  enableEmbeddedAsarIntegrityValidation: boolean;
  onlyLoadAppFromAsar: boolean;
  loadBrowserProcessSpecificV8Snapshot: boolean;
  grantFileProtocolExtraPrivileges: boolean;
}

export const ELECTRON_FUSES: Readonly<ElectronFuses> = Object.freeze({
  // ELECTRON_RUN_AS_NODE would make the signed app a general Node interpreter; MCP clients start
  // the bridge with `--mcp-bridge` instead.
  runAsNode: false,
  // Cookies on disk encrypted with the OS key store (the UI sets none, but the session could).
  enableCookieEncryption: true,
  // NODE_OPTIONS could preload arbitrary code into the main process.
  enableNodeOptionsEnvironmentVariable: false,
  // --inspect and friends would let any local process drive the main process, and read tokens.
  enableNodeCliInspectArguments: false,
  // The app's code is checked against the hash in the signed binary before it loads.
  enableEmbeddedAsarIntegrityValidation: true,
  // ...and only from app.asar, never a loose app/ folder dropped beside it.
  onlyLoadAppFromAsar: true,
  loadBrowserProcessSpecificV8Snapshot: false,
  // The UI is served from app://; file:// pages get no extra powers.
  grantFileProtocolExtraPrivileges: false,
});
