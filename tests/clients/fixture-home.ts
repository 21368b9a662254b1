import { mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { McpClientId } from '../../protocol/broker.js';
import type { ClientEnvironment } from '../../electron/host/clients/client-paths.js';

/** One OS layout to test on this machine: Windows comes as a current (MSIX) and an older install. */
export interface Layout {
  label: string;
  platform: NodeJS.Platform;
  msix?: boolean;
}

export const LAYOUTS: Layout[] = [
  { label: 'macOS', platform: 'darwin' },
  { label: 'Windows (MSIX)', platform: 'win32', msix: true },
  { label: 'Windows (classic)', platform: 'win32' },
  { label: 'Linux', platform: 'linux' },
];

export const CLIENTS: McpClientId[] = [
  'claude-desktop',
  'claude-code',
  'cursor',
  'vscode',
  'windsurf',
  'gemini-cli',
  'codex-cli',
  'zed',
  'lm-studio',
];

/** The clients whose config is JSON (or JSONC), and the object that holds their servers. */
export const JSON_CLIENTS: Partial<Record<McpClientId, string>> = {
  'claude-desktop': 'mcpServers',
  'claude-code': 'mcpServers',
  cursor: 'mcpServers',
  vscode: 'servers',
  windsurf: 'mcpServers',
  'gemini-cli': 'mcpServers',
  zed: 'context_servers',
  'lm-studio': 'mcpServers',
};

export const MSIX_PACKAGE = 'Claude_pzs8sxrjxfjjc';

/** A throwaway home with the variables each OS's paths come from, all pointing inside it. */
export async function fixtureHome(layout: Layout = LAYOUTS[3]!): Promise<{
  root: string;
  env: NodeJS.ProcessEnv;
  at: ClientEnvironment;
}> {
  const root = await mkdtemp(join(tmpdir(), 'tb-clients-'));
  const env: NodeJS.ProcessEnv = {
    HOME: root,
    USERPROFILE: root,
    APPDATA: join(root, 'AppData', 'Roaming'),
    LOCALAPPDATA: join(root, 'AppData', 'Local'),
    XDG_CONFIG_HOME: join(root, '.config'),
  };
  if (layout.msix)
    await mkdir(join(env.LOCALAPPDATA!, 'Packages', MSIX_PACKAGE), { recursive: true });
  return { root, env, at: { platform: layout.platform, home: root, env } };
}
