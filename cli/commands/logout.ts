import { PROVIDER_NAMES, ProviderId } from '../../protocol/providers.js';
import { CliError } from '../cli-error.js';
import { send } from '../../broker-client/send-operation.js';
import { asCliError, connectToHost } from '../host-control.js';

/** `tunebridge logout <provider>`: revokes at the provider where it can; always erases our copy. */
export async function run(args: string[]): Promise<number> {
  const [name, ...rest] = args;
  const provider = ProviderId.safeParse(name?.toLowerCase());
  if (!provider.success || rest.length > 0) {
    throw new CliError(`Usage: tunebridge logout <${ProviderId.options.join('|')}>`, 2);
  }
  const host = await connectToHost();
  try {
    await send(host, { op: 'logout', provider: provider.data });
    const [record] = (await auditTail(host, provider.data)) ?? [];
    process.stdout.write(
      `${record?.message ?? `Logged out of ${PROVIDER_NAMES[provider.data]}.`}\n`,
    );
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
