import { fileURLToPath } from 'node:url';
import { CliError } from './cli-error.js';

// The bridge is started by MCP clients, which list its tools at once: it skips the parser.
async function main(argv: string[]): Promise<number> {
  if (argv.length === 1 && argv[0] === 'bridge') {
    const { run } = await import('./commands/bridge.js');
    return run();
  }
  const { CommanderError } = await import('commander');
  const { buildProgram } = await import('./program.js');
  let code = 0;
  const program = buildProgram({ cliScript: fileURLToPath(import.meta.url) }, (exit) => {
    code = exit;
  });
  if (argv.length === 0) {
    process.stdout.write(program.helpInformation());
    return 0;
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    // Help and version are answers; anything else commander refuses is a usage error.
    return ['commander.helpDisplayed', 'commander.help', 'commander.version'].includes(error.code)
      ? 0
      : 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `${error instanceof CliError || error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exitCode = error instanceof CliError ? error.exitCode : 1;
  },
);
