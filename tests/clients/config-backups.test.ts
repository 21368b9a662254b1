import { chmod, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { updateConfigFile } from '../../electron/host/clients/config-file.js';

/** Backups of a client's config hold older client keys: few of them, and private. */
describe('config backups', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tb-backups-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('keeps the three newest backups, each readable by the owner only', async () => {
    const path = join(dir, 'mcp.json');
    await writeFile(path, '{"mcpServers":{}}\n');
    await chmod(path, 0o644);
    for (let i = 0; i < 6; i += 1) {
      await updateConfigFile(
        path,
        () => ({ text: JSON.stringify({ mcpServers: { tunebridge: { n: i } } }), result: i }),
        { now: () => new Date(Date.UTC(2026, 10, 28, 12, 0, i)) },
      );
    }
    const backups = (await readdir(dir)).filter((name) => name.includes('tunebridge-backup'));
    expect(backups.sort()).toEqual([
      'mcp.json.tunebridge-backup-20261128T120003.000Z',
      'mcp.json.tunebridge-backup-20261128T120004.000Z',
      'mcp.json.tunebridge-backup-20261128T120005.000Z',
    ]);
    for (const name of [...backups, 'mcp.json']) {
      expect((await stat(join(dir, name))).mode & 0o777).toBe(0o600);
    }
  });
});
