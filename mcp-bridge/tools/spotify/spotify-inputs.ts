import * as z from 'zod';

/** Input pieces shared by the Spotify tools: every ID, URI, limit and name is checked here. */

const BASE62_ID = '[0-9A-Za-z]{22}';

export type UriKind = 'track' | 'album' | 'artist' | 'playlist' | 'show' | 'episode' | 'audiobook';

/** A `spotify:{kind}:{id}` URI of one of the given kinds. */
export function spotifyUri(...kinds: [UriKind, ...UriKind[]]) {
  return z
    .string()
    .trim()
    .regex(
      new RegExp(`^spotify:(${kinds.join('|')}):${BASE62_ID}$`),
      `Expected a Spotify URI such as spotify:${kinds[0]}:<22-character id>`,
    );
}

/** A bare 22-character ID, or the URI holding it; the tool always gets the bare ID. */
export function spotifyId(kind: UriKind) {
  return z
    .string()
    .trim()
    .regex(
      new RegExp(`^(?:spotify:${kind}:)?${BASE62_ID}$`),
      `Expected a Spotify ${kind} ID (22 characters) or a spotify:${kind}: URI`,
    )
    .transform((value) => value.slice(value.lastIndexOf(':') + 1));
}

export const TrackUri = spotifyUri('track');

export const DeviceId = z
  .string()
  .trim()
  .regex(/^[0-9A-Za-z_-]{1,64}$/, 'Expected a device id from spotify_list_devices')
  .describe('Device id from spotify_list_devices; omit to use the active device.');

export function limit(max: number, fallback: number) {
  return z.number().int().min(1).max(max).default(fallback).describe('How many to return.');
}

export const Offset = z.number().int().min(0).max(100_000).default(0).describe('Skip this many.');

/** Trimmed, non-empty, and no longer than Spotify keeps. */
export function text(max: number) {
  return z.string().trim().min(1).max(max);
}

export { DryRun } from '../dry-run.js';
