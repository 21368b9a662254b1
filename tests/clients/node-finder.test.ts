import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bridgeCommand, findNode } from '../../electron/host/clients/node-finder.js';

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('findNode', () => {
  it('uses this Node when it is one, with its absolute path', async () => {
    const found = await findNode({
      platform: process.platform,
      env: {},
      home: '/nowhere',
      selfNode: { path: process.execPath, version: process.version },
    });
    expect(found).toBe(process.execPath);
  });

  it.runIf(process.platform !== 'win32')(
    'from Electron, skips a Node that is too old and finds one on PATH',
    async () => {
      dir = await mkdtemp(join(tmpdir(), 'tb-node-'));
      const old = join(dir, 'old');
      const good = join(dir, 'good');
      for (const [folder, version] of [
        [old, 'v22.11.0'],
        [good, 'v22.12.0'],
      ] as const) {
        await mkdir(folder);
        await writeFile(join(folder, 'node'), `#!/bin/sh\necho ${version}\n`);
        await chmod(join(folder, 'node'), 0o755);
      }
      const found = await findNode({
        platform: 'linux',
        env: { PATH: `relative/bin:${old}:${good}` },
        home: dir,
        selfNode: {
          path: '/Applications/TuneBridge.app/Contents/MacOS/TuneBridge',
          version: 'electron',
        },
      });
      expect(found).toBe(join(good, 'node'));
    },
  );

  it('falls back to the app executable with --mcp-bridge, never ELECTRON_RUN_AS_NODE', () => {
    expect(
      bridgeCommand({ nodePath: '/usr/bin/node', bridgeScript: '/app/dist/bridge.cjs' }),
    ).toEqual({
      command: '/usr/bin/node',
      args: ['/app/dist/bridge.cjs'],
    });
    const app = bridgeCommand({
      bridgeScript: '/app/dist/bridge.cjs',
      appExecutable: '/opt/TuneBridge/tunebridge',
    });
    expect(app).toEqual({ command: '/opt/TuneBridge/tunebridge', args: ['--mcp-bridge'] });
    expect(JSON.stringify(app)).not.toContain('ELECTRON_RUN_AS_NODE');
    expect(() => bridgeCommand({ bridgeScript: '/app/dist/bridge.cjs' })).toThrow(
      /22\.12\.0 or later was found.*npm install --prefix ~\/\.node24 node@24/,
    );
  });
});
