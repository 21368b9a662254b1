import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import * as z from 'zod';
import { ensurePrivateDir, writeFileAtomic } from '../host/fs/atomic-write.js';
import { WindowBounds } from './window-state.js';

/**
 * Choices that only the desktop app has, kept beside settings.json in `desktop.json` (0600,
 * written atomically). Start-at-login is not here: the operating system keeps that itself.
 */
export const DesktopPrefs = z.object({
  version: z.literal(1),
  /** The person allowed Linux's obfuscate-only `basic_text` secret storage. */
  allowBasicTextSecrets: z.boolean().default(false),
  /** The window's size and position when it was last closed. */
  windowBounds: WindowBounds.optional().catch(undefined),
});
export type DesktopPrefs = z.infer<typeof DesktopPrefs>;

export const DEFAULT_DESKTOP_PREFS: DesktopPrefs = { version: 1, allowBasicTextSecrets: false };

export function desktopPrefsFile(home: string): string {
  return join(home, 'desktop.json');
}

/**
 * The stored choices; the defaults when the file is missing or unreadable. Every default is the
 * cautious answer, so a damaged file can only ever take a permission away.
 */
export async function readDesktopPrefs(file: string): Promise<DesktopPrefs> {
  try {
    const parsed = DesktopPrefs.safeParse(JSON.parse(await readFile(file, 'utf8')));
    return parsed.success ? parsed.data : { ...DEFAULT_DESKTOP_PREFS };
  } catch {
    return { ...DEFAULT_DESKTOP_PREFS };
  }
}

export async function writeDesktopPrefs(file: string, prefs: DesktopPrefs): Promise<void> {
  await ensurePrivateDir(dirname(file));
  await writeFileAtomic(file, `${JSON.stringify(DesktopPrefs.parse(prefs), null, 2)}\n`, {
    mode: 0o600,
  });
}
