import type { ApiResponse } from '../server/api-types.js';
import { spotifyError } from './route.js';

/** Query and body values checked the way Spotify checks them, with its 400 messages. */

export interface IntegerRange {
  min: number;
  max: number;
  default: number;
}

/** `limit`-style parameters: a whole number within the spec's range, else a 400. */
export function integerQuery(
  query: URLSearchParams,
  name: string,
  range: IntegerRange,
): number | ApiResponse {
  const raw = query.get(name);
  if (raw === null) return range.default;
  if (!/^-?\d+$/.test(raw)) return spotifyError(400, `Invalid ${name}`);
  const value = Number(raw);
  if (value < range.min || value > range.max) return spotifyError(400, `Invalid ${name}`);
  return value;
}

/** Offsets: any whole number from zero. */
export function offsetQuery(query: URLSearchParams): number | ApiResponse {
  return integerQuery(query, 'offset', { min: 0, max: Number.MAX_SAFE_INTEGER, default: 0 });
}

/** A JSON request body as a record; anything else is treated as no body. */
export function bodyObject(body: unknown): Record<string, unknown> {
  return typeof body === 'object' && body !== null && !Array.isArray(body)
    ? (body as Record<string, unknown>)
    : {};
}

/** Comma-separated list parameter (`ids`, `uris`), blanks dropped. */
export function listQuery(query: URLSearchParams, name: string): string[] | undefined {
  const raw = query.get(name);
  if (raw === null) return undefined;
  return raw
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
}

/** `limit` within the endpoint's range and `offset` from zero, or the first one's 400. */
export function pageQuery(
  query: URLSearchParams,
  limitRange: IntegerRange,
): { limit: number; offset: number } | ApiResponse {
  const limit = integerQuery(query, 'limit', limitRange);
  if (typeof limit !== 'number') return limit;
  const offset = offsetQuery(query);
  if (typeof offset !== 'number') return offset;
  return { limit, offset };
}
