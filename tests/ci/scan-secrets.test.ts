import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error — a plain .mjs script without type declarations
import { parseAllowList, scanText } from '../../scripts/scan-secrets.mjs';

const run = promisify(execFile);
const SCRIPT = resolve('scripts/scan-secrets.mjs');

interface Finding {
  line: number;
  rule: string;
  preview: string;
}
const scan = scanText as (text: string, allow?: unknown) => Finding[];

// Built at run time so that this file itself holds nothing secret-shaped.
const fake = {
  clientKey: `tbk_${'Zm9vYmFy'.repeat(6)}`,
  capability: `tbc_${'c2VjcmV0'.repeat(5)}`,
  spotify: `BQ${'Ab3_xY9-'.repeat(16)}`,
  privateKey: `-----BEGIN ${'PRIVATE'} KEY-----`,
  aws: `AKIA${'IOSFODNN7EXAMPLE'}`,
  github: `ghp_${'a1B2c3D4e5'.repeat(4)}`,
  random: 'q8Zr2LmX0vT7bN4kWc1YpE6sHd9uJf3G',
};

describe('scripts/scan-secrets.mjs', () => {
  it.each([
    ['tunebridge-client-key', `const key = '${fake.clientKey}';`],
    ['tunebridge-capability', `cap ${fake.capability}`],
    ['spotify-access-token', `Authorization: ${fake.spotify}`],
    ['private-key', fake.privateKey],
    ['aws-access-key-id', `aws_id=${fake.aws}`],
    ['github-token', `token ${fake.github}`],
    ['high-entropy-assignment', `clientSecret: "${fake.random}"`],
    ['high-entropy-assignment', `SPOTIFY_REFRESH_TOKEN=${fake.random}`],
  ])('finds %s', (rule, line) => {
    const findings = scan(`first line\n${line}\n`);
    expect(findings.map((f) => f.rule)).toContain(rule);
    expect(findings[0]?.line).toBe(2);
    // It says where, never what.
    expect(JSON.stringify(findings)).not.toContain(line.slice(8));
  });

  it('leaves ordinary code, ids and hashes of low entropy alone', () => {
    const text = [
      "const accessToken = await tokens.getAccessToken('spotify');",
      "refreshToken: 'not-a-real-refresh-token-value'",
      'clientKey: z.string().min(1).max(200),',
      "const token = 'tbk_short';",
      'sha: 0000000000000000000000000000000000000000',
    ].join('\n');
    expect(scan(text)).toEqual([]);
  });

  it('honours the allow-list and the inline marker', () => {
    const allow = parseAllowList(`# fixtures\nmatch ${fake.clientKey}\npath tests/fixtures/**\n`);
    expect(scan(`k = '${fake.clientKey}'`, allow)).toEqual([]);
    expect(scan(`k = '${fake.spotify}' // secret-scan: allow`)).toEqual([]);
    expect(allow.paths[0].test('tests/fixtures/a/b.json')).toBe(true);
    expect(allow.paths[0].test('src/fixtures/b.json')).toBe(false);
  });

  describe('as a command', () => {
    let dir: string;
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'tb-scan-'));
      await writeFile(join(dir, 'leak.ts'), `export const key = '${fake.clientKey}';\n`);
      await writeFile(join(dir, 'clean.ts'), 'export const answer = 42;\n');
    });
    afterAll(() => rm(dir, { recursive: true, force: true }));

    it('exits 1 and names file and line for a leak, without printing it', async () => {
      const error = (await run(process.execPath, [SCRIPT, join(dir, 'leak.ts')]).catch(
        (e: unknown) => e,
      )) as { code: number; stdout: string };
      expect(error.code).toBe(1);
      expect(error.stdout).toMatch(/leak\.ts:1: tunebridge-client-key \(tbk_…\)/);
      expect(error.stdout).not.toContain(fake.clientKey);
    });

    it('exits 0 for clean files', async () => {
      const { stdout } = await run(process.execPath, [SCRIPT, join(dir, 'clean.ts')]);
      expect(stdout).toMatch(/No secrets found/);
    });

    it('finds nothing in this repository', async () => {
      const { stdout } = await run(process.execPath, [SCRIPT]);
      expect(stdout).toMatch(/No secrets found/);
    });
  });
});
