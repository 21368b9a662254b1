import { parseArgs } from 'node:util';
import { PERMISSION_GROUP_LABELS } from '../../protocol/policy.js';
import { PROVIDER_NAMES } from '../../protocol/providers.js';
import { notGrantedSentence } from '../../protocol/not-granted.js';
import { TOOLS } from '../../mcp-bridge/tools/index.js';
import { CliError } from '../cli-error.js';
import { asCliError, connectToHost } from '../host-control.js';

export async function run(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { json: { type: 'boolean', default: false } } });
  const host = await connectToHost();
  try {
    const answer = await host.request({ type: 'status' });
    if (answer.type !== 'status')
      throw new CliError(`Unexpected answer from TuneBridge: ${answer.type}`);
    if (values.json) {
      const { sandbox, providers, clients } = answer;
      process.stdout.write(`${JSON.stringify({ sandbox, providers, clients }, null, 2)}\n`);
      return 0;
    }
    const lines = [
      `TuneBridge is running${answer.sandbox ? ' in sandbox mode (no real accounts)' : ''}.`,
      '',
      'Accounts:',
    ];
    for (const account of answer.providers) {
      const who = account.displayName ? ` as ${account.displayName}` : '';
      lines.push(`  ${PROVIDER_NAMES[account.provider]}: ${account.status}${who}`);
      const missing = notGrantedSentence(account.provider, account.notGranted, TOOLS);
      if (missing) lines.push(`    ${missing}`);
    }
    lines.push('', 'Assistants:');
    if (answer.clients.length === 0) lines.push('  none yet — run `tunebridge connect print`');
    for (const client of answer.clients) {
      const state = client.revoked ? 'revoked' : client.policy.paused ? 'paused' : 'active';
      const may = client.policy.groups.map((group) => PERMISSION_GROUP_LABELS[group]).join(', ');
      lines.push(
        `  ${client.name} (${state}) — may: ${may}; last seen ${client.lastSeenAt ?? 'never'}`,
      );
    }
    process.stdout.write(`${lines.join('\n')}\n`);
    return 0;
  } catch (error) {
    throw asCliError(error);
  } finally {
    host.close();
  }
}
