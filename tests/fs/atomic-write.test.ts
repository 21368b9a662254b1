import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmod, mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensurePrivateDir, writeFileAtomic } from '../../electron/host/fs/atomic-write.js';

const posix = process.platform !== 'win32';
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tb-atomic-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('writeFileAtomic', () => {
  it.runIf(posix)('creates the file 0600 by default and honours an explicit mode', async () => {
    const target = join(dir, 'a.json');
    await writeFileAtomic(target, '{"a":1}');
    expect((await stat(target)).mode & 0o777).toBe(0o600);
    expect(await readFile(target, 'utf8')).toBe('{"a":1}');

    const other = join(dir, 'b.txt');
    await writeFileAtomic(other, Buffer.from('b'), { mode: 0o640 });
    expect((await stat(other)).mode & 0o777).toBe(0o640);
  });

  it.runIf(posix)('tightens the mode when replacing a looser file', async () => {
    const target = join(dir, 'loose.json');
    await writeFile(target, 'old');
    await chmod(target, 0o644);
    await writeFileAtomic(target, 'new');
    expect((await stat(target)).mode & 0o777).toBe(0o600);
  });

  it('leaves the original intact when the process is killed between write and rename', async () => {
    const target = join(dir, 'settings.json');
    await writeFile(target, 'original');
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'tests/fs/fixtures/crash-writer.ts', target, 'replacement'],
      { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const tempPath = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes('\n')) resolve(out.trim());
      });
      child.on('exit', (code) => reject(new Error(`crash-writer exited early with ${code}`)));
    });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    child.kill('SIGKILL');
    await exited;

    expect(await readFile(target, 'utf8')).toBe('original');
    // The abandoned temp file holds the complete new content, still private, never the target.
    expect(await readFile(tempPath, 'utf8')).toBe('replacement');
    if (posix) expect((await stat(tempPath)).mode & 0o777).toBe(0o600);
  });

  it('removes the temp file and keeps the original when a step fails', async () => {
    const target = join(dir, 'keep.json');
    await writeFile(target, 'original');
    await expect(
      writeFileAtomic(target, 'replacement', {
        beforeRename: () => {
          throw new Error('disk went away');
        },
      }),
    ).rejects.toThrow('disk went away');
    expect(await readFile(target, 'utf8')).toBe('original');
    expect(await readdir(dir)).toEqual(['keep.json']);
  });

  it('removes the temp file when the rename itself fails', async () => {
    // Renaming a file over a non-empty directory fails on every platform.
    const target = join(dir, 'occupied');
    await mkdir(target);
    await writeFile(join(target, 'inside'), 'x');
    await expect(writeFileAtomic(target, 'data')).rejects.toThrow();
    expect(await readdir(dir)).toEqual(['occupied']);
  });

  it('never lets a reader see a torn file while writers race', async () => {
    const target = join(dir, 'race.bin');
    const versions = Array.from({ length: 8 }, (_, i) =>
      Buffer.alloc(256 * 1024 + i * 4096, String.fromCharCode(65 + i)),
    );
    const digest = (b: Buffer) => createHash('sha256').update(b).digest('hex');
    const allowed = new Set(versions.map(digest));
    await writeFileAtomic(target, versions[0]!);

    let writing = true;
    const seen = new Set<string>();
    const reader = (async () => {
      while (writing) {
        const current = await readFile(target);
        const hash = digest(current);
        seen.add(hash);
        if (!allowed.has(hash)) throw new Error(`torn read of ${current.length} bytes`);
      }
    })();
    const writers = versions.map(async (content) => {
      for (let round = 0; round < 6; round++) await writeFileAtomic(target, content);
    });
    await Promise.all(writers);
    writing = false;
    await reader;

    expect(allowed.has(digest(await readFile(target)))).toBe(true);
    expect(seen.size).toBeGreaterThan(0);
    expect(await readdir(dir)).toEqual(['race.bin']);
  });
});

describe('ensurePrivateDir', () => {
  it.runIf(posix)('creates nested directories as 0700', async () => {
    const nested = join(dir, 'a', 'b');
    await ensurePrivateDir(nested);
    expect((await stat(nested)).mode & 0o777).toBe(0o700);
  });

  it.runIf(posix)('tightens an existing directory that others could read', async () => {
    const open = join(dir, 'open');
    await mkdir(open, { mode: 0o755 });
    await chmod(open, 0o755);
    await ensurePrivateDir(open);
    expect((await stat(open)).mode & 0o777).toBe(0o700);
  });

  it('refuses a path that is a file', async () => {
    const file = join(dir, 'file');
    await writeFile(file, 'x');
    await expect(ensurePrivateDir(file)).rejects.toMatchObject({ code: 'not_a_directory' });
  });
});
