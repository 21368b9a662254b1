import { PERMISSION_GROUP_LABELS } from '../../protocol/policy.js';
import { PROVIDER_NAMES } from '../../protocol/providers.js';
import type { BrokerClient } from '../../broker-client/broker-client.js';
import { send } from '../../broker-client/send-operation.js';
import { describeTime } from '../format-time.js';
import { notGrantedSentence } from '../../protocol/not-granted.js';
import { TOOLS } from '../../mcp-bridge/tools/index.js';
import { asCliError, connectToHost } from '../host-control.js';

export async function status(values: { json: boolean }): Promise<number> {
  let host: BrokerClient;
  try {
    host = await connectToHost();
  } catch (error) {
    if (!values.json) throw error;
    // A script asked for JSON: it gets JSON, with the sentence a person would have read.
    const message = error instanceof Error ? error.message : String(error);
    process.stdout.write(`${JSON.stringify({ running: false, message }, null, 2)}\n`);
    return 1;
  }
  try {
    const answer = (await send(host, { op: 'status' })).status;
    if (values.json) {
      const { sandbox, providers, assistants } = answer;
      const json = { running: true, sandbox, providers, assistants };
      process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
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
    if (answer.assistants.length === 0) lines.push('  none yet — run `tunebridge connect print`');
    for (const assistant of answer.assistants) {
      const state = assistant.revoked ? 'revoked' : assistant.policy.paused ? 'paused' : 'active';
      const may = assistant.policy.groups.map((group) => PERMISSION_GROUP_LABELS[group]).join(', ');
      lines.push(
        `  ${assistant.name} (${state}) — may: ${may}; last seen ${assistant.lastSeenAt ? describeTime(assistant.lastSeenAt) : 'never'}`,
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
