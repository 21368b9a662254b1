import { spawn } from 'node:child_process';

/**
 * Opens a link with the operating system's opener (the TIDAL app when it claims tidal.com
 * links, else the browser). Resolves false when no opener could be started. The host passes
 * only links it built itself; tests inject a recorder instead (`HostOptions.openExternal`).
 */
export type OpenExternal = (url: string) => Promise<boolean>;

export const openExternal: OpenExternal = (url) => {
  if (!/^https:\/\/[^\s"'^&|<>]+$/.test(url)) return Promise.resolve(false);
  const [command, args] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '""', url]]
        : ['xdg-open', [url]];
  return new Promise((resolve) => {
    const child = spawn(command, args as string[], { stdio: 'ignore', detached: true });
    child.once('error', () => resolve(false));
    child.once('spawn', () => {
      child.unref();
      resolve(true);
    });
  });
};
