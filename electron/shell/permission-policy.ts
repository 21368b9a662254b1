import { isAppUrl } from './app-origin.js';

/**
 * The one permission the window gets: `clipboard-sanitized-write`, which
 * `navigator.clipboard.writeText` needs for the Copy buttons, and only for the top frame of one
 * of our own windows showing the bundled UI. Everything else (camera, notifications, USB, …)
 * is refused without asking.
 */
export const ALLOWED_PERMISSION = 'clipboard-sanitized-write';

export interface PermissionAsk {
  permission: string;
  /** The web contents asking is one of our windows (sender ids, as for IPC). */
  ourWindow: boolean;
  isMainFrame: boolean | undefined;
  /** The requesting frame's URL (request handler) or origin (check handler). */
  requestingUrl: string | undefined;
}

export function decidePermission(ask: PermissionAsk): boolean {
  return (
    ask.permission === ALLOWED_PERMISSION &&
    ask.ourWindow &&
    ask.isMainFrame === true &&
    ask.requestingUrl !== undefined &&
    isAppUrl(ask.requestingUrl)
  );
}
