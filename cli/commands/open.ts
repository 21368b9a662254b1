import { parseArgs } from 'node:util';
import { CliError } from '../cli-error.js';
import { asCliError, connectToHost } from '../host-control.js';
import { openUrl } from '../open-url.js';

export const OPEN_USAGE = `Usage: tunebridge open [--no-open]

Opens the running TuneBridge's window in your browser with a fresh one-time address, without
restarting TuneBridge (which would cut every assistant off). The address works once, on this
machine, within 10 minutes; an earlier unused one stops working.

  --no-open   print the address instead of opening it

Examples:
  tunebridge open
  tunebridge open --no-open`;

/** `tunebridge open`: asks the running host for a new window address, and opens it. */
export async function run(args: string[]): Promise<number> {
  let values: { 'no-open'?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({
      args,
      options: { 'no-open': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
    }));
  } catch (error) {
    throw new CliError(`${(error as Error).message}\n\n${OPEN_USAGE}`, 2);
  }
  if (values.help) {
    process.stdout.write(`${OPEN_USAGE}\n`);
    return 0;
  }
  const url = await newWindowAddress();
  if (!values['no-open'] && (await openUrl(url))) {
    process.stdout.write('Opened TuneBridge in your browser.\n');
    return 0;
  }
  process.stdout.write(
    `Open TuneBridge in your browser (this address works once and only on this machine):\n  ${url}\n`,
  );
  return 0;
}

export async function newWindowAddress(): Promise<string> {
  const host = await connectToHost();
  try {
    const answer = await host.request({ type: 'window.open' });
    if (answer.type !== 'window.opened') {
      throw new CliError(`Unexpected answer from TuneBridge: ${answer.type}`);
    }
    return answer.url;
  } catch (error) {
    throw asCliError(error);
  } finally {
    host.close();
  }
}
