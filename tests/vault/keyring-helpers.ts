import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { deletePassword, findCredentials } from '@napi-rs/keyring/keytar.js';

/** A keyring service name no other test run shares, so runs can neither collide nor leak. */
export function uniqueService(): string {
  return `TuneBridge-test-${randomUUID()}`;
}

/** Erases every entry a test left under `service`, and tells how many there were. */
export async function eraseService(service: string): Promise<number> {
  const entries = await findCredentials(service);
  for (const { account } of entries) await deletePassword(service, account);
  return entries.length;
}

/** Runs the probe and chooseSecretStore in a child whose D-Bus address leads nowhere. */
export interface WithoutKeyringResult {
  probe: { code?: string; message: string };
  chosen: { ok: boolean; code?: string; message?: string; description?: string };
}

export async function runWithoutKeyring(
  service: string,
  secretsFile: string,
  env: NodeJS.ProcessEnv,
): Promise<WithoutKeyringResult> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'tests/vault/fixtures/without-keyring.ts', service, secretsFile],
    {
      cwd: process.cwd(),
      env: {
        ...process.env,
        TUNEBRIDGE_PASSPHRASE: '',
        ...env,
        DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/tunebridge-test-bus',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const code = await new Promise((resolve) => child.on('exit', resolve));
  if (code !== 0) throw new Error(`without-keyring fixture failed (${String(code)}): ${err}`);
  return JSON.parse(out) as WithoutKeyringResult;
}
