/**
 * Which provider endpoints an assistant may reach, and which provider scopes each needs. The
 * broker refuses any request that matches no rule, so a bridge can't use a capability for an
 * endpoint nobody reviewed.
 */
export interface EndpointRule {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';
  /** A path template such as `/v1/playlists/{playlist_id}/items`. */
  path: string;
  /** Every one of these must be in the capability. */
  scopes: readonly string[];
  /**
   * For endpoints whose scopes depend on what the query names (Spotify's `/me/library` takes
   * tracks, playlists and users, each under its own scope): the scopes for this query instead.
   */
  scopesFor?: (query: Readonly<Record<string, string>>) => readonly string[];
}

interface CompiledRule extends EndpointRule {
  pattern: RegExp;
}

// Path parameters are provider ids or the literal `me`: never slashes, dots or escapes.
const PARAM = '[A-Za-z0-9_-]{1,100}';

export class EndpointTable {
  private readonly rules: CompiledRule[];

  constructor(rules: readonly EndpointRule[]) {
    this.rules = rules.map((rule) => ({ ...rule, pattern: compile(rule.path) }));
  }

  match(
    method: string,
    path: string,
    query: Readonly<Record<string, string>> = {},
  ): EndpointRule | undefined {
    if (!isPlainPath(path)) return undefined;
    const rule = this.rules.find((r) => r.method === method && r.pattern.test(path));
    return rule?.scopesFor ? { ...rule, scopes: rule.scopesFor(query) } : rule;
  }
}

function compile(template: string): RegExp {
  const source = template
    .split('/')
    .map((segment) => (/^\{\w+\}$/.test(segment) ? PARAM : escapeRegExp(segment)))
    .join('/');
  return new RegExp(`^${source}$`);
}

/** Paths that could be read differently by the upstream (dot segments, encoded separators) never match. */
function isPlainPath(path: string): boolean {
  return /^\/[A-Za-z0-9_\-/]*$/.test(path) && !path.includes('//');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
