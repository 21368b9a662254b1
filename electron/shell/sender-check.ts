import { isAppUrl } from './app-origin.js';

/** What the IPC wrapper knows about who sent a message, read from Electron's event. */
export interface SenderInfo {
  /** `event.sender.id`: the web contents the message came from. */
  webContentsId: number;
  /** `event.senderFrame.url`; undefined when the frame has already gone away. */
  frameUrl: string | undefined;
  /** Whether the sending frame is its page's top frame (`senderFrame.parent === null`). */
  isMainFrame: boolean;
}

/** The shape of an IPC event's sender fields that `senderInfo` reads. */
export interface IpcEventLike {
  sender: { id: number };
  /** Electron types it as a frame or null; it is undefined once the frame has navigated or gone. */
  senderFrame?: { url: string; parent: unknown } | null;
}

/**
 * What the sender check needs from an IPC event. A missing frame (null or undefined) and a frame
 * whose fields can no longer be read both come out as "gone", never as a thrown error.
 */
export function senderInfo(event: IpcEventLike): SenderInfo {
  const webContentsId = event.sender.id;
  try {
    const frame = event.senderFrame;
    if (!frame) return { webContentsId, frameUrl: undefined, isMainFrame: false };
    return { webContentsId, frameUrl: frame.url, isMainFrame: frame.parent === null };
  } catch {
    return { webContentsId, frameUrl: undefined, isMainFrame: false };
  }
}

export type SenderVerdict = { trusted: true } | { trusted: false; reason: string };

/**
 * Decides whether an IPC message may reach the host: only the top frame of one of our own
 * windows, currently showing the bundled UI. Anything else — another window or web contents, an
 * iframe, a page that navigated away, a frame that no longer exists — is refused.
 */
export function checkSender(
  sender: SenderInfo,
  ourWebContents: ReadonlySet<number>,
): SenderVerdict {
  if (!ourWebContents.has(sender.webContentsId)) {
    return {
      trusted: false,
      reason: `web contents ${sender.webContentsId} is not a TuneBridge window`,
    };
  }
  if (sender.frameUrl === undefined) return { trusted: false, reason: 'the sending frame is gone' };
  if (!sender.isMainFrame) return { trusted: false, reason: 'the message came from a subframe' };
  if (!isAppUrl(sender.frameUrl)) {
    return {
      trusted: false,
      reason: `the frame shows ${describeOrigin(sender.frameUrl)}, not the TuneBridge UI`,
    };
  }
  return { trusted: true };
}

/** The origin only: a refused URL may carry a query string we have no business logging. */
function describeOrigin(url: string): string {
  try {
    const parsed = new URL(url);
    return parsed.origin === 'null' ? `${parsed.protocol}…` : parsed.origin;
  } catch {
    return 'an unparsable URL';
  }
}
