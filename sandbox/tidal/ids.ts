import { createHash } from 'node:crypto';
import type { Catalog } from '../catalog/index.js';

export type TidalCatalogKind = 'track' | 'album' | 'artist';

const BASES: Record<TidalCatalogKind, number> = {
  track: 10_000_000,
  album: 20_000_000,
  artist: 30_000_000,
};

/** Numeric TIDAL ids for catalog keys, and back: stable because the catalog's order is. */
export class TidalIds {
  private readonly toKey = new Map<string, string>();
  private readonly toId = new Map<string, string>();

  constructor(catalog: Catalog) {
    const add = (kind: TidalCatalogKind, items: readonly { key: string }[]) =>
      items.forEach((item, index) => {
        const id = String(BASES[kind] + index);
        this.toKey.set(`${kind}:${id}`, item.key);
        this.toId.set(`${kind}:${item.key}`, id);
      });
    add('track', catalog.recordings);
    add('album', catalog.albums);
    add('artist', catalog.artists);
  }

  id(kind: TidalCatalogKind, key: string): string {
    const id = this.toId.get(`${kind}:${key}`);
    if (!id) throw new Error(`No TIDAL id for ${kind} ${key}`);
    return id;
  }

  key(kind: TidalCatalogKind, id: string): string | undefined {
    return this.toKey.get(`${kind}:${id}`);
  }
}

/** TIDAL playlist ids are UUIDs; derived from the key so they stay put between runs. */
export function tidalPlaylistId(key: string): string {
  const hex = createHash('sha256').update(`tidal:playlist:${key}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** TIDAL mix ids are 30 hex characters. */
export function tidalMixId(seed: string): string {
  return createHash('sha256').update(`tidal:mix:${seed}`).digest('hex').slice(0, 30);
}
