// Cuts the providers' OpenAPI documents down to the operations TuneBridge calls, so tests validate
// against a small, reviewable file whose origin is recorded in it.
//   npx tsx scripts/vendor-specs.ts [--from <dir with the full specs>]
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';

type HttpMethod = 'get' | 'put' | 'post' | 'delete' | 'patch';
interface Operation {
  method: HttpMethod;
  /** As the spec spells it, relative to the server URL (`/search`, not `/v1/search`). */
  path: string;
}

/** Add an operation here, rerun the script, and the validator and sandbox tests can use it. */
export const OPERATIONS: Record<'spotify' | 'tidal', readonly Operation[]> = {
  spotify: [
    { method: 'get', path: '/me' },
    { method: 'get', path: '/search' },
    // Player
    { method: 'get', path: '/me/player' },
    { method: 'put', path: '/me/player' },
    { method: 'get', path: '/me/player/devices' },
    { method: 'get', path: '/me/player/currently-playing' },
    { method: 'put', path: '/me/player/play' },
    { method: 'put', path: '/me/player/pause' },
    { method: 'post', path: '/me/player/next' },
    { method: 'post', path: '/me/player/previous' },
    { method: 'put', path: '/me/player/seek' },
    { method: 'put', path: '/me/player/volume' },
    { method: 'put', path: '/me/player/shuffle' },
    { method: 'put', path: '/me/player/repeat' },
    { method: 'get', path: '/me/player/queue' },
    { method: 'post', path: '/me/player/queue' },
    { method: 'get', path: '/me/player/recently-played' },
    // Library (the 2026 `/me/library` endpoints replace the per-type save and follow ones)
    { method: 'get', path: '/me/tracks' },
    { method: 'get', path: '/me/albums' },
    { method: 'get', path: '/me/following' },
    { method: 'put', path: '/me/library' },
    { method: 'delete', path: '/me/library' },
    // Playlists (`/items` and `POST /me/playlists` replace `/tracks` and `/users/{id}/playlists`)
    { method: 'get', path: '/me/playlists' },
    { method: 'post', path: '/me/playlists' },
    { method: 'get', path: '/playlists/{playlist_id}' },
    { method: 'put', path: '/playlists/{playlist_id}' },
    { method: 'get', path: '/playlists/{playlist_id}/items' },
    { method: 'post', path: '/playlists/{playlist_id}/items' },
    { method: 'put', path: '/playlists/{playlist_id}/items' },
    { method: 'delete', path: '/playlists/{playlist_id}/items' },
    // Catalog
    { method: 'get', path: '/tracks/{id}' },
    { method: 'get', path: '/albums/{id}' },
    { method: 'get', path: '/albums/{id}/tracks' },
    { method: 'get', path: '/artists/{id}' },
    { method: 'get', path: '/artists/{id}/albums' },
    // Personal
    { method: 'get', path: '/me/top/artists' },
    { method: 'get', path: '/me/top/tracks' },
    // Podcasts and audiobooks (resume points need user-read-playback-position)
    { method: 'get', path: '/shows/{id}' },
    { method: 'get', path: '/shows/{id}/episodes' },
    { method: 'get', path: '/episodes/{id}' },
    { method: 'get', path: '/audiobooks/{id}' },
    { method: 'get', path: '/audiobooks/{id}/chapters' },
    { method: 'get', path: '/me/shows' },
    { method: 'get', path: '/me/episodes' },
    { method: 'get', path: '/me/audiobooks' },
    // Closed to apps registered in 2026 (the sandbox gates them); vendored to check the 403s.
    { method: 'get', path: '/tracks' },
    { method: 'get', path: '/albums' },
    { method: 'get', path: '/artists' },
    { method: 'get', path: '/artists/{id}/top-tracks' },
    { method: 'get', path: '/me/library/contains' },
    { method: 'get', path: '/me/tracks/contains' },
    { method: 'get', path: '/me/albums/contains' },
    { method: 'get', path: '/me/following/contains' },
    { method: 'get', path: '/users/{user_id}' },
    { method: 'get', path: '/users/{user_id}/playlists' },
    { method: 'get', path: '/browse/new-releases' },
    { method: 'get', path: '/browse/featured-playlists' },
    { method: 'get', path: '/browse/categories' },
    { method: 'get', path: '/markets' },
    { method: 'get', path: '/recommendations' },
  ],
  tidal: [
    // The spec has no `/users/me`: `me` is a value of `{id}`.
    { method: 'get', path: '/users/{id}' },
    { method: 'get', path: '/searchResults' },
    // Catalog
    { method: 'get', path: '/tracks' },
    { method: 'get', path: '/tracks/{id}' },
    { method: 'get', path: '/tracks/{id}/relationships/radio' },
    { method: 'get', path: '/tracks/{id}/relationships/similarTracks' },
    { method: 'get', path: '/albums/{id}' },
    { method: 'get', path: '/albums/{id}/relationships/items' },
    { method: 'get', path: '/artists/{id}' },
    { method: 'get', path: '/artists/{id}/relationships/tracks' },
    { method: 'get', path: '/artists/{id}/relationships/albums' },
    { method: 'get', path: '/artists/{id}/relationships/radio' },
    // Playlists (every mutation takes an `Idempotency-Key` header)
    { method: 'get', path: '/playlists' },
    { method: 'post', path: '/playlists' },
    { method: 'get', path: '/playlists/{id}' },
    { method: 'patch', path: '/playlists/{id}' },
    { method: 'get', path: '/playlists/{id}/relationships/items' },
    { method: 'post', path: '/playlists/{id}/relationships/items' },
    { method: 'patch', path: '/playlists/{id}/relationships/items' },
    { method: 'delete', path: '/playlists/{id}/relationships/items' },
    // Collection (favourites); `{id}` is the user id
    ...(['tracks', 'albums', 'artists', 'playlists'] as const).flatMap((kind) =>
      (['get', 'post', 'delete'] as const).map((method) => ({
        method,
        path: `/userCollections/{id}/relationships/${kind}`,
      })),
    ),
    // Mixes
    { method: 'get', path: '/userRecommendations/{id}' },
  ],
};

