import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROKER_PROTOCOL_VERSION, McpServerEntry } from '../../protocol/broker.js';
import { hostPaths } from '../../protocol/data-folder.js';
import { BrokerClient } from '../../broker-client/broker-client.js';
import { send } from '../../broker-client/send-operation.js';
import { launchChromium } from '../helpers/browser.js';
import { runCli } from '../helpers/cli-process.js';
import { withMcpClient } from '../helpers/mcp-client.js';
import { approveSpotifyLogin, serveUi, type ServedUi } from './serve-ui.js';

const ASSISTANT = 'Undo tester';

/**
 * Undo from the window: a change an assistant made through the real bridge shows in Activity
 * with an Undo button, which reverses it; the receipt (and that it was undone) survives a
 * restart of `tunebridge serve`, so the command line refuses to undo it a second time.
 */
describe('undo from the window', () => {
  let home: string;
  let ui: ServedUi;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let entry: McpServerEntry;
  let receipt = '';

  const playbackVolume = () =>
    withMcpClient(entry, { name: 'ui-undo' }, async (mcp) => {
      const answer = await mcp.callTool<{ device?: { volumePercent?: number } }>(
        'spotify_get_playback',
      );
      return answer.structured.device?.volumePercent;
    });

  beforeAll(async () => {
    home = await mkdtemp(join(tmpdir(), 'tb-undo-'));
    ui = await serveUi([], home);
    browser = await launchChromium();
    context = await browser.newContext();
    page = await context.newPage();
    await page.goto(ui.openingUrl);
    await page.getByRole('heading', { name: 'Accounts', level: 1 }).waitFor();
    await approveSpotifyLogin(context, page);
    const printed = await runCli(['connect', 'print', '--name', ASSISTANT], ui.env);
    entry = McpServerEntry.parse(JSON.parse(printed.stdout).mcpServers.tunebridge);
    expect((await runCli(['allow', ASSISTANT, 'playback'], ui.env)).code).toBe(0);
  });
  afterAll(async () => {
    await browser?.close();
    await ui?.stop();
    if (home) await rm(home, { recursive: true, force: true });
  });

  it('reverses a volume change with the Undo button in Activity', async () => {
    const was = await playbackVolume();
    expect(was).toBeTypeOf('number');
    const target = was === 20 ? 30 : 20;
    await withMcpClient(entry, { name: 'ui-undo' }, async (mcp) => {
      const set = await mcp.callTool<{ receipts?: string[] }>('spotify_set_volume', {
        volume_percent: target,
      });
      expect(set.isError).toBe(false);
      receipt = set.structured.receipts?.[0] ?? '';
    });
    expect(receipt).toMatch(/^r_/);
    expect(await playbackVolume()).toBe(target);

    await page.getByRole('link', { name: 'Activity' }).click();
    await page.getByRole('heading', { name: 'Activity', level: 1 }).waitFor();
    const undo = page.locator(`.record-undo[data-receipt="${receipt}"]`);
    await undo.getByRole('button', { name: 'Undo' }).click();
    await undo
      .getByRole('status')
      .filter({ hasText: /^Undone: Set volume/ })
      .waitFor();
    expect(await undo.getByRole('button').isDisabled()).toBe(true);
    expect(await playbackVolume()).toBe(was);
  });

  it('prints each change waiting for an OK in the serve terminal, and `approve` lets it through', async () => {
    const paths = hostPaths(home);
    const control = await BrokerClient.connect(paths.brokerSocket);
    const controlKey = (await readFile(paths.controlKeyFile, 'utf8')).trim();
    await control.request({ type: 'control.hello', protocol: BROKER_PROTOCOL_VERSION, controlKey });
    const { status } = await send(control, { op: 'status' });
    const assistant = status.assistants.find((a) => a.name === ASSISTANT && !a.revoked);
    await send(control, {
      op: 'assistant.policy',
      assistantId: assistant?.assistantId ?? '',
      policy: {
        ...(assistant?.policy ?? { groups: [], providers: [], paused: false }),
        askBeforeChanges: true,
      },
    });
    control.close();
    await playbackVolume();
    await withMcpClient(entry, { name: 'ui-undo' }, async (mcp) => {
      const call = mcp.callTool('spotify_set_volume', { volume_percent: 41 });
      const [, id] = await ui.cli.waitForOutput(/A change waits for your OK:\n(\S+)/);
      expect(ui.cli.stdout()).toContain(`tunebridge approve ${id}`);
      expect((await runCli(['approve', id ?? ''], ui.env)).code).toBe(0);
      expect((await call).isError).toBe(false);
    });
    expect(await playbackVolume()).toBe(41);
  });

  it('keeps receipts across a restart, 0600, and an undo never runs twice', async () => {
    await ui.stop();
    ui = await serveUi([], home);
    const file = await stat(join(home, 'receipts.json'));
    if (process.platform !== 'win32') expect(file.mode & 0o777).toBe(0o600);
    const listed = await runCli(['undo', '--list', '--json'], ui.env);
    expect(listed.code).toBe(0);
    const receipts = JSON.parse(listed.stdout) as Array<{ id: string; undoneAt?: string }>;
    expect(receipts.find((r) => r.id === receipt)?.undoneAt).toBeTypeOf('string');
    const again = await runCli(['undo', receipt], ui.env);
    expect(again.code).not.toBe(0);
    expect(again.stderr).toMatch(/already undone/);
  });
});
