import { parseArgs } from 'node:util';
import type { PendingApprovalSummary } from '../../protocol/approvals.js';
import { PROVIDER_NAMES } from '../../protocol/providers.js';
import type { BrokerClient } from '../../broker-client/broker-client.js';
import { CliError } from '../cli-error.js';
import { asCliError, connectToHost } from '../host-control.js';

/**
 * "Ask before changes" from the terminal, for when no window is open:
 *
 *   tunebridge approvals [--json]    what waits for an answer
 *   tunebridge approve <id>          let that change through
 *   tunebridge deny <id>             refuse it (with one argument; `deny <assistant> <what>…`
 *                                    still takes permissions away)
 */
interface Command {
  run(args: string[]): Promise<number>;
}

const APPROVAL_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const approvals: Command = {
  run: (args) =>
    withHost(async (host) => {
      const { values } = parseArgs({
        args,
        options: { json: { type: 'boolean', default: false } },
      });
      const answer = await host.request({ type: 'approvals.list' });
      if (answer.type !== 'approvals') throw new CliError(`Unexpected answer: ${answer.type}`);
      if (values.json) {
        process.stdout.write(`${JSON.stringify(answer.approvals, null, 2)}\n`);
      } else if (answer.approvals.length === 0) {
        process.stdout.write('No change is waiting for your answer.\n');
      } else {
        process.stdout.write(`${answer.approvals.map(describeApproval).join('\n\n')}\n`);
      }
      return 0;
    }),
};

export const approve: Command = { run: (args) => respond(args, true) };

/** `deny <id>` answers a waiting change; anything else is the permissions command. */
export function denyOrRevokePermission(permissions: Command): Command {
  return {
    run: (args) =>
      args.length === 1 && APPROVAL_ID.test(args[0] ?? '')
        ? respond(args, false)
        : permissions.run(args),
  };
}

/** One waiting change, as `tunebridge approvals` and `tunebridge serve` print it. */
export function describeApproval(approval: PendingApprovalSummary): string {
  return [
    `${approval.id}  ${approval.clientName} on ${PROVIDER_NAMES[approval.provider]}, until ${approval.expiresAt}`,
    `  ${approval.summary}`,
    `  Allow: tunebridge approve ${approval.id}    Refuse: tunebridge deny ${approval.id}`,
  ].join('\n');
}

function respond(args: string[], allow: boolean): Promise<number> {
  return withHost(async (host) => {
    const [id] = args;
    if (args.length !== 1 || !id || !APPROVAL_ID.test(id)) {
      throw new CliError(
        `Usage: tunebridge ${allow ? 'approve' : 'deny'} <id> — the id from \`tunebridge approvals\`.`,
        2,
      );
    }
    await host.request({ type: 'approval.respond', approvalId: id, allow });
    process.stdout.write(
      allow ? 'Allowed: the change goes through.\n' : 'Refused: nothing was changed.\n',
    );
    return 0;
  });
}

async function withHost(work: (host: BrokerClient) => Promise<number>): Promise<number> {
  const host = await connectToHost();
  try {
    return await work(host);
  } catch (error) {
    throw asCliError(error);
  } finally {
    host.close();
  }
}
