import { createHash } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { mkdir, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { publishToolAccess } from '../../electron/host/assistants/tool-list-publisher.js';
import { ClientRegistry } from '../../electron/host/broker/client-registry.js';
import type { HostEvents } from '../../electron/host/host-controller.js';
import { SettingsStore } from '../../electron/host/settings/settings-store.js';
import { hostPaths, parseToolAccessFile, toolAccessFile } from '../../protocol/data-folder.js';
import type { AccountSummary } from '../../protocol/providers.js';

/** The host side of the first list: one owner-only file per assistant, kept up to date. */
describe('publishToolAccess', () => {
  let home: string;
  let runDir: string;
  let clients: ClientRegistry;
  let events: EventEmitter<HostEvents>;
  let accounts: AccountSummary[];
  const fileFor = (key: string) =>
    toolAccessFile(runDir, createHash('sha256').update(key).digest('hex'));
  const read = async (key: string) => parseToolAccessFile(await readFile(fileFor(key), 'utf8'));

  beforeEach(async () => {
    home = await mkdtemp(join(tmpdir(), 'tb-publisher-'));
    runDir = hostPaths(home).runDir;
    await mkdir(runDir, { mode: 0o700 });
    clients = new ClientRegistry(SettingsStore.open(join(home, 'settings.json')));
    events = new EventEmitter<HostEvents>();
    accounts = [{ provider: 'spotify', status: 'connected', scopes: [] }];
  });
  afterEach(async () => {
    await rm(home, { recursive: true, force: true });
  });

  it('writes every assistant’s view at start, 0600, with no more than the policy and statuses', async () => {
    const { clientKey } = clients.issue('Existing');
    const publisher = publishToolAccess({ runDir, clients, summaries: () => accounts, events });
    expect((await stat(fileFor(clientKey))).mode & 0o777).toBe(0o600);
    expect(await read(clientKey)).toEqual({
      version: 1,
      policy: { groups: ['read'], providers: ['spotify', 'tidal'], paused: false },
      providers: [{ provider: 'spotify', status: 'connected' }],
    });
    publisher.close();
  });

  it('rewrites on provider and policy changes, removes on revoke, and stops when closed', async () => {
    const { client, clientKey } = clients.issue('Changing');
    const publisher = publishToolAccess({ runDir, clients, summaries: () => accounts, events });
    accounts = [{ provider: 'spotify', status: 'needs-login', scopes: [] }];
    events.emit('providers.changed');
    expect((await read(clientKey))?.providers).toEqual([
      { provider: 'spotify', status: 'needs-login' },
    ]);
    clients.setPolicy(client.clientId, { ...client.policy, groups: ['read', 'playback'] });
    events.emit('policy.changed', client.clientId);
    expect((await read(clientKey))?.policy.groups).toEqual(['read', 'playback']);
    clients.revoke(client.clientId);
    events.emit('clients.changed');
    await expect(stat(fileFor(clientKey))).rejects.toThrow(/ENOENT/);
    publisher.close();
    const late = clients.issue('After close');
    events.emit('clients.changed');
    await expect(stat(fileFor(late.clientKey))).rejects.toThrow(/ENOENT/);
  });
});
