/**
 * Route templates as the providers' OpenAPI specs spell them (`/playlists/{playlist_id}/items`),
 * compiled once for the sandbox's routers and for the tests' spec checker, so both match a path
 * the same way.
 */
export interface CompiledPath {
  regex: RegExp;
  /** The `{name}` parameters in order: the regex's capture groups. */
  names: string[];
}

/** Literal segments exactly, `{name}` as one segment. */
export function compilePath(template: string): CompiledPath {
  const names: string[] = [];
  const pattern = template
    .split('/')
    .map((segment) => {
      const param = /^\{([^}]+)\}$/.exec(segment);
      if (param?.[1]) {
        names.push(param[1]);
        return '([^/]+)';
      }
      return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  return { regex: new RegExp(`^${pattern}$`), names };
}

/** Sort order for matching: a literal segment beats a template (`/me/player` is not `/me/{id}`). */
export function literalFirst(a: CompiledPath, b: CompiledPath): number {
  return a.names.length - b.names.length;
}
