import { fileURLToPath } from 'node:url';

// The bridge is started by MCP clients, which list its tools at once: it skips the parser, and
// this file imports nothing else statically, since every module on that path costs start-up time.
async function main(argv: string[]): Promise<number> {
  if (argv.length === 1 && argv[0] === 'bridge') {
    const { runBridge } = await import('../mcp-bridge/index.js');
    await runBridge();
    // The bridge keeps running on stdin; the exit code applies only once it ends.
    return 0;
  }
  if (argv[0] === 'serve') {
    const { execWithHostFlags } = await import('./host-v8-flags.js');
    execWithHostFlags();
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
  async (error: unknown) => {
    const { CliError } = await import('./cli-error.js');
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = error instanceof CliError ? error.exitCode : 1;
  },
);
