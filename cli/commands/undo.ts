import { PROVIDER_NAMES } from '../../protocol/providers.js';
import { send } from '../../broker-client/send-operation.js';
import { CliError } from '../cli-error.js';
import { asCliError, connectToHost } from '../host-control.js';

/**
 *   tunebridge undo <receipt>       reverse that change (refused if the thing changed since)
 *   tunebridge undo --list [--json] the recent changes, newest first, with their receipt ids
 */
export async function undo(
  receiptId: string | undefined,
  options: { list: boolean; json: boolean },
): Promise<number> {
  if (!options.list && !receiptId) {
    throw new CliError('Usage: tunebridge undo <receipt> (or `tunebridge undo --list`).', 2);
  }
  const host = await connectToHost();
  try {
    if (options.list || !receiptId) {
      const { receipts } = await send(host, { op: 'receipts.list', limit: 50 });
      if (options.json) {
        process.stdout.write(`${JSON.stringify(receipts, null, 2)}\n`);
        return 0;
      }
      if (receipts.length === 0) process.stdout.write('No changes recorded yet.\n');
      for (const receipt of receipts) {
        const state = receipt.undoneAt
          ? `undone ${receipt.undoneAt}`
          : receipt.undoable
            ? 'can be undone'
            : 'cannot be undone';
        process.stdout.write(
          `${receipt.id}  ${receipt.createdAt}  ${receipt.assistantName} on ${PROVIDER_NAMES[receipt.provider]}: ${receipt.summary} (${state})\n`,
        );
      }
      return 0;
    }
    const { message } = await send(host, { op: 'receipt.undo', receiptId });
    process.stdout.write(`${message}\n`);
    return 0;
  } catch (error) {
    throw asCliError(error);
  } finally {
    host.close();
  }
}
