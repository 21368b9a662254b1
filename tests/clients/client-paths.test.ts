import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { configPath, isInstalled } from '../../electron/host/clients/client-paths.js';
import { CLIENTS, LAYOUTS, MSIX_PACKAGE, fixtureHome } from './fixture-home.js';

const roots: string[] = [];
afterEach(async () => {
  for (const root of roots.splice(0)) await rm(root, { recursive: true, force: true });
});

async function home(label: string) {
  const fixture = await fixtureHome(LAYOUTS.find((layout) => layout.label === label));
  roots.push(fixture.root);
  return fixture;
}

describe('config paths', () => {
  it('puts every client where it reads its config, on every OS', async () => {
    const expected: Record<string, Record<string, string>> = {
      macOS: {
        'claude-desktop': 'Library/Application Support/Claude/claude_desktop_config.json',
        'claude-code': '.claude.json',
        cursor: '.cursor/mcp.json',
        vscode: 'Library/Application Support/Code/User/mcp.json',
        windsurf: '.codeium/windsurf/mcp_config.json',
        'gemini-cli': '.gemini/settings.json',
        'codex-cli': '.codex/config.toml',
        'lm-studio': '.lmstudio/mcp.json',
        zed: '.config/zed/settings.json',
      },
      'Windows (MSIX)': {
        'claude-desktop': `AppData/Local/Packages/${MSIX_PACKAGE}/LocalCache/Roaming/Claude/claude_desktop_config.json`,
        'claude-code': '.claude.json',
        cursor: '.cursor/mcp.json',
        vscode: 'AppData/Roaming/Code/User/mcp.json',
        windsurf: '.codeium/windsurf/mcp_config.json',
        'gemini-cli': '.gemini/settings.json',
        'codex-cli': '.codex/config.toml',
        'lm-studio': '.lmstudio/mcp.json',
        zed: 'AppData/Roaming/Zed/settings.json',
      },
      'Windows (classic)': {
        'claude-desktop': 'AppData/Roaming/Claude/claude_desktop_config.json',
        'claude-code': '.claude.json',
        cursor: '.cursor/mcp.json',
        vscode: 'AppData/Roaming/Code/User/mcp.json',
        windsurf: '.codeium/windsurf/mcp_config.json',
        'gemini-cli': '.gemini/settings.json',
        'codex-cli': '.codex/config.toml',
        'lm-studio': '.lmstudio/mcp.json',
        zed: 'AppData/Roaming/Zed/settings.json',
      },
      Linux: {
        'claude-desktop': '.config/Claude/claude_desktop_config.json',
        'claude-code': '.claude.json',
        cursor: '.cursor/mcp.json',
        vscode: '.config/Code/User/mcp.json',
        windsurf: '.codeium/windsurf/mcp_config.json',
        'gemini-cli': '.gemini/settings.json',
        'codex-cli': '.codex/config.toml',
        'lm-studio': '.lmstudio/mcp.json',
        zed: '.config/zed/settings.json',
      },
    };
    for (const layout of LAYOUTS) {
      const { root, at } = await home(layout.label);
      for (const client of CLIENTS) {
        expect(configPath(client, at), `${layout.label} ${client}`).toBe(
          join(root, expected[layout.label]![client]!),
        );
      }
    }
  });

  it('on Windows prefers the MSIX package that already has a config', async () => {
    const { root, env, at } = await home('Windows (MSIX)');
    const other = join(
      env.LOCALAPPDATA!,
      'Packages',
      'Claude_aaaa',
      'LocalCache',
      'Roaming',
      'Claude',
    );
    await mkdir(join(env.LOCALAPPDATA!, 'Packages', 'Claude_0000'), { recursive: true });
    await mkdir(other, { recursive: true });
    await writeFile(join(other, 'claude_desktop_config.json'), '{}');
    expect(configPath('claude-desktop', at)).toBe(join(other, 'claude_desktop_config.json'));
    // A file under %APPDATA% alone does not make it the target: the MSIX app never reads it.
    await mkdir(join(root, 'AppData', 'Roaming', 'Claude'), { recursive: true });
    expect(configPath('claude-desktop', at)).toBe(join(other, 'claude_desktop_config.json'));
  });

  it('honours CLAUDE_CONFIG_DIR for Claude Code', async () => {
    const { root, at } = await home('Linux');
    const moved = { ...at, env: { ...at.env, CLAUDE_CONFIG_DIR: join(root, 'cc') } };
    expect(configPath('claude-code', moved)).toBe(join(root, 'cc', '.claude.json'));
  });

  it('honours CODEX_HOME for Codex CLI and XDG_CONFIG_HOME for Zed on Linux only', async () => {
    const { root, at } = await home('Linux');
    const moved = { ...at, env: { ...at.env, CODEX_HOME: join(root, 'cx') } };
    expect(configPath('codex-cli', moved)).toBe(join(root, 'cx', 'config.toml'));
    const xdg = { ...at, env: { ...at.env, XDG_CONFIG_HOME: join(root, 'xdg') } };
    expect(configPath('zed', xdg)).toBe(join(root, 'xdg', 'zed', 'settings.json'));
    expect(configPath('zed', { ...xdg, platform: 'darwin' })).toBe(
      join(root, '.config', 'zed', 'settings.json'),
    );
  });

  it('detects a client once its config folder exists', async () => {
    const { at } = await home('Linux');
    expect(isInstalled('cursor', at)).toBe(false);
    await mkdir(dirname(configPath('cursor', at)), { recursive: true });
    expect(isInstalled('cursor', at)).toBe(true);
    const win = await home('Windows (MSIX)');
    expect(isInstalled('claude-desktop', win.at)).toBe(true);
  });
});
