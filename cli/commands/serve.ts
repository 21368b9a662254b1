import { parseArgs } from 'node:util';
import { PROVIDER_NAMES } from '../../protocol/providers.js';
import { startHeadlessHost } from '../../electron/headless/serve.js';
import type { CliContext } from '../index.js';
import { promptHidden } from '../prompt.js';

export async function run(args: string[], context: CliContext): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      sandbox: { type: 'boolean' },
      'no-sandbox': { type: 'boolean' },
    },
  });
  const sandbox = values.sandbox ? true : values['no-sandbox'] ? false : undefined;
  const running = await startHeadlessHost({
    sandbox,
    cliScript: context.cliScript,
    askPassphrase: process.stdin.isTTY
      ? () =>
          promptHidden('No OS keyring is available. Choose a passphrase to encrypt your tokens: ')
      : undefined,
  });
  const lines = [`TuneBridge is running. Data: ${running.host.paths.home}`];
  if (running.host.sandbox) {
    lines.push(
      'Sandbox mode: local Spotify- and TIDAL-compatible servers stand in for the real ones.',
    );
    for (const [provider, url] of Object.entries(running.sandboxUrls ?? {})) {
      lines.push(`  ${PROVIDER_NAMES[provider as keyof typeof PROVIDER_NAMES]} sandbox: ${url}`);
    }
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

  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await running.stop();
  return 0;
}
