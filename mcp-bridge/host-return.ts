import { BrokerClientError } from '../broker-client/broker-client.js';

/**
 * How long a call waits for TuneBridge to come back after its connection dropped (a restart,
 * e.g. after an update, takes a second or two). Bounded so a call still answers well within an
 * MCP client's timeout: the host's own 8 s retry budget plus this.
 */
export const HOST_RETURN_WAIT_MS = 5_000;
/** A host lost longer ago than this is stopped, not restarting: answer at once, as before. */
export const HOST_RESTART_WINDOW_MS = 30_000;
/** How often to look for the socket while waiting (a connect to a missing socket is cheap). */
const HOST_RETURN_POLL_MS = 200;

/** The host is not there: the socket is missing or refused, or the connection dropped. */
export function hostGone(error: unknown): error is BrokerClientError {
  return (
    error instanceof BrokerClientError &&
    (error.code === 'host_unavailable' || error.code === 'connection_closed')
  );
}

/**
 * A change was sent and the connection dropped before TuneBridge answered. It is not sent again:
 * the host may have made it already, and a second copy could add tracks twice.
 */
export function changeInDoubt(): BrokerClientError {
  return new BrokerClientError(
    'connection_closed',
    'The connection to TuneBridge closed before it answered, so this change may or may not have been made. Check the current state (list the playlist, library or playback) before trying again.',
  );
}

/**
 * Tries `connect` until it succeeds or `deadline` passes; any answer but "not there" (a refused
 * key, say) ends the wait at once, as does the last failure at the deadline.
 */
export async function waitForHost<T>(
  connect: () => Promise<T>,
  deadline: number,
  now: () => number,
): Promise<T> {
  for (;;) {
    try {
      return await connect();
    } catch (error) {
      const left = deadline - now();
      if (!hostGone(error) || left <= 0) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.min(HOST_RETURN_POLL_MS, left)));
    }
  }
}
