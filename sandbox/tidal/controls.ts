import type { ProviderSandbox } from '../types.js';
import type { TidalApi } from './api.js';
import type { ReceivedKey } from './idempotency.js';
import { tidalPlaylistId } from './ids.js';
import type { TidalRateLimit } from './rate-limit.js';

/** Test and demo hooks for the TIDAL sandbox, beyond what `ProviderSandbox` offers. */
export interface TidalControls {
  /** These recordings do not exist on TIDAL: 404, absent from search, ISRC lookups and lists. */
  setMissing(recordingKeys: readonly string[]): void;
  /** TIDAL serves these recordings under another ISRC (a different release of the same song). */
  setIsrcOverrides(overrides: Readonly<Record<string, string>>): void;
  /** TIDAL lists these albums under another barcode, so only title, artist and count match. */
  setBarcodeOverrides(overrides: Readonly<Record<string, string>>): void;
  /** A token bucket over every API request; 429s carry TIDAL's rate-limit headers. */
  setRateLimit(limit: TidalRateLimit | undefined): void;
  trackId(recordingKey: string): string;
  albumId(albumKey: string): string;
  artistId(artistKey: string): string;
  /** The TIDAL id of an account-store or curated playlist key. */
  playlistId(key: string): string;
  /** Every `Idempotency-Key` the API received on a mutation, in order. */
  idempotencyKeys(): readonly ReceivedKey[];
}

const registry = new WeakMap<ProviderSandbox, TidalControls>();

export function registerTidalControls(sandbox: ProviderSandbox, api: TidalApi): void {
  const { resources } = api.context;
  registry.set(sandbox, {
    setMissing: (keys) => {
      resources.availability.missing = new Set(keys);
    },
    setIsrcOverrides: (overrides) => {
      resources.availability.isrcOverrides = new Map(Object.entries(overrides));
    },
    setBarcodeOverrides: (overrides) => {
      resources.availability.barcodeOverrides = new Map(Object.entries(overrides));
    },
    setRateLimit: (limit) => api.setRateLimit(limit),
    trackId: (key) => resources.ids.id('track', key),
    albumId: (key) => resources.ids.id('album', key),
    artistId: (key) => resources.ids.id('artist', key),
    playlistId: (key) => tidalPlaylistId(key),
    idempotencyKeys: () => [...api.idempotency.received],
  });
}

/** The controls of a sandbox started by `startSandbox` (`sandbox.tidal`). */
export function tidalControls(sandbox: ProviderSandbox): TidalControls {
  const controls = registry.get(sandbox);
  if (!controls) throw new Error('Not a TIDAL sandbox started by startSandbox.');
  return controls;
}
