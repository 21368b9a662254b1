import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openExternal, openWithSystem } from '../../electron/host/open-external.js';
import { openUrl } from '../../cli/open-url.js';

// A stand-in browser records what it was asked to open: the real `open` package and the
// xdg-open it runs, with only the desktop's browser replaced (through BROWSER, which xdg-open
// honours outside a desktop session, and on PATH for a system xdg-open).
describe.runIf(process.platform === 'linux')('opening links and files', () => {
  let dir: string;
  let savedPath: string | undefined;
  const saved = {
    BROWSER: process.env.BROWSER,
    XDG_CURRENT_DESKTOP: process.env.XDG_CURRENT_DESKTOP,
  };
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tb-open-'));
    await writeFile(
      join(dir, 'xdg-open'),
      `#!/bin/sh\nprintf '%s\\n' "$@" >> '${join(dir, 'opened.txt')}'\n`,
    );
    await chmod(join(dir, 'xdg-open'), 0o755);
    savedPath = process.env.PATH;
    process.env.PATH = `${dir}${delimiter}${savedPath ?? ''}`;
    process.env.BROWSER = join(dir, 'xdg-open');
    delete process.env.XDG_CURRENT_DESKTOP;
  });
  afterEach(async () => {
    process.env.PATH = savedPath;
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    await rm(dir, { recursive: true, force: true });
  });

  async function opened(): Promise<string[]> {
    for (let i = 0; i < 100; i++) {
      const text = await readFile(join(dir, 'opened.txt'), 'utf8').catch(() => '');
      if (text) return text.trim().split('\n');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return [];
  }

  it('passes a link with shell-special characters through untouched, as one argument', async () => {
    const url = 'https://tidal.com/browse/track/1?a=1&b="2"|x^y';
    expect(await openExternal(url)).toBe(true);
    expect(await opened()).toEqual([new URL(url).href]);
  });

  it('is the same opener the CLI uses, for files and loopback addresses too', async () => {
    expect(openUrl).toBe(openWithSystem);
    expect(await openUrl('http://127.0.0.1:4000/#t=1&x=2')).toBe(true);
    expect(await opened()).toEqual(['http://127.0.0.1:4000/#t=1&x=2']);
  });

  it('refuses anything but https in the host', async () => {
    expect(await openExternal('http://example.com')).toBe(false);
    expect(await openExternal('file:///etc/passwd')).toBe(false);
    expect(await openExternal('not a url')).toBe(false);
    expect(await opened()).toEqual([]);
  });
});
