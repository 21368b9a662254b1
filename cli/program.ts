import { Argument, Command, Option } from 'commander';
import { AuditKind } from '../protocol/audit.js';
import { McpClientId } from '../protocol/assistant.js';
import { ProviderId } from '../protocol/providers.js';
import { VERSION } from '../protocol/version.js';
import { registerSecurityCommands } from './security-commands.js';
import {
  APPROVAL_ID,
  approvalId,
  oneOf,
  pointInTime,
  port,
  positiveInteger,
} from './flag-parsers.js';

export interface CliContext {
  /** This script, so that config entries can point MCP clients back at it. */
  cliScript: string;
}

/** What a command's action hands back: its exit code (0 done, 1 failed). */
type Done = (code: number) => void;

const PROVIDERS = ProviderId.options;
const providerArgument = (description: string) =>
  new Argument('<provider>', description).argParser(oneOf(PROVIDERS));

function examples(...lines: string[]): string {
  return `\nExamples:\n${lines.map((line) => `  $ tunebridge ${line}`).join('\n')}\n`;
}

/**
 * Every command, its flags and examples. Each action loads only its own module, so a command
 * starts no slower than it needs to; usage errors (unknown command or flag, a bad value) exit 2.
 */
export function buildProgram(context: CliContext, done: Done): Command {
  const program = new Command('tunebridge')
    .description('Let AI assistants use your music accounts safely.')
    .version(VERSION, '-v, --version', 'Print the version.')
    .showSuggestionAfterError(true)
    .showHelpAfterError(true)
    .exitOverride()
    .configureOutput({ outputError: (text, write) => write(text) });

  program
    .command('serve')
    .description('Start the host and its window (sandbox mode when no provider is configured).')
    .option('--sandbox', 'Use the local stand-ins for Spotify and TIDAL.')
    .option('--no-sandbox', 'Never use the stand-ins, even with no provider configured.')
    .option('--no-open', 'Print the window’s address instead of opening it.')
    .option('--port <port>', 'Serve the window on this port (0 picks a free one).', port, 0)
    .addHelpText('after', examples('serve', 'serve --sandbox --no-open', 'serve --port 8080'))
    .action(async (options: { sandbox?: boolean; open: boolean; port: number }) => {
      const { serve } = await import('./commands/serve.js');
      done(await serve(options, context));
    });

  program
    .command('login')
    .description('Log in to a provider through your browser.')
    .addArgument(providerArgument(`The provider: ${PROVIDERS.join(' or ')}.`))
    .option('--no-open', 'Print the login address instead of opening a browser.')
    .addHelpText('after', examples('login spotify', 'login tidal --no-open'))
    .action(async (provider: ProviderId, options: { open: boolean }) => {
      const { login } = await import('./commands/login.js');
      done(await login(provider, options));
    });

  program
    .command('connect')
    .description('Add TuneBridge to an MCP client’s config, or print an entry to paste.')
    .argument('[client]', `print, or one of: ${McpClientId.options.join(', ')}.`)
    .option('--name <name>', 'With print: the assistant’s name.', 'MCP client')
    .option('--bundle', 'Claude Desktop: make an extension (.mcpb) instead.', false)
    .option('--out <file>', 'With --bundle: where to write it.')
    .option('--no-open', 'With --bundle: don’t open the file afterwards.')
    .addHelpText(
      'after',
      examples(
        'connect claude-desktop',
        'connect claude-desktop --bundle --out ~/TuneBridge.mcpb',
        'connect print --name "My assistant"',
      ),
    )
    .action(
      async (
        client: string | undefined,
        options: { name: string; bundle: boolean; out?: string; open: boolean },
      ) => {
        const { connect } = await import('./commands/connect.js');
        done(await connect(client, options));
      },
    );

  program
    .command('disconnect')
    .description('Remove TuneBridge from that client’s config and revoke its key.')
    .addArgument(
      new Argument('<client>', `One of: ${McpClientId.options.join(', ')}.`).argParser(
        oneOf(McpClientId.options),
      ),
    )
    .addHelpText('after', examples('disconnect cursor'))
    .action(async (client: McpClientId) => {
      const { disconnect } = await import('./commands/disconnect.js');
      done(await disconnect(client));
    });

  program
    .command('open')
    .description(
      'Open the running TuneBridge’s window with a fresh one-time address, without a restart (which would cut every assistant off). The address works once, on this machine, within 10 minutes.',
    )
    .option('--no-open', 'Print the address instead of opening it.')
    .addHelpText('after', examples('open', 'open --no-open'))
    .action(async (options: { open: boolean }) => {
      const { open } = await import('./commands/open.js');
      done(await open(options));
    });

  program
    .command('status')
    .description('Show connected accounts and assistants.')
    .option('--json', 'Print JSON.', false)
    .addHelpText('after', examples('status', 'status --json'))
    .action(async (options: { json: boolean }) => {
      const { status } = await import('./commands/status.js');
      done(await status(options));
    });

  program
    .command('doctor')
    .description('Check an account: scopes, login end, rate limit, gated endpoints.')
    .addArgument(
      new Argument('[provider]', `${PROVIDERS.join(' or ')}.`)
        .argParser(oneOf(PROVIDERS))
        .default('spotify'),
    )
    .option('--json', 'Print the report as JSON.', false)
    .addHelpText('after', examples('doctor', 'doctor tidal --json'))
    .action(async (provider: ProviderId, options: { json: boolean }) => {
      const { doctor } = await import('./commands/doctor.js');
      done(await doctor(provider, options));
    });

  program
    .command('audit')
    .description('Show what happened, newest first; `audit verify` checks the hash chain.')
    .addArgument(
      new Argument('[action]', 'verify: check the log for edited or removed records.').choices([
        'verify',
      ]),
    )
    .option('--limit <n>', 'Show at most this many records (1–10000).', positiveInteger(10_000), 50)
    .option(
      '--before <record>',
      'Page back: only records older than this record number.',
      positiveInteger(),
    )
    .addOption(
      new Option('--kind <kind>', 'Only this kind of record.').argParser(oneOf(AuditKind.options)),
    )
    .option('--client <assistant>', 'Only this assistant’s records: its name or id.')
    .addOption(
      new Option('--provider <provider>', 'Only this provider’s records.').argParser(
        oneOf(PROVIDERS),
      ),
    )
    .option(
      '--since <when>',
      'From this moment: ISO date or time, 30m, 1h, 2d, 1w, today, yesterday.',
      pointInTime(),
    )
    .option('--until <when>', 'Up to this moment, in the same forms as --since.', pointInTime())
    .option('--json', 'Print one JSON record per line.', false)
    .addHelpText(
      'after',
      examples(
        'audit',
        'audit --since 1h --kind api.call',
        'audit --limit 20 --before 1200',
        'audit verify',
      ),
    )
    .action(async (action: 'verify' | undefined, options: AuditOptions) => {
      const audit = await import('./commands/audit.js');
      done(action === 'verify' ? await audit.verify() : await audit.audit(options));
    });

  program
    .command('assistants')
    .description('List assistants with what each may do.')
    .option('--json', 'Print JSON.', false)
    .addHelpText('after', examples('assistants', 'assistants --json'))
    .action(async (options: { json: boolean }) => {
      const { listAssistants } = await import('./commands/assistants.js');
      done(await listAssistants(options));
    });

  program
    .command('allow')
    .description(
      'Let an assistant do more: read, playback, library-write, playlists-write, or a provider.',
    )
    .argument('<assistant>', 'Its name or id.')
    .argument('<what...>', 'Permission groups or providers.')
    .addHelpText(
      'after',
      examples('allow "Claude Desktop" playback', 'allow Cursor tidal playlists-write'),
    )
    .action(async (name: string, what: string[]) => {
      const { changePolicy } = await import('./commands/assistants.js');
      done(await changePolicy(name, what, 'allow'));
    });

  // `deny` takes permissions away, or (given one approval id) refuses a waiting change.
  program
    .command('deny')
    .description('Take those away again, or refuse a change waiting for your OK.')
    .argument('<assistant>', 'Its name or id, or the id of a waiting change.')
    .argument('[what...]', 'Permission groups or providers (not with a change id).')
    .addHelpText(
      'after',
      examples(
        'deny "Claude Desktop" playback',
        'deny Cursor tidal playlists-write',
        'deny 3f2c9a1e-7b4d-4e2a-9c61-0d5e8f7a6b21',
      ),
    )
    .action(async (name: string, what: string[], _options: object, command: Command) => {
      if (what.length === 0) {
        if (!APPROVAL_ID.test(name)) {
          command.error(
            "error: missing required argument 'what' (or give the id of a waiting change)",
            { exitCode: 2, code: 'commander.missingArgument' },
          );
        }
        const { respond } = await import('./commands/approvals.js');
        return done(await respond(name, false));
      }
      const { changePolicy } = await import('./commands/assistants.js');
      done(await changePolicy(name, what, 'deny'));
    });

  for (const verb of ['pause', 'resume'] as const) {
    program
      .command(verb)
      .description(
        verb === 'pause'
          ? 'Pause one assistant, or every assistant at once.'
          : 'Let it (or every assistant) in again.',
      )
      .argument('[assistant]', 'Its name or id; none means every assistant.')
      .addHelpText('after', examples(verb, `${verb} "Claude Desktop"`))
      .action(async (name: string | undefined) => {
        const { setPaused } = await import('./commands/assistants.js');
        done(await setPaused(name, verb === 'pause'));
      });
  }

  program
    .command('revoke')
    .description('Revoke an assistant’s key for good.')
    .argument('<assistant>', 'Its name or id.')
    .addHelpText('after', examples('revoke Cursor'))
    .action(async (name: string) => {
      const { revoke } = await import('./commands/assistants.js');
      done(await revoke(name));
    });

  program
    .command('approvals')
    .description('List the changes waiting for your OK ("Ask before changes").')
    .option('--json', 'Print JSON.', false)
    .addHelpText('after', examples('approvals', 'approvals --json'))
    .action(async (options: { json: boolean }) => {
      const { approvals } = await import('./commands/approvals.js');
      done(await approvals(options));
    });

  program
    .command('approve')
    .description('Let a change waiting for your OK go through.')
    .addArgument(new Argument('<id>', 'The id `tunebridge approvals` shows.').argParser(approvalId))
    .addHelpText('after', examples('approve 3f2c9a1e-7b4d-4e2a-9c61-0d5e8f7a6b21'))
    .action(async (id: string) => {
      const { respond } = await import('./commands/approvals.js');
      done(await respond(id, true));
    });

  program
    .command('undo')
    .description('Reverse a change by its receipt, or list the recent changes.')
    .argument('[receipt]', 'The receipt id `tunebridge undo --list` shows.')
    .option('--list', 'List the recent changes, newest first, with their receipt ids.', false)
    .option('--json', 'With --list: print JSON.', false)
    .addHelpText('after', examples('undo --list', 'undo r_Xy12ab34cd'))
    .action(async (receipt: string | undefined, options: { list: boolean; json: boolean }) => {
      const { undo } = await import('./commands/undo.js');
      done(await undo(receipt, options));
    });

  program
    .command('logout')
    .description('Log out of a provider and erase TuneBridge’s tokens.')
    .addArgument(providerArgument(`The provider: ${PROVIDERS.join(' or ')}.`))
    .addHelpText('after', examples('logout spotify'))
    .action(async (provider: ProviderId) => {
      const { logout } = await import('./commands/logout.js');
      done(await logout(provider));
    });

  program
    .command('bridge')
    .description('Run the stdio MCP bridge (MCP clients start this).')
    .addHelpText('after', examples('bridge'))
    .action(async () => {
      const { run } = await import('./commands/bridge.js');
      done(await run());
    });

  registerSecurityCommands(program, done);
  return program;
}

export interface AuditOptions {
  limit: number;
  before?: number;
  kind?: AuditKind;
  client?: string;
  provider?: ProviderId;
  since?: string;
  until?: string;
  json: boolean;
}

/** Every command's name, for the help test and the fast path. */
export function commandNames(program: Command): string[] {
  return program.commands.map((command) => command.name());
}
