import { dirname, join } from 'node:path';
import { PROVIDER_NAMES } from '../../protocol/providers.js';
import { launchHost } from '../../electron/host/launch-host.js';
import type { CliContext } from '../program.js';
import { openUrl } from '../open-url.js';
import { promptHidden } from '../prompt.js';
import { printApprovalsInTerminal } from '../serve-approvals.js';
import { home } from '../home-path.js';

/** `tunebridge serve`: `sandbox` undefined means "when no provider is configured". */
export async function serve(
  options: { sandbox?: boolean; open: boolean; port: number },
  context: CliContext,
): Promise<number> {
  const { sandbox, port } = options;
  const running = await launchHost({
    sandbox,
    // Config entries run the standalone bridge built beside the CLI bundle.
    bridgeScript: join(dirname(context.cliScript), 'bridge.cjs'),
    askPassphrase: process.stdin.isTTY
      ? () =>
          promptHidden('No OS keyring is available. Choose a passphrase to encrypt your tokens: ')
      : undefined,
    // The window is built next to the CLI bundle (dist/ui).
    ui: { dir: join(dirname(context.cliScript), 'ui'), port },
  });
  const lines = [`TuneBridge is running. Data: ${home(running.host.paths.home)}`];
  if (running.host.sandbox) {
    lines.push(
      'Sandbox mode: local Spotify- and TIDAL-compatible servers stand in for the real ones.',
    );
    for (const [provider, url] of Object.entries(running.sandboxUrls ?? {})) {
      lines.push(`  ${PROVIDER_NAMES[provider as keyof typeof PROVIDER_NAMES]} sandbox: ${url}`);
    }
  }
  if (running.ui) {
    lines.push(
      '',
      'Open TuneBridge in your browser (this address works once and only on this machine):',
      `  ${running.ui.openingUrl}`,
      'Closed the tab, or the address expired? `npx tunebridge open` gives a new one.',
    );
  }
  lines.push(
    '',
    'Next, in another terminal:',
    '  npx tunebridge login spotify     log in (opens your browser)',
    '  npx tunebridge connect print     get the entry for your MCP client',
    '  npx tunebridge audit             see what assistants did',
    '',
    'Press Ctrl+C to stop.',
  );
  process.stdout.write(`${lines.join('\n')}\n`);
  printApprovalsInTerminal(running.host);
  // Only an interactive start opens a browser: not a service manager, a pipe or a test.
  const open = running.ui && options.open && process.stdout.isTTY;
  if (open && running.ui && !(await openUrl(running.ui.openingUrl))) {
    process.stdout.write('Could not open a browser; open the address above yourself.\n');
  }

  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await running.stop();
  return 0;
}
