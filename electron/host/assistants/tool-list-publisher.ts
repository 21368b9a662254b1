import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, openSync, renameSync, rmSync, writeSync, constants } from 'node:fs';
import type { EventEmitter } from 'node:events';
import { basename, dirname, join } from 'node:path';
import {
  TOOL_ACCESS_FILE_VERSION,
  toolAccessFile,
  type ToolAccessFile,
} from '../../../protocol/data-folder.js';
import type { AccountSummary } from '../../../protocol/providers.js';
import type { AssistantRegistry } from '../broker/assistant-registry.js';
import type { HostEvents } from '../services/host-types.js';

/**
 * Publishes, for each assistant, what decides its tool list (its policy and which providers are
 * connected) as an owner-only file in the run directory, so a bridge that starts lists exactly
 * what it may use before it has reached the host, and lists what it last knew while the host is
 * down. Rewritten at start and on every policy, assistant or provider change; removed on revoke.
 *
 * Writes are synchronous, on purpose: the event that triggers them is emitted before the host
 * answers the change (issuing a key, say), so the file is in place before anyone can start a
 * bridge with that key. The files are a few hundred bytes and there are a handful of them.
 */
export function publishToolAccess(deps: {
  runDir: string;
  assistants: AssistantRegistry;
  summaries: () => AccountSummary[];
  events: EventEmitter<HostEvents>;
}): { close(): void } {
  const publish = () => {
    const providers = deps.summaries().map(({ provider, status }) => ({ provider, status }));
    for (const assistant of deps.assistants.list()) {
      const file = toolAccessFile(deps.runDir, assistant.keyHash);
      try {
        if (assistant.revokedAt) {
          rmSync(file, { force: true });
          continue;
        }
        const { groups, providers: allowed, paused } = assistant.policy;
        const content: ToolAccessFile = {
          version: TOOL_ACCESS_FILE_VERSION,
          policy: { groups, providers: allowed, paused },
          providers,
        };
        writePrivateSync(file, `${JSON.stringify(content)}\n`);
      } catch (error) {
        // A bridge without a fresh file still follows the host live once connected; say why.
        const reason = (error as NodeJS.ErrnoException).code ?? 'write failed';
        process.stderr.write(
          `TuneBridge could not publish an assistant's tool list (${reason}).\n`,
        );
      }
    }
  };
  publish();
  const events = ['assistants.changed', 'providers.changed', 'policy.changed'] as const;
  for (const event of events) deps.events.on(event, publish);
  return {
    close() {
      for (const event of events) deps.events.off(event, publish);
    },
  };
}

/** A 0600 temp file beside the target, renamed over it: readers see the old or the new file. */
function writePrivateSync(path: string, data: string): void {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(8).toString('hex')}.tmp`);
  const fd = openSync(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600);
  try {
    if (process.platform !== 'win32') chmodSync(temp, 0o600);
    writeSync(fd, data);
  } finally {
    closeSync(fd);
  }
  try {
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}
