import { basename, join } from 'node:path';
import { APP_ORIGIN } from './app-origin.js';

/**
 * What the window may download: only files its own page built (a Blob URL of the bundled UI's
 * origin) — the audit log and playlist exports. A link to anywhere else never becomes a file.
 */
export function decideDownload(url: string): 'save' | 'deny' {
  return url.startsWith(`blob:${APP_ORIGIN}/`) ? 'save' : 'deny';
}

export interface SaveDialogChoice {
  title: string;
  defaultPath: string;
  filters: Array<{ name: string; extensions: string[] }>;
}

/**
 * The save dialog Electron shows for a download (the shell sets no save path, so the person
 * picks it): starts in their Downloads folder with the page's file name, offering its type.
 * `basename` keeps a name with separators from pointing the dialog elsewhere.
 */
export function saveDialogFor(fileName: string, downloadsDir: string): SaveDialogChoice {
  const name = basename(fileName.replace(/\\/g, '/')) || 'download';
  const extension = /\.([A-Za-z0-9]{1,8})$/.exec(name)?.[1]?.toLowerCase();
  return {
    title: 'Save export',
    defaultPath: join(downloadsDir, name),
    filters: [
      ...(extension ? [{ name: `${extension.toUpperCase()} file`, extensions: [extension] }] : []),
      { name: 'All files', extensions: ['*'] },
    ],
  };
}
