import { join } from 'node:path';
import { dataDir, hostPaths } from '../../../protocol/data-folder.js';
import { SettingsStore } from '../settings/settings-store.js';
import { chooseSecretStore } from '../vault/choose-secret-store.js';
import { secretStoreAnchor, type AuditHead } from './audit-anchor.js';
import { verifyAuditLog } from './audit-verify.js';

export interface VerifyOutput {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * `tunebridge audit verify`: the chain, checked against the head kept in the secret store the
 * host uses for this data folder. Without that store (no keyring here, no passphrase given) the
 * chain is still checked, and the person is told what that can't catch.
 */
export async function auditVerifyReport(
  env: NodeJS.ProcessEnv = process.env,
): Promise<VerifyOutput> {
  const home = dataDir(env);
  const paths = hostPaths(home);
  const { head, store } = await readAnchor(env, home, paths.settingsFile);
  const result = await verifyAuditLog(paths.auditDir, { anchor: head });
  if (!result.ok) {
    const where = `${join(paths.auditDir, result.file)}, line ${result.line}${result.seq === undefined ? '' : ` (record ${result.seq})`}`;
    return {
      code: 1,
      stdout: '',
      stderr: `Audit log broken at ${where}: ${result.reason} The ${result.records} records before it are intact. Keep a copy of the folder as evidence before changing anything.\n`,
    };
  }
  const torn = result.tornLines
    ? ` (${result.tornLines} line${result.tornLines === 1 ? '' : 's'} cut short by a crash, skipped)`
    : '';
  const anchored = head
    ? ` The newest record matches the one TuneBridge last recorded in ${store}.`
    : store
      ? ` ${store} holds no record of the log's end yet, so a log cut short or rewritten as a whole would not show.`
      : ' The secret store could not be opened here, so a log cut short or rewritten as a whole would not show; run this where TuneBridge runs (with TUNEBRIDGE_PASSPHRASE set if it uses a passphrase).';
  return {
    code: 0,
    stdout: `Audit log intact: ${result.records} records in ${result.files} file${result.files === 1 ? '' : 's'}, every hash chained${torn}.${anchored}\n`,
    stderr: '',
  };
}

async function readAnchor(
  env: NodeJS.ProcessEnv,
  home: string,
  settingsFile: string,
): Promise<{ head?: AuditHead; store?: string }> {
  try {
    const kind = env.TUNEBRIDGE_SECRET_STORE ?? SettingsStore.open(settingsFile).read().secretStore;
    const secretStore = await chooseSecretStore({
      kind: kind === 'keyring' || kind === 'passphrase-file' ? kind : 'auto',
      secretsFile: hostPaths(home).secretsFile,
      service: home === dataDir({}) ? 'TuneBridge' : `TuneBridge (${home})`,
      passphrase: async () => env.TUNEBRIDGE_PASSPHRASE || undefined,
    });
    return {
      head: await secretStoreAnchor(secretStore).read(),
      store: secretStore.description,
    };
  } catch {
    return {};
  }
}
