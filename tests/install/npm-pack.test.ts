import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRequest } from '../ui/serve-ui.js';

const run = promisify(execFile);
const REPO = resolve('.');

/**
 * `npx -y tunebridge` as a person would run it: the package as `npm pack` makes it (what `files`
 * lists), installed into an empty folder, started with `npx tunebridge serve --sandbox`, and its
 * window answering from the packed `dist/ui`.
 *
 * Offline, npm cannot fetch the keyring's per-platform binding (an optional dependency it would
 * download); it is installed from this checkout's node_modules, as the registry would supply it.
 * `npm pack` runs with --ignore-scripts: `prepack` would rebuild dist/ under other tests' feet,
 * and the suite builds it before it starts.
 */
describe('the packed package', () => {
  let root: string;
  let app: string;
  let tarball: string;
  let serve: ChildProcess | undefined;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    // The npm that belongs to the Node running the tests.
    PATH: `${dirname(process.execPath)}${delimiter}${process.env.PATH ?? ''}`,
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
  };

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'tb-pack-'));
    app = join(root, 'empty-folder');
    await mkdir(app);
    const { stdout } = await run(
      'npm',
      ['pack', '--ignore-scripts', '--json', '--pack-destination', root],
      { cwd: REPO, env, maxBuffer: 16 * 1024 * 1024 },
    );
    const [packed] = JSON.parse(stdout) as Array<{
      filename: string;
      files: Array<{ path: string }>;
    }>;
    if (!packed) throw new Error('npm pack printed nothing');
    tarball = join(root, packed.filename);
    files = packed.files.map((file) => file.path);
  }, 120_000);
  afterAll(async () => {
    if (serve?.pid && serve.exitCode === null && serve.signalCode === null) {
      // The host writes into the data folder until it has stopped: wait for that before removing it.
      const exited = new Promise((resolve) => serve?.once('exit', resolve));
      try {
        process.kill(-serve.pid, 'SIGTERM');
        await exited;
      } catch {
        // Already gone.
      }
    }
    if (root) await rm(root, { recursive: true, force: true, maxRetries: 5 });
  });

  let files: string[] = [];

  it('ships what `files` lists: the CLI, the bridge and the built window, no sources or maps', async () => {
    const manifest = JSON.parse(await readFile(join(REPO, 'package.json'), 'utf8')) as {
      private?: boolean;
      scripts: Record<string, string>;
    };
    expect(manifest.private).toBeUndefined();
    expect(manifest.scripts.prepack).toBe('node scripts/build.mjs');
    for (const path of [
      'bin/tunebridge.js',
      'dist/cli.js',
      'dist/bridge.cjs',
      'dist/ui/index.html',
      'README.md',
    ]) {
      expect(files).toContain(path);
    }
    expect(
      files.filter((path) => /\.map$|^tests\/|^cli\/|^electron\/|^node_modules\//.test(path)),
    ).toEqual([]);
  });

  it('installs into an empty folder and serves the window with `npx tunebridge serve --sandbox`', async () => {
    const bindings = (await readdir(join(REPO, 'node_modules', '@napi-rs'))).filter((name) =>
      name.startsWith('keyring-'),
    );
    await run(
      'npm',
      [
        'install',
        '--offline',
        '--install-links',
        tarball,
        ...bindings.map((name) => join(REPO, 'node_modules', '@napi-rs', name)),
      ],
      { cwd: app, env },
    );
    serve = spawn('npx', ['--offline', 'tunebridge', 'serve', '--sandbox', '--no-open'], {
      cwd: app,
      env: { ...env, TUNEBRIDGE_HOME: join(root, 'data'), TUNEBRIDGE_SECRET_STORE: 'keyring' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const address = await new Promise<URL>((resolvePromise, reject) => {
      let out = '';
      serve?.stdout?.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const match = /http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+/.exec(out);
        if (match) resolvePromise(new URL(match[0]));
      });
      serve?.stderr?.on('data', (chunk: Buffer) => (out += chunk.toString()));
      serve?.once('exit', (code) => reject(new Error(`serve exited (${code}):\n${out}`)));
    });
    const port = Number(address.port);
    const opened = await rawRequest(port, { path: `${address.pathname}${address.search}` });
    expect(opened.status).toBe(303);
    const cookie = ([opened.headers['set-cookie'] ?? []].flat()[0] ?? '').split(';')[0] ?? '';
    const page = await rawRequest(port, { path: '/', headers: { Cookie: cookie } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>TuneBridge</title>');
    const script = /src="(?:\.\/|\/)?([\w.-]+\.js)"/.exec(page.body)?.[1];
    expect(script).toBeDefined();
    const bundle = await rawRequest(port, { path: `/${script}`, headers: { Cookie: cookie } });
    expect(bundle.status).toBe(200);
    expect(bundle.body.length).toBeGreaterThan(10_000);
  }, 120_000);
});
