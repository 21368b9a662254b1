import { send } from '../../broker-client/send-operation.js';
import { CliError } from '../cli-error.js';
import { withHost } from '../host-control.js';
import { formatIncident } from './security-format.js';

/** `tunebridge incident report [--since T]`: writes the folder and says where. */
export async function incidentReport(action: string, options: { since?: string }): Promise<number> {
  if (action !== 'report') {
    throw new CliError(
      `Unknown incident action "${action}". Run \`tunebridge incident report\`.`,
      2,
    );
  }
  return withHost(async (host) => {
    const { report } = await send(host, { op: 'security.incident', since: options.since });
    process.stdout.write(formatIncident(report));
    return report.verified ? 0 : 1;
  });
}
