import { randomUUID } from 'node:crypto';
import type { ApiRequest, ApiResponse } from '../../host-session.js';
import type { ToolContext } from '../define-tool.js';
import { apiFailure, ToolError } from '../tool-error.js';
import { UnexpectedAnswer, zodDetail } from '../unexpected-answer.js';
import { Document } from '../../../playlist-files/json-api.js';
import type { JsonGet } from '../../../playlist-files/json-get.js';
import {
  followDocumentPages,
  readTidalProfile,
  type AllPages,
} from '../../../playlist-files/tidal-read.js';

export {
  Document,
  Identifier,
  Resource,
  ResourceIndex,
  relationshipIds,
} from '../../../playlist-files/json-api.js';
export { MAX_PAGES, type AllPages } from '../../../playlist-files/tidal-read.js';

/** Request helpers shared by the TIDAL tools: errors, JSON:API documents, profile and cursors. */

/** TIDAL's write endpoints take at most this many items per request. */
export const TIDAL_WRITE_CHUNK = 50;

export type Call = (request: ApiRequest) => Promise<ApiResponse>;
const callOf = (context: ToolContext | Call): Call =>
  typeof context === 'function' ? context : (request) => context.api(request);

/** A TIDAL error status as a sentence with a next step; TIDAL has no remote playback. */
export function tidalFailure(response: ApiResponse, what: string): ToolError {
  const detail = errorDetail(response.body);
  if (response.status === 404) {
    return new ToolError(
      'not_found',
      `TIDAL could not find what was asked for (${what})${detail ? `: ${detail}` : ''}. Check the ID, or find it with tidal_search.`,
    );
  }
  if (response.status === 400 && detail) {
    return new ToolError(
      'bad_request',
      `TIDAL rejected the request to ${what}: ${detail}. Check the inputs and try again.`,
    );
  }
  if (response.status === 403 && detail) {
    return new ToolError('forbidden', `TIDAL refused to ${what} (${detail}).`);
  }
  return apiFailure('tidal', response, what);
}

function errorDetail(body: unknown): string | undefined {
  const errors = (body as { errors?: Array<{ detail?: unknown }> } | undefined)?.errors;
  const detail = Array.isArray(errors) ? errors[0]?.detail : undefined;
  return typeof detail === 'string' ? detail.slice(0, 200) : undefined;
}

export async function send(
  context: ToolContext | Call,
  request: ApiRequest,
  what: string,
): Promise<ApiResponse> {
  const response = await callOf(context)(request);
  if (response.status >= 200 && response.status < 300) return response;
  throw tidalFailure(response, what);
}

export function parseDocument(body: unknown, what: string): Document {
  const parsed = Document.safeParse(body);
  if (!parsed.success) throw new UnexpectedAnswer('tidal', what, zodDetail(parsed.error));
  return parsed.data;
}

export function getDocument(
  context: ToolContext | Call,
  path: string,
  query: Record<string, string>,
  what: string,
): Promise<Document> {
  return jsonGet(context)(path, query, Document, what);
}

/** GETs for the shared readers (playlist-files/): a refusal or odd shape is this tool's error. */
export function jsonGet(context: ToolContext | Call): JsonGet {
  return async (path, query, schema, what) => {
    const response = await send(context, { method: 'GET', path, query }, what);
    const parsed = schema.safeParse(response.body);
    if (!parsed.success) throw new UnexpectedAnswer('tidal', what, zodDetail(parsed.error));
    return parsed.data;
  };
}

/** Sends a change with a fresh `Idempotency-Key`, so the host's retries never apply it twice. */
export async function mutate(
  context: ToolContext | Call,
  request: Omit<ApiRequest, 'idempotencyKey'>,
  what: string,
): Promise<ApiResponse> {
  return send(context, { ...request, idempotencyKey: randomUUID() }, what);
}

export interface Profile {
  id: string;
  country: string;
}

/** The person's user id and country (sent as `countryCode` wherever TIDAL takes one). */
export function profile(context: ToolContext | Call): Promise<Profile> {
  return readTidalProfile(jsonGet(context));
}

/** Follows `links.meta.nextCursor` from the first page to the last, at most `maxPages` pages. */
export function followPages(
  context: ToolContext | Call,
  path: string,
  query: Record<string, string>,
  what: string,
  options: { maxPages?: number; maxItems?: number } = {},
): Promise<AllPages> {
  return followDocumentPages(jsonGet(context), path, query, what, options);
}

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}
