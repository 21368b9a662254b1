import { parseArgs } from 'node:util';
import { PROVIDER_NAMES, ProviderId } from '../../protocol/providers.js';
import { notGrantedSentence } from '../../protocol/not-granted.js';
import { TOOLS } from '../../mcp-bridge/tools/index.js';
import { CliError } from '../cli-error.js';
import { asCliError, connectToHost } from '../host-control.js';
import { openUrl } from '../open-url.js';

export async function run(args: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { 'no-open': { type: 'boolean', default: false } },
  });
  const provider = ProviderId.safeParse(positionals[0]);
  if (!provider.success) {
    throw new CliError(
      'Say which provider to log in to: `tunebridge login spotify` or `tunebridge login tidal`.',
      2,
    );
  }
  const name = PROVIDER_NAMES[provider.data];
  const host = await connectToHost();
  try {
    const answer = await host.request(
      { type: 'login.start', provider: provider.data },
      (progress) => {
        if (progress.type !== 'login.pending') return;
        process.stdout.write(
          `Open this address to log in to ${name}:\n\n  ${progress.authorizationUrl}\n\nWaiting for you to approve in the browser…\n`,
        );
        if (!values['no-open']) {
          void openUrl(progress.authorizationUrl).then((opened) => {
            if (!opened)
              process.stdout.write(
                '(No browser could be opened here; open the address above yourself.)\n',
              );
          });
        }
      },
    );
    if (answer.type !== 'login.complete')
      throw new CliError(`Unexpected answer from TuneBridge: ${answer.type}`);
    const who = answer.account.displayName ?? answer.account.accountId ?? 'your account';
    process.stdout.write(`${name} connected as ${who}\n`);
    const missing = notGrantedSentence(provider.data, answer.account.notGranted, TOOLS);
    if (missing) process.stdout.write(`${missing}\n`);
    return 0;
  } catch (error) {
    throw asCliError(error);
  } finally {
    host.close();
  }
}
