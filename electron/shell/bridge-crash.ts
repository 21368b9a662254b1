/**
 * In `--mcp-bridge` mode nobody sees the process's windows, so an uncaught error must not open
 * Electron's modal error box (which would leave the client waiting on a process that never
 * ends): write it to stderr, which MCP clients log, and exit.
 */
export function exitOnUncaughtErrors(
  proc: Pick<NodeJS.Process, 'on' | 'exit' | 'stderr'> = process,
): (error: unknown) => never {
  const fail = (error: unknown): never => {
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    proc.stderr.write(`TuneBridge bridge stopped on an unexpected error: ${detail}\n`);
    return proc.exit(1);
  };
  proc.on('uncaughtException', fail);
  proc.on('unhandledRejection', fail);
  return fail;
}
