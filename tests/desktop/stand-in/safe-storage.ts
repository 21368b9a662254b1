import { getPassword, setPassword } from '@napi-rs/keyring/keytar.js';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { app } from './app.js';

/**
 * `safeStorage` as Chromium does it on Linux with libsecret: one random key per application,
 * kept in the OS keyring under "<app name> Safe Storage", and AES-GCM with it (Chromium uses
 * AES-CBC with a derived key; the format is not what matters here, the key's home and name are).
 * Before `ready` the backend is "unknown", as in Electron. The keyring is the real one (the tests
 * run under scripts/with-keyring.sh), so a second run of the app finds the key the first made.
 */
const PREFIX = Buffer.from('v11');

let cached: Promise<Buffer> | undefined;

/** Read once per process, as Chromium does: the name is the app's at first use. */
function key(): Promise<Buffer> {
  cached ??= (async () => {
    const service = `${app.getName()} Safe Storage`;
    const stored = await getPassword(service, app.getName());
    if (stored) return Buffer.from(stored, 'base64');
    const fresh = randomBytes(32);
    await setPassword(service, app.getName(), fresh.toString('base64'));
    return fresh;
  })();
  cached.catch(() => (cached = undefined));
  return cached;
}

export const safeStorage = {
  getSelectedStorageBackend(): string {
    return app.isReady() ? 'gnome_libsecret' : 'unknown';
  },
  setUsePlainTextEncryption(): void {},
  async isAsyncEncryptionAvailable(): Promise<boolean> {
    if (!app.isReady()) return false;
    try {
      await key();
      return true;
    } catch {
      return false;
    }
  },
  async encryptStringAsync(plainText: string): Promise<Buffer> {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', await key(), iv);
    const body = Buffer.concat([cipher.update(plainText, 'utf8'), cipher.final()]);
    return Buffer.concat([PREFIX, iv, cipher.getAuthTag(), body]);
  },
  async decryptStringAsync(
    encrypted: Buffer,
  ): Promise<{ result: string; shouldReEncrypt: boolean }> {
    if (!encrypted.subarray(0, 3).equals(PREFIX))
      throw new Error(
        'Error while decrypting the ciphertext provided to safeStorage.decryptString.',
      );
    const decipher = createDecipheriv('aes-256-gcm', await key(), encrypted.subarray(3, 15));
    decipher.setAuthTag(encrypted.subarray(15, 31));
    const result = Buffer.concat([decipher.update(encrypted.subarray(31)), decipher.final()]);
    return { result: result.toString('utf8'), shouldReEncrypt: false };
  },
};
