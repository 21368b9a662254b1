import { parseArgs } from 'node:util';
import { PROVIDER_NAMES } from '../../protocol/providers.js';
import { CliError } from '../cli-error.js';
import { asCliError, connectToHost } from '../host-control.js';

/**
 *   tunebridge undo <receipt>       reverse that change (refused if the thing changed since)
 *   tunebridge undo --list [--json] the recent changes, newest first, with their receipt ids
 */
export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      list: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
  });
  const host = await connectToHost();
  try {
    if (values.list) {
      const answer = await host.request({ type: 'receipts.list', limit: 50 });
      if (answer.type !== 'receipts') throw new CliError(`Unexpected answer: ${answer.type}`);
      if (values.json) {
        process.stdout.write(`${JSON.stringify(answer.receipts, null, 2)}\n`);
        return 0;
      }
      if (answer.receipts.length === 0) process.stdout.write('No changes recorded yet.\n');
      for (const receipt of answer.receipts) {
        const state = receipt.undoneAt
          ? `undone ${receipt.undoneAt}`
          : receipt.undoable
            ? 'can be undone'
            : 'cannot be undone';
        process.stdout.write(
          `${receipt.id}  ${receipt.createdAt}  ${receipt.clientName} on ${PROVIDER_NAMES[receipt.provider]}: ${receipt.summary} (${state})\n`,
        );
      }
      return 0;
    }
    const [receiptId] = positionals;
    if (positionals.length !== 1 || !receiptId) {
      throw new CliError('Usage: tunebridge undo <receipt> (or `tunebridge undo --list`).', 2);
    }
    const answer = await host.request({ type: 'undo', receiptId });
    if (answer.type !== 'undone') throw new CliError(`Unexpected answer: ${answer.type}`);
    process.stdout.write(`${answer.message}\n`);
    return 0;
  } catch (error) {
    throw asCliError(error);
  } finally {
    host.close();
  }
}
