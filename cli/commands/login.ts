import { PROVIDER_NAMES, type ProviderId } from '../../protocol/providers.js';
import { notGrantedSentence } from '../../protocol/not-granted.js';
import { TOOLS } from '../../mcp-bridge/tools/index.js';
import { asCliError, connectToHost } from '../host-control.js';
import { openUrl } from '../open-url.js';

/** `tunebridge login <provider>`: waits until the person approves in the browser. */
export async function login(provider: ProviderId, options: { open: boolean }): Promise<number> {
  const name = PROVIDER_NAMES[provider];
  const host = await connectToHost();
  try {
    const answer = await host.ask({ type: 'login.start', provider }, (progress) => {
      if (progress.type !== 'login.pending') return;
      process.stdout.write(
        `Open this address to log in to ${name}:\n\n  ${progress.authorizationUrl}\n\nWaiting for you to approve in the browser…\n`,
      );
      if (options.open) {
        void openUrl(progress.authorizationUrl).then((opened) => {
          if (!opened)
            process.stdout.write(
              '(No browser could be opened here; open the address above yourself.)\n',
            );
        });
      }
    });
    const who = answer.account.displayName ?? answer.account.accountId ?? 'your account';
    process.stdout.write(`${name} connected as ${who}\n`);
    const missing = notGrantedSentence(provider, answer.account.notGranted, TOOLS);
    if (missing) process.stdout.write(`${missing}\n`);
    return 0;
  } catch (error) {
    throw asCliError(error);
  } finally {
    host.close();
  }
}
