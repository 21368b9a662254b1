import { send } from '../../broker-client/send-operation.js';
import { withHost } from '../host-control.js';
import { openUrl } from '../open-url.js';

/** `tunebridge open`: asks the running host for a new window address, and opens it. */
export async function open(options: { open: boolean }): Promise<number> {
  const url = await newWindowAddress();
  if (options.open && (await openUrl(url))) {
    process.stdout.write('Opened TuneBridge in your browser.\n');
    return 0;
  }
  process.stdout.write(
    `Open TuneBridge in your browser (this address works once and only on this machine):\n  ${url}\n`,
  );
  return 0;
}

export async function newWindowAddress(): Promise<string> {
  return withHost(async (host) => (await send(host, { op: 'window.open' })).url);
}
