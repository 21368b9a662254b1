import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const SCRIPT = resolve('scripts/scan-secrets.mjs');

// Built at run time so that this file itself holds nothing secret-shaped.
const fake = {
  clientKey: `tbk_${'Zm9vYmFy'.repeat(6)}`,
  capability: `tbc_${'c2VjcmV0'.repeat(5)}`,
  spotify: `BQ${'Ab3_xY9-'.repeat(16)}`,
  privateKey: `-----BEGIN ${'RSA PRIVATE'} KEY-----\n${'MIIEowIBAAKCAQEA'.repeat(8)}\n-----END RSA PRIVATE KEY-----`,
  github: `ghp_${'a1B2c3D4e5'.repeat(3)}a1B2c3`,
};

interface Failure {
  code: number;
  stdout: string;
  stderr: string;
}

async function scan(glob: string): Promise<Failure> {
  return run(process.execPath, [SCRIPT, glob]).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: unknown) => error as Failure,
  );
}

describe('secret scan (secretlint, .secretlintrc.json)', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tb-scan-'));
    await writeFile(join(dir, 'clean.ts'), 'export const answer = 42;\n');
    for (const [name, value] of Object.entries(fake)) {
      await writeFile(join(dir, `leak-${name}.ts`), `export const value = \`${value}\`;\n`);
    }
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it.each(Object.keys(fake))(
    'finds a planted %s, names the file, and masks the value',
    async (name) => {
      const result = await scan(join(dir, `leak-${name}.ts`));
      expect(result.code).toBe(1);
      expect(result.stdout).toContain(`leak-${name}.ts`);
      const value = fake[name as keyof typeof fake];
      expect(result.stdout + result.stderr).not.toContain(value.slice(4, 30));
    },
  );

  it('exits 0 for clean files', async () => {
    const result = await scan(join(dir, 'clean.ts'));
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/No secrets found/);
  });

  it('finds nothing in this repository', async () => {
    const { stdout } = await run(process.execPath, [SCRIPT]);
    expect(stdout).toMatch(/No secrets found/);
  });
});
