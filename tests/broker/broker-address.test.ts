import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hostPaths } from '../../protocol/data-folder.js';
import { brokerAddress } from '../../broker-client/host-address.js';

/** On Windows the host's pipe name is random per start; clients read it from the run dir. */
describe('broker address', () => {
  let home: string;
  beforeEach(async () => {
    home = await mkdtemp(join(tmpdir(), 'tb-address-'));
    await mkdir(join(home, 'run'));
  });
  afterEach(() => rm(home, { recursive: true, force: true }));

  it('is the Unix socket in the run directory off Windows', async () => {
    const paths = hostPaths(home);
    expect(await brokerAddress(paths, 'linux')).toBe(join(home, 'run', 'broker.sock'));
  });

  it('is the pipe the running Windows host published', async () => {
    const paths = hostPaths(home);
    const pipe = `\\\\.\\pipe\\tunebridge-${'a1'.repeat(16)}`;
    await writeFile(paths.brokerPipeFile, `${pipe}\n`);
    expect(await brokerAddress(paths, 'win32')).toBe(pipe);
  });

  it('ignores a published name that is not one of ours', async () => {
    const paths = hostPaths(home);
    await writeFile(paths.brokerPipeFile, '\\\\.\\pipe\\someone-elses-pipe');
    expect(await brokerAddress(paths, 'win32')).toBe(paths.brokerSocket);
    await rm(paths.brokerPipeFile);
    expect(await brokerAddress(paths, 'win32')).toBe(paths.brokerSocket);
  });
});
