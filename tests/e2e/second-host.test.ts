import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, startCli, type CliProcess } from '../helpers/cli-process.js';

/** Starting TuneBridge twice (say, serve while the desktop app runs) leaves the first in charge. */
describe('a second host on the same data dir', () => {
  let home: string;
  let first: CliProcess;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    home = await mkdtemp(join(tmpdir(), 'tb-second-'));
    env = {
      ...process.env,
      TUNEBRIDGE_HOME: home,
      TUNEBRIDGE_SECRET_STORE: 'passphrase-file',
      TUNEBRIDGE_PASSPHRASE: 'second host test',
    };
    first = startCli(['serve', '--sandbox', '--no-open'], env);
    await first.waitForOutput(/TuneBridge is running/);
  });
  afterAll(async () => {
    await first?.stop();
    if (home) await rm(home, { recursive: true, force: true });
  });

  it('refuses to start, and the command line still reaches the first one', async () => {
    const second = await runCli(['serve', '--sandbox', '--no-open'], env);
    expect(second.code).not.toBe(0);
    expect(second.stderr).toMatch(/already running/i);

    const status = await runCli(['status', '--json'], env);
    expect(status.code).toBe(0);
    expect(JSON.parse(status.stdout).sandbox).toBe(true);
  });
});
