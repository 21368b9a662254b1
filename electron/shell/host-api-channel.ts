import type { z } from 'zod';
import { HostApiRequest, type HostApiResponse } from '../../protocol/operations.js';
import { TuneBridgeError } from '../host/errors.js';
import type { HostApiResult } from './channels.js';

export interface HostApiChannelOptions {
  /** Carries out a parsed request: `(request) => handleHostApi(host, request)`. */
  handle: (request: HostApiRequest) => Promise<HostApiResponse>;
  /** Where unexpected failures are reported for the person's logs (stderr in the app). */
  log?: (message: string) => void;
}

/**
 * The main-process side of the `tunebridge:host-api` channel, after the sender check: parses
 * the payload with the shared `HostApiRequest` schema (a payload is untrusted data, whatever the
 * preload's types say), runs it, and turns every outcome into a `HostApiResult`.
 */
export function createHostApiChannel(
  options: HostApiChannelOptions,
): (payload: unknown) => Promise<HostApiResult> {
  return async (payload) => {
    const parsed = HostApiRequest.safeParse(payload);
    if (!parsed.success) {
      return {
        ok: false,
        error: {
          code: 'invalid_request',
          message:
            `TuneBridge could not understand a request from its window (${describeIssues(parsed.error)}). ` +
            'Nothing was changed. Reload the window; if this keeps happening, please report it.',
        },
      };
    }
    try {
      return { ok: true, response: await options.handle(parsed.data) };
    } catch (error) {
      if (error instanceof TuneBridgeError) {
        return { ok: false, error: { code: error.code, message: error.message } };
      }
      options.log?.(
        `TuneBridge: ${parsed.data.op} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
      return {
        ok: false,
        error: {
          code: 'internal',
          message: `TuneBridge could not finish that (${parsed.data.op}) because of an unexpected error. Try again; if it keeps failing, restart TuneBridge.`,
        },
      };
    }
  };
}

/** The first problems as "path: message"; zod leaves values out, so nothing sensitive is echoed. */
function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || 'request'}: ${issue.message}`)
    .join('; ');
}
