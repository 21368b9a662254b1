import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { TOOLS } from '../../mcp-bridge/tools/index.js';
import { notGrantedSentence } from '../../protocol/not-granted.js';
import { CLI_SCRIPT, startTestHost, type TestHost } from '../helpers/test-host.js';

const run = promisify(execFile);

/** A provider that grants less than asked: login and status say what is missing and what breaks. */
describe('scopes the provider did not grant', () => {
  let host: TestHost | undefined;
  afterEach(async () => {
    await host?.stop();
    host = undefined;
  });

  it('names the missing scopes and the tools that need them', () => {
    const sentence = notGrantedSentence('spotify', ['user-read-recently-played'], TOOLS);
    expect(sentence).toMatch(/^Spotify did not grant user-read-recently-played\./);
    expect(sentence).toContain('spotify_get_recently_played');
    expect(sentence).not.toContain('spotify_search');
    expect(notGrantedSentence('spotify', [], TOOLS)).toBeUndefined();
  });

  it('reaches login.complete and `tunebridge status`', { timeout: 60_000 }, async () => {
    host = await startTestHost({
      sandbox: { withheldScopes: { spotify: ['user-read-recently-played', 'user-top-read'] } },
    });
    const control = await host.control();
    let approval: Promise<string> | undefined;
    const answer = await control.request({ type: 'login.start', provider: 'spotify' }, (p) => {
      if (p.type === 'login.pending') approval = host?.sandbox.spotify.approve(p.authorizationUrl);
    });
    await approval;
    if (answer.type !== 'login.complete') throw new Error(answer.type);
    expect([...(answer.account.notGranted ?? [])].sort()).toEqual([
      'user-read-recently-played',
      'user-top-read',
    ]);

    const { stdout } = await run(process.execPath, [CLI_SCRIPT, 'status'], {
      env: { ...process.env, TUNEBRIDGE_HOME: host.home },
    });
    expect(stdout).toMatch(/Spotify did not grant .*user-read-recently-played/);
    expect(stdout).toMatch(/These tools won't work: .*spotify_get_recently_played/);
  });
});
