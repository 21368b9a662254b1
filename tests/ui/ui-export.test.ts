import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { McpServerEntry } from '../../protocol/broker.js';
import { AuditRecord } from '../../protocol/audit.js';
import { hostPaths } from '../../protocol/data-folder.js';
import { launchChromium } from '../helpers/browser.js';
import { runCli } from '../helpers/cli-process.js';
import { withMcpClient } from '../helpers/mcp-client.js';
import { approveSpotifyLogin, serveUi, type ServedUi } from './serve-ui.js';

const ASSISTANT = 'Export checker';
const FORMATS = ['json', 'csv', 'm3u8', 'xspf'] as const;
type Format = (typeof FORMATS)[number];
type Provider = 'spotify' | 'tidal';
const MIME: Record<Format, string> = {
  json: 'application/json',
  csv: 'text/csv',
  m3u8: 'audio/x-mpegurl',
  xspf: 'application/xspf+xml',
};

/** The file spotify_export attaches, as an assistant receives it through the real bridge. */
interface ToolFile {
  name: string;
  mimeType: string;
  text: string;
  tracks: number;
}

/**
 * Export from the window, through `tunebridge serve --sandbox` in Chromium: a playlist in each
 * format and Liked Songs arrive as downloads with the tool's file name, MIME type and bytes.
 */
