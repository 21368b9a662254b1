import { createInterface } from 'node:readline/promises';
import { send } from '../../broker-client/send-operation.js';
import { CliError } from '../cli-error.js';
import { asCliError, connectToHost } from '../host-control.js';
import { formatLockdown } from './security-format.js';

const WHAT =
  'This pauses every assistant, revokes every key, removes TuneBridge from every MCP client config (backups are kept), logs out of Spotify and TIDAL (revoking at the provider where it can) and erases the stored tokens.';

/** Asks once; only "yes" goes ahead. */
async function confirmed(): Promise<boolean> {
  if (!process.stdin.isTTY) {
    throw new CliError(`${WHAT}\nRun \`tunebridge lockdown --yes\` to confirm.`);
  }
  const prompt = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await prompt.question(`${WHAT}\nType "yes" to lock down: `);
    return answer.trim().toLowerCase() === 'yes';
  } finally {
    prompt.close();
  }
}

/** `tunebridge lockdown [--yes]`: every step's outcome; exit 1 when one failed. */
export async function lockdown(options: { yes: boolean }): Promise<number> {
  const host = await connectToHost();
  try {
    if (!options.yes && !(await confirmed())) {
      process.stdout.write('Nothing was changed.\n');
      return 1;
    }
    const { report } = await send(host, { op: 'security.lockdown', confirm: true });
    process.stdout.write(formatLockdown(report));
    return report.ok ? 0 : 1;
  } catch (error) {
    throw asCliError(error);
  } finally {
    host.close();
  }
}
