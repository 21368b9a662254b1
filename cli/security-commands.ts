import type { Command } from 'commander';
import { pointInTime } from './flag-parsers.js';

function examples(...lines: string[]): string {
  return `\nExamples:\n${lines.map((line) => `  $ tunebridge ${line}`).join('\n')}\n`;
}

/** `security`, `lockdown` and `incident report`: the Security view's figures and actions. */
export function registerSecurityCommands(program: Command, done: (code: number) => void): void {
  program
    .command('security')
    .description(
      'Show the security figures (24 h, 7 d, 30 d), anything unusual and dates to watch.',
    )
    .option('--json', 'Print JSON.', false)
    .addHelpText('after', examples('security', 'security --json'))
    .action(async (options: { json: boolean }) => {
      const { security } = await import('./commands/security.js');
      done(await security(options));
    });

  program
    .command('lockdown')
    .description(
      'Pause every assistant, revoke every key, remove TuneBridge from MCP client configs, log out of every provider and erase stored tokens.',
    )
    .option('--yes', 'Do not ask for confirmation.', false)
    .addHelpText('after', examples('lockdown', 'lockdown --yes'))
    .action(async (options: { yes: boolean }) => {
      const { lockdown } = await import('./commands/lockdown.js');
      done(await lockdown(options));
    });

  program
    .command('incident')
    .description('Write an incident report folder: audit export, verification and summary.')
    .argument('<action>', 'report')
    .option(
      '--since <when>',
      'Cover records from this moment (default: the last 7 days): ISO date or time, 30m, 1h, 2d, 1w, today, yesterday.',
      pointInTime(),
    )
    .addHelpText('after', examples('incident report', 'incident report --since 2d'))
    .action(async (action: string, options: { since?: string }) => {
      const { incidentReport } = await import('./commands/incident.js');
      done(await incidentReport(action, options));
    });
}