describe('export from the window', () => {
  let ui: ServedUi;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let entry: McpServerEntry;

  const toolExport = (provider: Provider, args: Record<string, unknown>): Promise<ToolFile> =>
    withMcpClient(entry, { name: 'ui-export' }, async (mcp) => {
      const answer = await mcp.callTool<{ tracks: number; resourceUri: string }>(
        `${provider}_export`,
        args,
      );
      expect(answer.isError, answer.text).toBe(false);
      const resource = attached(answer.raw);
      return {
        name: decodeURIComponent(answer.structured.resourceUri.split('/').at(-1) ?? ''),
        mimeType: resource.mimeType,
        text: resource.text,
        tracks: answer.structured.tracks,
      };
    });

  const panel = (provider: Provider = 'spotify'): Locator =>
    page.locator(`article[data-provider="${provider}"] .export-panel`);

  /** Opens the panel and waits for the playlists; the saved tracks are always the first choice. */
  const openPanel = async (provider: Provider) => {
    await panel(provider).locator('summary', { hasText: 'Export…' }).click();
    await panel(provider)
      .getByLabel('What to export')
      .locator('option')
      .nth(1)
      .waitFor({ state: 'attached' });
  };

  /** Picks source and format in the panel, clicks Export, and returns the download. */
  const download = async (source: string, format: Format, provider: Provider = 'spotify') => {
    await panel(provider).getByLabel('What to export').selectOption(source);
    await panel(provider).getByLabel('Format').selectOption(format);
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      panel(provider).getByRole('button', { name: 'Export' }).click(),
    ]);
    const path = await file.path();
    await panel(provider)
      .locator('.export-outcome')
      .filter({ hasText: file.suggestedFilename() })
      .waitFor();
    return { name: file.suggestedFilename(), text: await readFile(path, 'utf8') };
  };

  /** The first listed playlist: its id and the track count the list shows. */
  const firstPlaylist = async (provider: Provider) => {
    const option = panel(provider).getByLabel('What to export').locator('option').nth(1);
    const id = (await option.getAttribute('value')) ?? '';
    const listed = Number(/\((\d+)\)$/.exec((await option.textContent()) ?? '')?.[1]);
    expect(id).toMatch(/^[A-Za-z0-9-]+$/);
    expect(listed).toBeGreaterThan(0);
    return { id, listed };
  };

  beforeAll(async () => {
    ui = await serveUi();
    browser = await launchChromium();
    context = await browser.newContext({ acceptDownloads: true });
    page = await context.newPage();
    await page.goto(ui.openingUrl);
    await page.getByRole('heading', { name: 'Accounts', level: 1 }).waitFor();
    await approveSpotifyLogin(context, page);
    const printed = await runCli(['connect', 'print', '--name', ASSISTANT], ui.env);
    entry = McpServerEntry.parse(JSON.parse(printed.stdout).mcpServers.tunebridge);
    await openPanel('spotify');
  });
  afterAll(async () => {
    await browser?.close();
    await ui?.stop();
  });

  it('downloads a playlist in each format, byte for byte what spotify_export attaches', async () => {
    const { id, listed } = await firstPlaylist('spotify');
    for (const format of FORMATS) {
      const file = await download(id, format);
      const tool = await toolExport('spotify', { playlist_id: id, format });
      expect(file.name).toBe(tool.name);
      expect(file.name.endsWith(`.${format}`)).toBe(true);
      expect(tool.mimeType).toBe(MIME[format]);
      expect(file.text).toBe(tool.text);
      expect(tool.tracks).toBe(listed);
      const lines = file.text.split('\n');
      switch (format) {
        case 'json': {
          const parsed = JSON.parse(file.text) as { name: string; tracks: unknown[] };
          expect(parsed.tracks).toHaveLength(listed);
          expect(file.name).toBe(`${parsed.name.replace(/[^\p{L}\p{N}]+/gu, '-')}.json`);
          break;
        }
        case 'csv':
          expect(lines[0]).toBe('title,artists,album,duration_ms,isrc,release_date,added_at,url');
          expect(lines).toHaveLength(listed + 1);
          break;
        case 'm3u8':
          expect(lines[0]).toBe('#EXTM3U');
          expect(lines.filter((line) => line.startsWith('#EXTINF:'))).toHaveLength(listed);
          break;
        case 'xspf': {
          // Parsed by the browser's own XML parser: a malformed file gives a <parsererror>.
          const counted = await page.evaluate((xml) => {
            const doc = new DOMParser().parseFromString(xml, 'application/xml');
            return {
              errors: doc.getElementsByTagName('parsererror').length,
              tracks: doc.getElementsByTagNameNS('http://xspf.org/ns/0/', 'track').length,
            };
          }, file.text);
          expect(counted).toEqual({ errors: 0, tracks: listed });
          break;
        }
      }
    }
  });

  it('downloads Liked Songs, as spotify_export without a playlist does', async () => {
    const file = await download('library', 'csv');
    const tool = await toolExport('spotify', { format: 'csv' });
    expect(file.name).toBe('Liked-Songs.csv');
    expect(file.name).toBe(tool.name);
    expect(file.text).toBe(tool.text);
    expect(file.text.split('\n')).toHaveLength(tool.tracks + 1);
    expect(tool.tracks).toBeGreaterThan(0);
  });

  it('says what to do when the playlist is gone, and when the service is not connected', async () => {
    // A playlist deleted elsewhere after the list was read: the host's 404 sentence shows.
    await panel()
      .getByLabel('What to export')
      .evaluate((select) => {
        const gone = document.createElement('option');
        gone.value = 'AAAAAAAAAAAAAAAAAAAAAA';
        gone.textContent = 'Deleted meanwhile';
        select.append(gone);
      });
    await panel().getByLabel('What to export').selectOption('AAAAAAAAAAAAAAAAAAAAAA');
    await panel().getByRole('button', { name: 'Export' }).click();
    await expect
      .poll(() => panel().getByRole('alert').textContent())
      .toMatch(/Spotify could not find that playlist .*pick another one\./);

    // TIDAL is not connected in this sandbox: the window's request says where to connect it.
    const answer = await page.evaluate(async () => {
      const response = await fetch('/api', {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'X-TuneBridge-Session': sessionStorage.getItem('tunebridge.session') ?? '',
        },
        body: JSON.stringify({
          op: 'library.export',
          provider: 'tidal',
          source: { kind: 'library' },
          format: 'csv',
        }),
      });
      return { status: response.status, body: (await response.json()) as unknown };
    });
    expect(answer).toEqual({
      status: 409,
      body: {
        code: 'provider_not_connected',
        message:
          'TIDAL isn’t connected, so TuneBridge can’t read your playlists there. Connect TIDAL in Accounts, then export again.',
      },
    });
  });

  it('downloads a TIDAL playlist and the favourite tracks as tidal_export writes them', async () => {
    const [consent] = await Promise.all([
      context.waitForEvent('page'),
      page.getByRole('button', { name: 'Connect TIDAL' }).click(),
    ]);
    await consent.getByRole('button', { name: 'Approve' }).click();
    await consent.waitForURL(/127\.0\.0\.1:\d+\/callback/);
    await consent.close();
    await page.locator('article[data-provider="tidal"] .badge', { hasText: 'Connected' }).waitFor();
    await openPanel('tidal');
    const { id, listed } = await firstPlaylist('tidal');
    for (const format of ['csv', 'xspf'] as const) {
      const file = await download(id, format, 'tidal');
      const tool = await toolExport('tidal', { playlist_id: id, format });
      expect(file.name).toBe(tool.name);
      expect(file.text).toBe(tool.text);
      expect(tool.tracks).toBe(listed);
    }
    const favourites = await download('library', 'm3u8', 'tidal');
    const tool = await toolExport('tidal', { format: 'm3u8' });
    expect(tool.tracks).toBeGreaterThan(0);
    expect(favourites.name).toBe('Favourite-tracks.m3u8');
    expect(favourites.text).toBe(tool.text);
    expect(favourites.text.startsWith('#EXTM3U\n')).toBe(true);
  });

  it('audits each export as the person’s, with no token in the record', async () => {
    const listed = await runCli(
      ['audit', '--json', '--kind', 'tool.call', '--limit', '200'],
      ui.env,
    );
    const records = listed.stdout
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((line) => AuditRecord.parse(JSON.parse(line)));
    const exports = records.filter((record) => record.tool === 'library.export');
    expect(exports.length).toBeGreaterThanOrEqual(FORMATS.length + 2);
    for (const record of exports) {
      expect(record).toMatchObject({ kind: 'tool.call', provider: expect.any(String) });
      expect(record.assistantName).toBe('the person (window)');
      expect(record.assistantId).toBeUndefined();
    }
    expect(
      exports.some((r) => /Exported \d+ tracks of “Liked Songs” as CSV/.test(r.message ?? '')),
    ).toBe(true);
    expect(exports.some((r) => r.outcome === 'error' && r.provider === 'tidal')).toBe(true);
    // The sandbox's tokens carry a readable prefix, so a leak anywhere in the log would show.
    const auditDir = hostPaths(ui.home).auditDir;
    const lines = await Promise.all(
      (await readdir(auditDir)).map((name) => readFile(join(auditDir, name), 'utf8')),
    );
    expect(lines.join('')).toContain('library.export');
    expect(lines.join('')).not.toMatch(/sbx-(spotify|tidal)-/);
  });
});

function attached(raw: CallToolResult): { mimeType: string; text: string } {
  for (const part of raw.content) {
    if (part.type === 'resource' && 'text' in part.resource) {
      return { mimeType: part.resource.mimeType ?? '', text: part.resource.text };
    }
  }
  throw new Error('spotify_export attached no file');
}
