import { createHash } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { mkdir, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { publishToolAccess } from '../../electron/host/assistants/tool-list-publisher.js';
import { AssistantRegistry } from '../../electron/host/broker/assistant-registry.js';
import type { HostEvents } from '../../electron/host/host-controller.js';
import { SettingsStore } from '../../electron/host/settings/settings-store.js';
import { hostPaths, parseToolAccessFile, toolAccessFile } from '../../protocol/data-folder.js';
import type { AccountSummary } from '../../protocol/providers.js';

/** The host side of the first list: one owner-only file per assistant, kept up to date. */
describe('publishToolAccess', () => {
  let home: string;
  let runDir: string;
  let assistants: AssistantRegistry;
  let events: EventEmitter<HostEvents>;
  let accounts: AccountSummary[];
  const fileFor = (key: string) =>
    toolAccessFile(runDir, createHash('sha256').update(key).digest('hex'));
  const read = async (key: string) => parseToolAccessFile(await readFile(fileFor(key), 'utf8'));

  beforeEach(async () => {
    home = await mkdtemp(join(tmpdir(), 'tb-publisher-'));
    runDir = hostPaths(home).runDir;
    await mkdir(runDir, { mode: 0o700 });
    assistants = new AssistantRegistry(SettingsStore.open(join(home, 'settings.json')));
    events = new EventEmitter<HostEvents>();
    accounts = [{ provider: 'spotify', status: 'connected', scopes: [] }];
  });
  afterEach(async () => {
    await rm(home, { recursive: true, force: true });
  });

  it('writes every assistant’s view at start, 0600, with no more than the policy and statuses', async () => {
    const { assistantKey } = assistants.issue('Existing');
    const publisher = publishToolAccess({ runDir, assistants, summaries: () => accounts, events });
    expect((await stat(fileFor(assistantKey))).mode & 0o777).toBe(0o600);
    expect(await read(assistantKey)).toEqual({
      version: 1,
      policy: { groups: ['read'], providers: ['spotify', 'tidal'], paused: false },
      providers: [{ provider: 'spotify', status: 'connected' }],
    });
    publisher.close();
  });

  it('rewrites on provider and policy changes, removes on revoke, and stops when closed', async () => {
    const { assistant, assistantKey } = assistants.issue('Changing');
    const publisher = publishToolAccess({ runDir, assistants, summaries: () => accounts, events });
    accounts = [{ provider: 'spotify', status: 'needs-login', scopes: [] }];
    events.emit('providers.changed');
    expect((await read(assistantKey))?.providers).toEqual([
      { provider: 'spotify', status: 'needs-login' },
    ]);
    assistants.setPolicy(assistant.assistantId, {
      ...assistant.policy,
      groups: ['read', 'playback'],
    });
    events.emit('policy.changed', assistant.assistantId);
    expect((await read(assistantKey))?.policy.groups).toEqual(['read', 'playback']);
    assistants.revoke(assistant.assistantId);
    events.emit('assistants.changed');
    await expect(stat(fileFor(assistantKey))).rejects.toThrow(/ENOENT/);
    publisher.close();
    const late = assistants.issue('After close');
    events.emit('assistants.changed');
    await expect(stat(fileFor(late.assistantKey))).rejects.toThrow(/ENOENT/);
  });
});
