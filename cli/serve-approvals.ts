import type { RunningHost } from '../electron/host/host.js';
import { describeApproval } from './commands/approvals.js';

/**
 * `tunebridge serve` prints each change that waits for the person's OK, with how to answer it,
 * so "Ask before changes" works with no window open; and says when each one was settled.
 */
export function printApprovalsInTerminal(
  host: Pick<RunningHost, 'events'>,
  write: (text: string) => void = (text) => process.stdout.write(text),
): void {
  host.events.on('approval.requested', (approval) => {
    write(`\nA change waits for your OK:\n${describeApproval(approval)}\n`);
  });
  host.events.on('approval.settled', (id, outcome) => {
    write(`Change ${id}: ${outcome}.\n`);
  });
}