interface SourceSpec {
  file: string;
  output: string;
  source: string;
  commit: string;
  format: 'yaml' | 'json';
  /** TIDAL marks the access tier each operation needs; only THIRD_PARTY is open to us. */
  requiredAccessTier?: string;
}

const SOURCES: Record<keyof typeof OPERATIONS, SourceSpec> = {
  spotify: {
    file: 'spotify-web-api.openapi.yml',
    output: 'spotify-web-api.subset.json',
    source: 'https://github.com/sonallux/spotify-web-api/blob/a3369587/fixed-spotify-open-api.yml',
    commit: 'a3369587',
    format: 'yaml',
  },
  tidal: {
    file: 'tidal-api.openapi.json',
    output: 'tidal-api.subset.json',
    source:
      'https://github.com/tidal-music/tidal-sdk-web/blob/67feef5a/packages/api/bin/tidal-api-oas.json',
    commit: '67feef5a',
    format: 'json',
    requiredAccessTier: 'THIRD_PARTY',
  },
};

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function child(value: Json | undefined, key: string): Json | undefined {
  return isObject(value) ? value[key] : undefined;
}

/** `#/components/schemas/Foo` → ['schemas', 'Foo']; the pointer may escape `/` and `~`. */
function componentOf(ref: string): [string, string] {
  const match = /^#\/components\/([^/]+)\/([^/]+)$/.exec(ref);
  if (!match?.[1] || !match[2]) {
    throw new Error(`Only local component references are supported, found "${ref}".`);
  }
  const unescape = (part: string) => part.replace(/~1/g, '/').replace(/~0/g, '~');
  return [unescape(match[1]), unescape(match[2])];
}

function collectRefs(value: Json | undefined, into: Set<string>): void {
  if (Array.isArray(value)) {
    for (const item of value) collectRefs(item, into);
  } else if (isObject(value)) {
    for (const [key, item] of Object.entries(value)) {
      if (key === '$ref' && typeof item === 'string') into.add(item);
      else collectRefs(item, into);
    }
  }
}

function securitySchemeNames(operation: JsonObject): string[] {
  const security = operation.security;
  if (!Array.isArray(security)) return [];
  return security.flatMap((requirement) => (isObject(requirement) ? Object.keys(requirement) : []));
}

