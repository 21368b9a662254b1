import type { PendingApprovalView } from '../../protocol/host-api.js';
import { PROVIDER_NAMES } from '../../protocol/providers.js';
import { send } from '../../broker-client/send-operation.js';
import { withHost } from '../host-control.js';

/**
 * "Ask before changes" from the terminal, for when no window is open:
 *
 *   tunebridge approvals [--json]    what waits for an answer
 *   tunebridge approve <id>          let that change through
 *   tunebridge deny <id>             refuse it (with one argument; `deny <assistant> <what>…`
 *                                    still takes permissions away)
 */

export function approvals(options: { json: boolean }): Promise<number> {
  return withHost(async (host) => {
    const waiting = (await send(host, { op: 'approvals.list' })).approvals;
    if (options.json) {
      process.stdout.write(`${JSON.stringify(waiting, null, 2)}\n`);
    } else if (waiting.length === 0) {
      process.stdout.write('No change is waiting for your answer.\n');
    } else {
      process.stdout.write(`${waiting.map(describeApproval).join('\n\n')}\n`);
    }
    return 0;
  });
}

/** One waiting change, as `tunebridge approvals` and `tunebridge serve` print it. */
export function describeApproval(approval: PendingApprovalView): string {
  return [
    `${approval.id}  ${approval.assistantName} on ${PROVIDER_NAMES[approval.provider]}, until ${approval.expiresAt}`,
    `  ${approval.summary}`,
    `  Allow: tunebridge approve ${approval.id}    Refuse: tunebridge deny ${approval.id}`,
  ].join('\n');
}

/** `approve <id>` / `deny <id>`: the person's answer to a waiting change. */
export function respond(id: string, allow: boolean): Promise<number> {
  return withHost(async (host) => {
    await send(host, { op: 'approval.respond', id, allow });
    process.stdout.write(
      allow ? 'Allowed: the change goes through.\n' : 'Refused: nothing was changed.\n',
    );
    return 0;
  });
}
