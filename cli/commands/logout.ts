import { PROVIDER_NAMES, type ProviderId } from '../../protocol/providers.js';
import { send } from '../../broker-client/send-operation.js';
import { CliError } from '../cli-error.js';
import { asCliError, connectToHost } from '../host-control.js';

/** `tunebridge logout <provider>`: revokes at the provider where it can; always erases our copy. */
export async function logout(provider: ProviderId): Promise<number> {
  const host = await connectToHost();
  try {
    const { status } = await send(host, { op: 'status' });
    if (
      status.providers.find((account) => account.provider === provider)?.status === 'disconnected'
    ) {
      throw new CliError(
        `${PROVIDER_NAMES[provider]} is not connected to TuneBridge, so there is nothing to log out of.`,
      );
    }
    await send(host, { op: 'logout', provider });
    const [record] = (await auditTail(host, provider)) ?? [];
    process.stdout.write(`${record?.message ?? `Logged out of ${PROVIDER_NAMES[provider]}.`}\n`);
    return 0;
  } catch (error) {
    throw asCliError(error);
  } finally {
    host.close();
  }
}

/** The host's own account of the logout: whether the provider revoked the tokens too. */
async function auditTail(host: Awaited<ReturnType<typeof connectToHost>>, provider: ProviderId) {
  const answer = await send(host, {
    op: 'audit.query',
    query: { kind: 'logout', provider, limit: 1 },
  });
  return answer.records;
}
