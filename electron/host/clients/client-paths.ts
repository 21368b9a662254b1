import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { McpClientId } from '../../../protocol/broker.js';

/**
 * Where each MCP client keeps its config. The platform is a parameter so that every OS's layout
 * is tested on any machine; paths are joined with the running OS's separator, since the files
 * written are always on this machine.
 */
export interface ClientEnvironment {
  platform: NodeJS.Platform;
  home: string;
  env: NodeJS.ProcessEnv;
}

export function currentEnvironment(env: NodeJS.ProcessEnv = process.env): ClientEnvironment {
  // HOME (USERPROFILE on Windows) first, as os.homedir() does, so a fixture home is honoured.
  const home =
    (process.platform === 'win32' ? env.USERPROFILE : env.HOME) ??
    env.HOME ??
    env.USERPROFILE ??
    '';
  return { platform: process.platform, home, env };
}

function appData(at: ClientEnvironment): string {
  return at.env.APPDATA ?? join(at.home, 'AppData', 'Roaming');
}

function localAppData(at: ClientEnvironment): string {
  return at.env.LOCALAPPDATA ?? join(at.home, 'AppData', 'Local');
}

function xdgConfig(at: ClientEnvironment): string {
  return at.env.XDG_CONFIG_HOME ?? join(at.home, '.config');
}

const CLAUDE_DESKTOP_FILE = 'claude_desktop_config.json';

/**
 * Current Claude Desktop installs on Windows are MSIX packages whose %APPDATA% is virtualised:
 * the app reads `%LOCALAPPDATA%\Packages\Claude_<publisher>\LocalCache\Roaming\Claude`, and a file
 * written only to `%APPDATA%\Claude` is never seen. Older (non-MSIX) installs read %APPDATA%.
 */
export function claudeDesktopWindowsPaths(at: ClientEnvironment): string[] {
  const packages = join(localAppData(at), 'Packages');
  let names: string[] = [];
  try {
    names = readdirSync(packages)
      .filter((name) => /^Claude_/i.test(name))
      .sort();
  } catch {
    // No package directory: not an MSIX install.
  }
  return names.map((name) =>
    join(packages, name, 'LocalCache', 'Roaming', 'Claude', CLAUDE_DESKTOP_FILE),
  );
}

export function configPath(client: McpClientId, at: ClientEnvironment): string {
  const { platform, home } = at;
  switch (client) {
    case 'claude-desktop': {
      if (platform === 'darwin') {
        return join(home, 'Library', 'Application Support', 'Claude', CLAUDE_DESKTOP_FILE);
      }
      if (platform === 'win32') {
        const msix = claudeDesktopWindowsPaths(at);
        // Prefer a package that already has a config, else the first package, else the old place.
        return (
          msix.find((path) => existsSync(path)) ??
          msix[0] ??
          join(appData(at), 'Claude', CLAUDE_DESKTOP_FILE)
        );
      }
      return join(xdgConfig(at), 'Claude', CLAUDE_DESKTOP_FILE);
    }
    case 'claude-code':
      // User scope; CLAUDE_CONFIG_DIR moves it, as Claude Code itself honours.
      return join(at.env.CLAUDE_CONFIG_DIR ?? home, '.claude.json');
    case 'cursor':
      return join(home, '.cursor', 'mcp.json');
    case 'vscode':
      if (platform === 'darwin') {
        return join(home, 'Library', 'Application Support', 'Code', 'User', 'mcp.json');
      }
      if (platform === 'win32') return join(appData(at), 'Code', 'User', 'mcp.json');
      return join(xdgConfig(at), 'Code', 'User', 'mcp.json');
    case 'windsurf':
      return join(home, '.codeium', 'windsurf', 'mcp_config.json');
    case 'gemini-cli':
      return join(home, '.gemini', 'settings.json');
    case 'codex-cli':
      // CODEX_HOME moves it, as Codex itself honours.
      return join(at.env.CODEX_HOME ?? join(home, '.codex'), 'config.toml');
    case 'zed':
      // Zed reads ~/.config/zed on macOS too; on Linux it follows XDG_CONFIG_HOME.
      if (platform === 'win32') return join(appData(at), 'Zed', 'settings.json');
      if (platform === 'darwin') return join(home, '.config', 'zed', 'settings.json');
      return join(xdgConfig(at), 'zed', 'settings.json');
    case 'lm-studio':
      return join(home, '.lmstudio', 'mcp.json');
  }
}

/** A directory whose presence means the client has been installed and run at least once. */
export function installMarker(client: McpClientId, at: ClientEnvironment): string {
  switch (client) {
    case 'claude-code':
      return at.env.CLAUDE_CONFIG_DIR ?? join(at.home, '.claude');
    default:
      return join(configPath(client, at), '..');
  }
}

export function isInstalled(client: McpClientId, at: ClientEnvironment): boolean {
  return (
    existsSync(installMarker(client, at)) ||
    existsSync(configPath(client, at)) ||
    (client === 'claude-desktop' &&
      at.platform === 'win32' &&
      claudeDesktopWindowsPaths(at).length > 0)
  );
}
