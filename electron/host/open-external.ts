import open from 'open';

/**
 * Opens a link with the operating system's opener (the TIDAL app when it claims tidal.com
 * links, else the browser). Resolves false when no opener could be started. The host passes
 * only links it built itself; tests inject a recorder instead (`HostOptions.openExternal`), and
 * the desktop shell passes Electron's `shell.openExternal`.
 */
export type OpenExternal = (url: string) => Promise<boolean>;

/**
 * The one opener under Node, for the host and the CLI: a URL or a file, through the `open`
 * package (which quotes for each platform's launcher). False when no launcher could start.
 */
export async function openWithSystem(target: string): Promise<boolean> {
  try {
    await open(target);
    return true;
  } catch {
    return false;
  }
}

/** The host opens https links only. */
export const openExternal: OpenExternal = (url) => {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return Promise.resolve(false);
  }
  return parsed.protocol === 'https:' ? openWithSystem(parsed.href) : Promise.resolve(false);
};
