import { fileURLToPath } from 'node:url';
import { VERSION } from '../protocol/version.js';
import { CliError } from './cli-error.js';

const USAGE = `TuneBridge ${VERSION} — let AI assistants use your music accounts safely.

Usage: tunebridge <command> [options]

  serve [--sandbox|--no-sandbox] [--no-open] [--port N]
                                   Start the host and its window (sandbox mode when no provider is configured)
  login <spotify|tidal> [--no-open] Log in to a provider through your browser
  connect print [--name NAME]      Print an MCP client config entry with a new client key
  connect <client> [--bundle]      Add TuneBridge to claude-desktop, claude-code, cursor, vscode or windsurf
  disconnect <client>              Remove TuneBridge from that client's config and revoke its key
  open [--no-open]                 Open the running TuneBridge's window with a fresh one-time address
  status [--json]                  Show connected accounts and assistants
  doctor [spotify|tidal] [--json]  Check an account: scopes, login end, rate limit, gated endpoints
  audit [--limit N] [--kind K] [--client ID] [--provider P] [--since ISO] [--json]
                                   Show what happened, newest first (--before N pages back)
  audit verify                     Check the audit log's hash chain for edited or removed records
  assistants [--json]              List assistants with what each may do
  allow <assistant> <what>…        Let an assistant do more: read, playback, library-write,
                                   playlists-write, or a provider (spotify, tidal)
  deny <assistant> <what>…         Take those away again
  pause [<assistant>]              Pause one assistant, or every assistant at once
  resume [<assistant>]             Let it (or every assistant) in again
  revoke <assistant>               Revoke an assistant's key for good
  approvals [--json]               Changes waiting for your OK ("Ask before changes")
  approve <id> | deny <id>         Let a waiting change through, or refuse it
  undo <receipt> | undo --list     Reverse a change by its receipt, or list recent changes
  logout <spotify|tidal>           Log out of a provider and erase TuneBridge's tokens
  bridge                           Run the stdio MCP bridge (MCP clients start this)
`;

// Each command loads only its own code, so `tunebridge bridge` starts as fast as it can.
const COMMANDS: Record<
  string,
  () => Promise<{ run(args: string[], context: CliContext): Promise<number> }>
> = {
  serve: () => import('./commands/serve.js'),
  login: () => import('./commands/login.js'),
  connect: () => import('./commands/connect.js'),
  disconnect: () => import('./commands/disconnect.js'),
  open: () => import('./commands/open.js'),
  status: () => import('./commands/status.js'),
  doctor: () => import('./commands/doctor.js'),
  audit: () => import('./commands/audit.js'),
  assistants: () => import('./commands/assistants.js').then((m) => m.assistants),
  allow: () => import('./commands/assistants.js').then((m) => m.allow),
  deny: () =>
    Promise.all([import('./commands/assistants.js'), import('./commands/approvals.js')]).then(
      ([permissions, approvals]) => approvals.denyOrRevokePermission(permissions.deny),
    ),
  pause: () => import('./commands/assistants.js').then((m) => m.pause),
  resume: () => import('./commands/assistants.js').then((m) => m.resume),
  revoke: () => import('./commands/assistants.js').then((m) => m.revoke),
  logout: () => import('./commands/logout.js'),
  bridge: () => import('./commands/bridge.js'),
  approvals: () => import('./commands/approvals.js').then((m) => m.approvals),
  approve: () => import('./commands/approvals.js').then((m) => m.approve),
  undo: () => import('./commands/undo.js'),
};

export interface CliContext {
  /** This script, so that config entries can point MCP clients back at it. */
  cliScript: string;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  if (command === '--version' || command === '-v') {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const load = COMMANDS[command];
  if (!load) {
    process.stderr.write(`Unknown command "${command}".\n\n${USAGE}`);
    return 2;
  }
  const module = await load();
  return module.run(args, { cliScript: fileURLToPath(import.meta.url) });
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
