import { describeDoctorReport } from '../../protocol/doctor.js';
import type { ProviderId } from '../../protocol/providers.js';
import { asCliError, connectToHost } from '../host-control.js';

/**
 * `tunebridge doctor [spotify|tidal] [--json]`: the same report `spotify_doctor` gives an
 * assistant, from the running host. Exits 1 when the account can't be used until the person
 * logs in (not connected, refused, or past the end of its login).
 */
export async function doctor(provider: ProviderId, values: { json: boolean }): Promise<number> {
  const host = await connectToHost();
  try {
    const { report } = await host.ask({ type: 'doctor', provider });
    process.stdout.write(
      values.json ? `${JSON.stringify(report, null, 2)}\n` : `${describeDoctorReport(report)}\n`,
    );
    return ['not-connected', 'needs-login', 'expired'].includes(report.token.state) ? 1 : 0;
  } catch (error) {
    throw asCliError(error);
  } finally {
    host.close();
  }
}
