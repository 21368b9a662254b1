import type { AuditEvent } from '../../../protocol/audit.js';
import type { McpClientId } from '../../../protocol/assistant.js';
import { PROVIDER_NAMES, ProviderId, type AccountStatus } from '../../../protocol/providers.js';
import type { LockdownReport, LockdownStep } from '../../../protocol/security.js';

/** What a lockdown reaches in the host; security-ops.ts builds it from the running host. */
export interface LockdownHost {
  assistants(): Array<{ id: string; name: string; revoked: boolean }>;
  pauseAll(): Promise<void>;
  revoke(assistantId: string): Promise<void>;
  /** MCP clients whose config holds a TuneBridge entry (`undefined` health: unreadable). */
  configsWithEntry(): Promise<Array<{ mcpClient: McpClientId; name: string; problem?: string }>>;
  removeEntry(mcpClient: McpClientId): Promise<{ path: string; backupPath?: string }>;
  providers(): Array<{ provider: ProviderId; status: AccountStatus }>;
  /** Revokes at the provider where it offers that, erases our copy; the sentence of the outcome. */
  logout(provider: ProviderId): Promise<string>;
  /** Erases whatever tokens are still stored for the provider; whether there were any. */
  eraseTokens(provider: ProviderId): Promise<boolean>;
  record(event: AuditEvent): Promise<unknown>;
  now(): Date;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Runs one step; a failure is reported and the lockdown goes on to the next. */
async function step(
  name: LockdownStep['step'],
  work: () => Promise<string>,
): Promise<LockdownStep> {
  try {
    return { step: name, ok: true, message: await work() };
  } catch (error) {
    return { step: name, ok: false, message: errorText(error) };
  }
}

/** Runs the steps of one part over many items, keeping every item's failure in the sentence. */
async function each<T>(items: T[], work: (item: T) => Promise<string>): Promise<string> {
  const done: string[] = [];
  const failed: string[] = [];
  for (const item of items) {
    try {
      done.push(await work(item));
    } catch (error) {
      failed.push(errorText(error));
    }
  }
  if (failed.length > 0) throw new Error([...done, ...failed].join(' '));
  return done.join(' ');
}

/**
 * Cuts every assistant off at once, for a person who thinks something is wrong: pause everyone,
 * revoke every key, take TuneBridge out of every MCP client config (each file keeps its backup),
 * log out of every provider (revoking at the provider where it offers that), and erase the stored
 * tokens. Every step runs whatever happened before it, and the report and audit say each outcome.
 */
export async function runLockdown(host: LockdownHost): Promise<LockdownReport> {
  const startedAt = host.now().toISOString();
  const steps: LockdownStep[] = [];
  steps.push(
    await step('pause', async () => {
      const active = host.assistants().filter((a) => !a.revoked);
      await host.pauseAll();
      return active.length === 0
        ? 'No assistant had access.'
        : `Paused ${active.length} assistant${active.length === 1 ? '' : 's'}.`;
    }),
  );
  steps.push(
    await step('revoke-keys', async () => {
      const active = host.assistants().filter((a) => !a.revoked);
      if (active.length === 0) return 'No key was left to revoke.';
      return each(active, async (a) => {
        await host.revoke(a.id);
        return `Revoked ${a.name}’s key.`;
      });
    }),
  );
  steps.push(
    await step('client-configs', async () => {
      const configs = await host.configsWithEntry();
      if (configs.length === 0) return 'No MCP client config lists TuneBridge.';
      return each(configs, async ({ mcpClient, name, problem }) => {
        if (problem) throw new Error(`${name}: ${problem}`);
        const removed = await host.removeEntry(mcpClient);
        return `Removed TuneBridge from ${name} (${removed.path}${removed.backupPath ? `; backup at ${removed.backupPath}` : ''}).`;
      });
    }),
  );
  steps.push(
    await step('provider-logout', async () => {
      const signedIn = host.providers().filter((p) => p.status !== 'disconnected');
      if (signedIn.length === 0) return 'No provider was logged in.';
      return each(signedIn, ({ provider }) => host.logout(provider));
    }),
  );
  steps.push(
    await step('erase-tokens', async () => {
      const erased: string[] = [];
      for (const provider of ProviderId.options) {
        if (await host.eraseTokens(provider)) erased.push(PROVIDER_NAMES[provider]);
      }
      return erased.length === 0
        ? 'No tokens are stored any more.'
        : `Erased the stored ${erased.join(' and ')} tokens.`;
    }),
  );
  const ok = steps.every((s) => s.ok);
  await host.record({
    kind: 'lockdown',
    outcome: ok ? 'ok' : 'error',
    message: steps.map((s) => `${s.step}: ${s.ok ? 'done' : 'FAILED'} — ${s.message}`).join(' | '),
  });
  return { startedAt, finishedAt: host.now().toISOString(), ok, steps };
}
