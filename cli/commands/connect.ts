import { parseArgs } from 'node:util';
import { CliError } from '../cli-error.js';
import { asCliError, connectToHost } from '../host-control.js';

export async function run(args: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { name: { type: 'string', default: 'MCP client' } },
  });
  if (positionals[0] !== 'print') {
    throw new CliError(
      'Usage: `tunebridge connect print [--name NAME]` prints a config entry to paste into any MCP client.',
      2,
    );
  }
  const host = await connectToHost();
  try {
    const answer = await host.request({ type: 'client.issue', name: values.name ?? 'MCP client' });
    if (answer.type !== 'client.issued')
      throw new CliError(`Unexpected answer from TuneBridge: ${answer.type}`);
    process.stdout.write(
      `${JSON.stringify({ mcpServers: { tunebridge: answer.entry } }, null, 2)}\n`,
    );
    process.stderr.write(
      `\nPaste the entry above into your MCP client's config (its "mcpServers" section) and restart the client.\n` +
        `It holds a new key for "${answer.client.name}", shown only this once. The assistant may read your library;\n` +
        `allow more (playback, playlist changes) in TuneBridge.\n`,
    );
    return 0;
  } catch (error) {
    throw asCliError(error);
  } finally {
    host.close();
  }
}