export function subsetSpec(spec: JsonObject, provider: keyof typeof OPERATIONS): JsonObject {
  const meta = SOURCES[provider];
  const sourcePaths = spec.paths;
  if (!isObject(sourcePaths)) throw new Error(`${meta.file} has no paths.`);

  const paths: JsonObject = {};
  const pending = new Set<string>();
  const schemes = new Set<string>();
  for (const { method, path } of OPERATIONS[provider]) {
    const item = sourcePaths[path];
    const operation = child(item, method);
    if (!isObject(item) || !isObject(operation)) {
      throw new Error(`${meta.file} has no ${method.toUpperCase()} ${path}.`);
    }
    const tier = child(child(operation, 'x-path-item-properties'), 'required-access-tier');
    if (meta.requiredAccessTier && tier !== meta.requiredAccessTier) {
      throw new Error(
        `${method.toUpperCase()} ${path} needs access tier ${String(tier)}, not ${meta.requiredAccessTier}.`,
      );
    }
    const target = (paths[path] ??= {}) as JsonObject;
    // Path-level parameters and summaries apply to every operation under the path.
    for (const [key, value] of Object.entries(item)) {
      if (!['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'].includes(key)) {
        target[key] = value;
        collectRefs(value, pending);
      }
    }
    target[method] = operation;
    collectRefs(operation, pending);
    for (const name of securitySchemeNames(operation)) schemes.add(name);
  }

  const wanted = new Map<string, Set<string>>();
  const seen = new Set<string>();
  const components = spec.components;
  while (pending.size > 0) {
    const [ref] = pending;
    if (ref === undefined) break;
    pending.delete(ref);
    if (seen.has(ref)) continue;
    seen.add(ref);
    const [kind, name] = componentOf(ref);
    const definition = child(child(components, kind), name);
    if (definition === undefined) throw new Error(`${meta.file}: ${ref} does not resolve.`);
    if (!wanted.has(kind)) wanted.set(kind, new Set());
    wanted.get(kind)?.add(name);
    collectRefs(definition, pending);
  }
  if (schemes.size > 0) wanted.set('securitySchemes', schemes);

  // Keep the source's order so regenerating after a spec update gives a readable diff.
  const kept: JsonObject = {};
  if (isObject(components)) {
    for (const [kind, entries] of Object.entries(components)) {
      const names = wanted.get(kind);
      if (!names || !isObject(entries)) continue;
      const out: JsonObject = {};
      for (const [name, definition] of Object.entries(entries)) {
        if (names.has(name)) out[name] = definition;
      }
      kept[kind] = out;
    }
  }

  const info = isObject(spec.info) ? spec.info : {};
  const version = typeof info.version === 'string' ? info.version : 'unknown';
  return {
    openapi: spec.openapi ?? '3.0.0',
    info: {
      title: `${String(info.title ?? provider)} (TuneBridge subset)`,
      version,
      description:
        'Generated by scripts/vendor-specs.ts from the source named in x-vendored-from. Do not edit by hand.',
    },
    'x-vendored-from': { source: meta.source, commit: meta.commit, version },
    servers: spec.servers ?? [],
    paths,
    components: kept,
  };
}

function readSpec(dir: string, meta: SourceSpec): JsonObject {
  const text = readFileSync(join(dir, meta.file), 'utf8');
  const parsed = (meta.format === 'yaml' ? parseYaml(text) : JSON.parse(text)) as Json;
  if (!isObject(parsed)) throw new Error(`${meta.file} is not an OpenAPI document.`);
  return parsed;
}

function main(): void {
  const fromFlag = process.argv.indexOf('--from');
  const fromDir =
    (fromFlag >= 0 ? process.argv[fromFlag + 1] : undefined) ??
    process.env.TUNEBRIDGE_SPECS_SOURCE ??
    resolve(repoRoot, '../shared/specs');
  for (const provider of Object.keys(OPERATIONS) as Array<keyof typeof OPERATIONS>) {
    const meta = SOURCES[provider];
    const subset = subsetSpec(readSpec(fromDir, meta), provider);
    const outFile = join(repoRoot, 'specs', meta.output);
    writeFileSync(outFile, `${JSON.stringify(subset, null, 2)}\n`);
    const schemaCount = Object.keys(child(subset.components, 'schemas') ?? {}).length;
    console.log(
      `${provider}: ${OPERATIONS[provider].length} operations, ${schemaCount} schemas → specs/${meta.output}`,
    );
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
