import { readFile, rm } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import type { McpServerEntry } from '../../protocol/broker.js';
import { bridgeEntry } from '../../electron/host/clients/bridge-entry.js';
import { configPath } from '../../electron/host/clients/client-paths.js';
import {
  connectAssistant,
  type AssistantKeys,
} from '../../electron/host/clients/connect-assistant.js';
import { bridgeNode, NodeTooOldError, supported } from '../../electron/host/clients/node-finder.js';
import { fixtureHome } from './fixture-home.js';

const roots: string[] = [];
afterEach(async () => {
  for (const root of roots.splice(0)) await rm(root, { recursive: true, force: true });
});

describe('the Node written into client configs', () => {
  it('must be 22.12.0 or newer', () => {
    for (const version of ['v22.12.0', 'v22.19.1', 'v23.0.0', 'v24.11.1', '26.0.0']) {
      expect(supported(version), version).toBe(true);
    }
    for (const version of ['v22.11.0', 'v21.7.3', 'v20.19.5', 'v18.20.0', 'electron', '']) {
      expect(supported(version), version).toBe(false);
    }
    expect(bridgeNode('/opt/node/bin/node', 'v24.11.1')).toBe('/opt/node/bin/node');
  });

  it('when older, says which version it found and the one line to get a supported one', () => {
    const error = (() => {
      try {
        bridgeNode('/usr/bin/node', 'v20.19.5');
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(NodeTooOldError);
    expect(error).toMatchObject({ code: 'client_config' });
    const message = (error as Error).message;
    expect(message).toContain('v20.19.5');
    expect(message).toContain('/usr/bin/node');
    expect(message).toContain('22.12.0');
    expect(message).toContain(
      'npm install --prefix ~/.node24 node@24 && export PATH=~/.node24/node_modules/.bin:$PATH',
    );
  });

  it('stops connect before a key is issued or the config file is touched', async () => {
    const fixture = await fixtureHome();
    roots.push(fixture.root);
    const issued: string[] = [];
    const entryFor = (assistantKey: string): McpServerEntry =>
      bridgeEntry({
        assistantKey,
        home: '/data',
        nodePath: bridgeNode('/usr/bin/node', 'v20.19.5'),
        bridgeScript: '/opt/tb/bridge.cjs',
      });
    const keys: AssistantKeys = {
      async issue(name) {
        issued.push(name);
        throw new Error('no key should be issued');
      },
      async rekey() {
        throw new Error('no key should be issued');
      },
      assistantFor: () => undefined,
      async revoke() {},
      assistantIdForKey: () => undefined,
      entryFor,
    };
    const path = configPath('claude-desktop', fixture.at);
    const before = await readFile(path, 'utf8').catch(() => undefined);
    await expect(connectAssistant('claude-desktop', keys, fixture.at)).rejects.toThrow(
      /Node\.js v20\.19\.5 .*node@24/,
    );
    expect(issued).toEqual([]);
    expect(await readFile(path, 'utf8').catch(() => undefined)).toBe(before);
  });
});
