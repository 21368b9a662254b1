import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { ApiRequest, ApiResponse } from '../../host-session.js';
import type { ToolContext } from '../define-tool.js';
import { apiFailure, ToolError } from '../tool-error.js';
import { UnexpectedAnswer, zodDetail } from '../unexpected-answer.js';

/** Request helpers shared by the TIDAL tools: errors, JSON:API documents, profile and cursors. */

/** TIDAL's write endpoints take at most this many items per request. */
export const TIDAL_WRITE_CHUNK = 50;
/** Cursor pages followed before a list is reported as cut short. */
export const MAX_PAGES = 100;

export type Call = (request: ApiRequest) => Promise<ApiResponse>;
const callOf = (context: ToolContext | Call): Call =>
  typeof context === 'function' ? context : (request) => context.api(request);

export const Identifier = z.object({
  id: z.string(),
  type: z.string(),
  meta: z.record(z.string(), z.unknown()).optional(),
});
export type Identifier = z.infer<typeof Identifier>;

export const Resource = z.object({
  id: z.string(),
  type: z.string(),
  meta: z.record(z.string(), z.unknown()).optional(),
  attributes: z.record(z.string(), z.unknown()).optional(),
  relationships: z
    .record(z.string(), z.object({ data: z.unknown().optional() }).loose())
    .optional(),
});
export type Resource = z.infer<typeof Resource>;

const Links = z
  .object({
    next: z.string().optional(),
    meta: z.object({ nextCursor: z.string() }).optional(),
  })
  .loose();

export const Document = z.object({
  data: z.union([Resource, z.array(Resource), z.null()]).optional(),
  included: z.array(Resource).optional(),
  links: Links.optional(),
});
export type Document = z.infer<typeof Document>;

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

export async function getDocument(
  context: ToolContext | Call,
  path: string,
  query: Record<string, string>,
  what: string,
): Promise<Document> {
  const response = await send(context, { method: 'GET', path, query }, what);
  return parseDocument(response.body, what);
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

const Me = z.object({
  data: z.object({ id: z.string(), attributes: z.object({ country: z.string() }).loose() }),
});

/** The person's user id and country (sent as `countryCode` wherever TIDAL takes one). */
export async function profile(context: ToolContext | Call): Promise<Profile> {
  const response = await send(
    context,
    { method: 'GET', path: '/v2/users/me' },
    'read your profile',
  );
  const me = Me.safeParse(response.body);
  if (!me.success) throw new UnexpectedAnswer('tidal', 'read your profile', zodDetail(me.error));
  return { id: me.data.data.id, country: me.data.data.attributes.country };
}

/** Resources by `type:id`, from a document's `data` and `included`. */
export class ResourceIndex {
  private readonly byKey = new Map<string, Resource>();

  add(resources: readonly Resource[] | undefined): this {
    for (const resource of resources ?? [])
      this.byKey.set(`${resource.type}:${resource.id}`, resource);
    return this;
  }

  addDocument(document: Document): this {
    const data = document.data;
    if (Array.isArray(data)) this.add(data);
    else if (data) this.add([data]);
    return this.add(document.included);
  }

  get(type: string, id: string): Resource | undefined {
    return this.byKey.get(`${type}:${id}`);
  }

  /** The resources a relationship points at, in order, skipping any not included. */
  related(resource: Resource, name: string): Resource[] {
    return relationshipIds(resource, name).flatMap((identifier) => {
      const found = this.get(identifier.type, identifier.id);
      return found ? [found] : [];
    });
  }
}

export function relationshipIds(resource: Resource, name: string): Identifier[] {
  const data = resource.relationships?.[name]?.data;
  const parsed = z.array(Identifier).safeParse(data);
  return parsed.success ? parsed.data : [];
}

export interface AllPages {
  identifiers: Identifier[];
  index: ResourceIndex;
  /** True when `maxPages` ran out before the last page. */
  truncated: boolean;
}

/** Follows `links.meta.nextCursor` from the first page to the last, at most `maxPages` pages. */
export async function followPages(
  context: ToolContext | Call,
  path: string,
  query: Record<string, string>,
  what: string,
  options: { maxPages?: number; maxItems?: number } = {},
): Promise<AllPages> {
  const maxPages = options.maxPages ?? MAX_PAGES;
  const identifiers: Identifier[] = [];
  const index = new ResourceIndex();
  let cursor: string | undefined;
  for (let page = 0; page < maxPages; page += 1) {
    const document = await getDocument(
      context,
      path,
      cursor ? { ...query, 'page[cursor]': cursor } : query,
      what,
    );
    const data = Array.isArray(document.data) ? document.data : [];
    const parsed = z.array(Identifier).safeParse(data);
    if (!parsed.success) throw new UnexpectedAnswer('tidal', what, zodDetail(parsed.error));
    identifiers.push(...parsed.data);
    // Primary data may be full resources (`GET /playlists`) or identifiers (relationships).
    index.add(data.filter((item) => item.attributes !== undefined));
    index.add(document.included);
    cursor = document.links?.meta?.nextCursor;
    if (!cursor) return { identifiers, index, truncated: false };
    if (options.maxItems !== undefined && identifiers.length >= options.maxItems) break;
  }
  return { identifiers, index, truncated: true };
}

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}
