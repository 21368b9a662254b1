import { send } from '../../broker-client/send-operation.js';
import { withHost } from '../host-control.js';
import { formatOverview } from './security-format.js';

/** `tunebridge security [--json]`: the figures and dates the Security view shows. */
export async function security(options: { json: boolean }): Promise<number> {
  return withHost(async (host) => {
    const { overview } = await send(host, { op: 'security.overview' });
    process.stdout.write(
      options.json ? `${JSON.stringify(overview, null, 2)}\n` : formatOverview(overview),
    );
    return 0;
  });
}
