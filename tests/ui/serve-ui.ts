import { mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { startCli, type CliProcess } from '../helpers/cli-process.js';

export interface ServedUi {
  home: string;
  env: NodeJS.ProcessEnv;
  cli: CliProcess;
  /** `http://127.0.0.1:PORT` */
  origin: string;
  port: number;
  /** The printed one-time address. */
  openingUrl: string;
  stop(): Promise<void>;
}

/** `tunebridge serve --sandbox --no-open` in a throwaway data dir, with its printed UI address. */
export async function serveUi(
  extraArgs: string[] = [],
  home?: string,
  /** More environment for the serve process, e.g. a fixture HOME for MCP client configs. */
  extraEnv: NodeJS.ProcessEnv = {},
): Promise<ServedUi> {
  const dir = home ?? (await mkdtemp(join(tmpdir(), 'tb-ui-')));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    TUNEBRIDGE_HOME: dir,
    TUNEBRIDGE_SECRET_STORE: 'keyring',
    ...extraEnv,
  };
  for (const key of Object.keys(env)) if (/^TUNEBRIDGE_(SPOTIFY|TIDAL)_/.test(key)) delete env[key];
  const cli = startCli(['serve', '--sandbox', '--no-open', ...extraArgs], env);
  const [openingUrl] = await cli.waitForOutput(/http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+/);
  const url = new URL(openingUrl);
  return {
    home: dir,
    env,
    cli,
    origin: url.origin,
    port: Number(url.port),
    openingUrl,
    async stop() {
      await cli.stop();
      if (!home) await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Clicks Connect Spotify in the window and Approve on the sandbox consent page it opens, then
 * waits until Accounts shows Spotify connected.
 */
export async function approveSpotifyLogin(context: BrowserContext, page: Page): Promise<void> {
  const [consent] = await Promise.all([
    context.waitForEvent('page'),
    page.getByRole('button', { name: 'Connect Spotify' }).click(),
  ]);
  await consent.getByRole('button', { name: 'Approve' }).click();
  await consent.waitForURL(/127\.0\.0\.1:\d+\/callback/);
  await consent.close();
  await page
    .locator('article[data-provider="spotify"] .badge', { hasText: /^Connected$/ })
    .waitFor();
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A plain HTTP request with exactly the headers given (fetch would refuse to set Host). */
export function rawRequest(
  port: number,
  options: {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string | Buffer;
  },
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: options.method ?? 'GET',
        path: options.path ?? '/',
        headers: options.headers,
        setHost:
          !options.headers || !Object.keys(options.headers).some((h) => h.toLowerCase() === 'host'),
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        // An event stream never ends by itself: its first bytes are enough.
        const isStream = String(res.headers['content-type']).startsWith('text/event-stream');
        res.on('data', (chunk: string) => {
          body += chunk;
          if (isStream) {
            res.destroy();
            resolve({ status: res.statusCode ?? 0, headers: res.headers, body });
          }
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/** Spends the opening token; returns the session cookie (`name=value`). */
export async function openSession(ui: ServedUi): Promise<string> {
  const url = new URL(ui.openingUrl);
  const response = await rawRequest(ui.port, { path: `${url.pathname}${url.search}` });
  if (response.status !== 303) throw new Error(`opening the UI answered ${response.status}`);
  const cookie = [response.headers['set-cookie'] ?? []].flat()[0] ?? '';
  return cookie.split(';')[0] ?? '';
}
