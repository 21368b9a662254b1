import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  SPOTIFY_SCOPES_BY_TOOL_GROUP,
  spotifyLoginScopes,
  spotifyProvider,
} from '../../electron/host/providers/spotify/spotify-provider.js';
import { Settings } from '../../electron/host/settings/settings-schema.js';
import type { ToolDefinition } from '../../mcp-bridge/tools/define-tool.js';
import { TOOLS } from '../../mcp-bridge/tools/index.js';
import { PermissionGroup, SCOPES_BY_GROUP } from '../../protocol/policy.js';
import { startTestHost, type TestHost } from '../helpers/test-host.js';

// `undo` needs whichever switch the change it reverses needed; the host checks that per receipt.
const SPOTIFY_TOOLS = TOOLS.filter((tool) => tool.provider === 'spotify' && tool.name !== 'undo');
const WRITE_GROUPS = PermissionGroup.options.filter((group) => group !== 'read');

/**
 * The permission group a tool belongs to: read tools to `read`; a tool that changes something
 * to the one write group whose scopes cover everything it declares.
 */
function groupOf(tool: ToolDefinition): PermissionGroup[] {
  if (tool.kind === 'read') return ['read'];
  return WRITE_GROUPS.filter((group) =>
    tool.scopes.every((scope) => SCOPES_BY_GROUP[tool.provider][group].includes(scope)),
  );
}

const loginScopes = spotifyProvider({
  clientId: 'test',
  authorizeUrl: 'https://accounts.spotify.com/authorize',
  tokenUrl: 'https://accounts.spotify.com/api/token',
  apiBaseUrl: 'https://api.spotify.com',
  redirectPort: 0,
}).oauth.scopes;

describe('Spotify scopes: tools, permission groups and the login', () => {
  it.each(SPOTIFY_TOOLS.map((tool) => [tool.name, tool] as const))(
    '%s fits one permission group and the login asks for its scopes',
    (_name, tool) => {
      const groups = groupOf(tool);
      expect(groups).toHaveLength(1);
      const group = groups[0] as PermissionGroup;
      for (const scope of tool.scopes) {
        expect(SCOPES_BY_GROUP.spotify[group]).toContain(scope);
        expect(SPOTIFY_SCOPES_BY_TOOL_GROUP[group]).toContain(scope);
        expect(loginScopes).toContain(scope);
      }
    },
  );

  it('asks at login for nothing beyond what each group’s tools need', () => {
    for (const group of PermissionGroup.options) {
      const needed = new Set(
        SPOTIFY_TOOLS.filter((tool) => groupOf(tool).includes(group)).flatMap((tool) => [
          ...tool.scopes,
        ]),
      );
      expect([...SPOTIFY_SCOPES_BY_TOOL_GROUP[group]].sort()).toEqual([...needed].sort());
      // A group's login scopes are ones its policy switch lets a capability carry.
      for (const scope of SPOTIFY_SCOPES_BY_TOOL_GROUP[group])
        expect(SCOPES_BY_GROUP.spotify[group]).toContain(scope);
    }
    expect([...loginScopes].sort()).toEqual(
      [...new Set(Object.values(SPOTIFY_SCOPES_BY_TOOL_GROUP).flat())].sort(),
    );
  });

  it('asks only for the enabled groups’ scopes, and always for read', () => {
    const playbackOnly = spotifyLoginScopes(['playback']);
    expect(playbackOnly).toContain('user-modify-playback-state');
    expect(playbackOnly).toContain('user-read-private');
    expect(playbackOnly).not.toContain('user-library-modify');
    expect(playbackOnly).not.toContain('playlist-modify-private');
    expect(spotifyLoginScopes([])).toEqual([...SPOTIFY_SCOPES_BY_TOOL_GROUP.read]);
    expect(
      spotifyProvider(
        {
          clientId: 'test',
          authorizeUrl: 'https://accounts.spotify.com/authorize',
          tokenUrl: 'https://accounts.spotify.com/api/token',
          apiBaseUrl: 'https://api.spotify.com',
          redirectPort: 0,
        },
        { groups: ['library-write'] },
      ).oauth.scopes,
    ).toEqual(spotifyLoginScopes(['library-write']));
  });

  it('reads the enabled groups from providers.spotify.groups in settings', () => {
    const parsed = Settings.parse({
      version: 1,
      providers: { spotify: { groups: ['read', 'playback'] } },
    });
    expect(parsed.providers.spotify?.groups).toEqual(['read', 'playback']);
    expect(() =>
      Settings.parse({ version: 1, providers: { spotify: { groups: ['everything'] } } }),
    ).toThrow();
  });
});

describe('Spotify login through the host', () => {
  let env: TestHost;

  beforeAll(async () => {
    env = await startTestHost();
  });
  afterAll(async () => {
    await env?.stop();
  });

  it('is granted exactly the scopes the tools need', async () => {
    await env.login('spotify');
    // The sandbox grants what the authorization request asked for.
    expect([...env.host.accounts.summary('spotify').scopes].sort()).toEqual(
      [...loginScopes].sort(),
    );
  });
});
