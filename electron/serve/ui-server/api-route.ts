import type { IncomingMessage, ServerResponse } from 'node:http';
import { HostApiRequest, type HostApiError } from '../../../protocol/operations.js';
import { TuneBridgeError } from '../../host/errors.js';
import { handleHostApi } from '../../host/host-api.js';
import type { RunningHost } from '../../host/host.js';
import { sendJson } from './headers.js';

export const MAX_API_BODY_BYTES = 64 * 1024;

/** `POST /api`: one `HostApiRequest` in, a `HostApiResponse` or a `HostApiError` out. */
export async function handleApiRoute(
  host: RunningHost,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const type = request.headers['content-type'] ?? '';
  if (!/^application\/json(\s*;|$)/i.test(type)) {
    return fail(response, 415, 'bad_request', 'Send the request as application/json.');
  }
  const body = await readBody(request, MAX_API_BODY_BYTES);
  if (body === undefined) {
    return fail(response, 400, 'too_large', 'That request is too large.');
  }
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return fail(response, 400, 'bad_request', 'That request is not valid JSON.');
  }
  const parsed = HostApiRequest.safeParse(json);
  if (!parsed.success) {
    return fail(response, 400, 'bad_request', 'TuneBridge does not understand that request.');
  }
  try {
    sendJson(response, 200, await handleHostApi(host, parsed.data));
  } catch (error) {
    if (error instanceof TuneBridgeError) {
      return fail(response, error.code === 'not_found' ? 404 : 409, error.code, error.message);
    }
    fail(
      response,
      500,
      'internal',
      'TuneBridge could not do that. Try again; if it keeps failing, restart TuneBridge.',
    );
  }
}

function fail(response: ServerResponse, status: number, code: string, message: string): void {
  const error: HostApiError = { code, message };
  sendJson(response, status, error);
}

/**
 * The body as text, or undefined when it passes `limit` bytes. An oversized body is read to its
 * end and dropped (the server's request timeout bounds that), so the client hears the answer
 * instead of a reset connection.
 */
function readBody(request: IncomingMessage, limit: number): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    request.on('end', () =>
      resolve(size > limit ? undefined : Buffer.concat(chunks).toString('utf8')),
    );
    request.on('error', reject);
  });
}
