import type { SecretStore } from '../host/vault/secret-store.js';
import { SafeStorageSecretStore, type SafeStorageLike } from './safe-storage-store.js';

/** `safeStorage` as main.ts hands it over (after `app.whenReady()`). */
export interface SafeStorageProbe extends SafeStorageLike {
  getSelectedStorageBackend(): string;
  setUsePlainTextEncryption(usePlainText: boolean): void;
}

export type SafeStorageAssessment =
  | { usable: true; description: string; weak: boolean }
  | { usable: false; reason: 'basic_text' | 'unavailable'; message: string };

export const BASIC_TEXT_WARNING =
  'Your tokens are only obfuscated, not encrypted (Linux “basic_text” storage, which you ' +
  'allowed): any program running as you can read them. Install and unlock GNOME Keyring or ' +
  'KWallet to protect them properly.';

const BASIC_TEXT_REFUSAL =
  'Your Linux desktop offers TuneBridge no secret store (Electron reports its “basic_text” ' +
  'backend, which only obfuscates), so TuneBridge will not keep your music-account tokens there ' +
  'unless you allow it. Better: install and unlock GNOME Keyring or KWallet and start TuneBridge ' +
  'again (if one already runs, start TuneBridge with --password-store=gnome-libsecret), or set ' +
  '"secretStore" to "keyring" or "passphrase-file" in settings.json.';

/**
 * Whether Electron's `safeStorage` is fit to hold tokens on this machine. The Linux
 * `basic_text` backend encrypts with a key everyone knows, so it is refused unless the person
 * has opted in; anything else must report encryption as available.
 */
export async function assessSafeStorage(options: {
  safeStorage: SafeStorageProbe;
  platform: NodeJS.Platform;
  allowBasicText: boolean;
}): Promise<SafeStorageAssessment> {
  const { safeStorage, platform } = options;
  // The asynchronous encryptor starts lazily on this first call and picks its Linux backend then;
  // the backend is only worth reading once it has.
  const available = await safeStorage.isAsyncEncryptionAvailable();
  if (platform === 'linux') {
    const backend = safeStorage.getSelectedStorageBackend();
    if (backend === 'unknown') {
      throw new Error('safeStorage was asked before the app was ready; call it after whenReady().');
    }
    if (backend === 'basic_text') {
      if (!options.allowBasicText) {
        return { usable: false, reason: 'basic_text', message: BASIC_TEXT_REFUSAL };
      }
      if (!available) safeStorage.setUsePlainTextEncryption(true);
      if (available || (await safeStorage.isAsyncEncryptionAvailable())) {
        return {
          usable: true,
          weak: true,
          description: 'Obfuscated file (Linux basic_text storage)',
        };
      }
    } else if (available) {
      return { usable: true, weak: false, description: describeBackend(platform, backend) };
    }
  } else if (available) {
    return { usable: true, weak: false, description: describeBackend(platform, '') };
  }
  return {
    usable: false,
    reason: 'unavailable',
    message:
      'The operating system’s secret storage is not available, so TuneBridge has nowhere safe to ' +
      'keep your tokens. Unlock your keychain or keyring (log out and in again if needed) and ' +
      'start TuneBridge again, or set "secretStore" to "keyring" or "passphrase-file" in settings.json.',
  };
}

function describeBackend(platform: NodeJS.Platform, backend: string): string {
  if (platform === 'darwin') return 'macOS Keychain (Electron safeStorage)';
  if (platform === 'win32') return 'Windows DPAPI (Electron safeStorage)';
  if (backend === 'gnome_libsecret')
    return 'Secret Service through libsecret (Electron safeStorage)';
  if (backend.startsWith('kwallet')) return 'KWallet (Electron safeStorage)';
  return `OS secret storage “${backend}” (Electron safeStorage)`;
}

export type DesktopSecretStoreChoice =
  | { ok: true; store: SecretStore; warning?: string }
  | { ok: false; reason: 'basic_text' | 'unavailable'; message: string };

/**
 * The desktop app's secret store. With the `secretStore` setting (or TUNEBRIDGE_SECRET_STORE)
 * at "auto" that is `safeStorage`; "keyring" or "passphrase-file" keep the headless host's
 * stores, so a data folder shared with `tunebridge serve` keeps finding its tokens.
 */
export async function chooseDesktopSecretStore(options: {
  kind: string;
  safeStorage: SafeStorageProbe;
  platform: NodeJS.Platform;
  allowBasicText: boolean;
  file: string;
  standard: () => Promise<SecretStore>;
}): Promise<DesktopSecretStoreChoice> {
  if (options.kind !== 'auto') return { ok: true, store: await options.standard() };
  const assessment = await assessSafeStorage(options);
  if (!assessment.usable)
    return { ok: false, reason: assessment.reason, message: assessment.message };
  const store = new SafeStorageSecretStore({
    file: options.file,
    safeStorage: options.safeStorage,
    description: assessment.description,
    warning: assessment.weak ? BASIC_TEXT_WARNING : undefined,
  });
  await store.unlock();
  return assessment.weak ? { ok: true, store, warning: BASIC_TEXT_WARNING } : { ok: true, store };
}
