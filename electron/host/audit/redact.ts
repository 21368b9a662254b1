/**
 * Scrubs anything that looks like a credential from text bound for the audit log. Patterns catch
 * the usual shapes; the deny-list catches exact values the host has handled, whatever they look
 * like. Over-redacting a harmless id is fine; leaking a token is not.
 */
export const REDACTED = '[redacted]';

const MAX_REGISTERED = 1000;
/** Shorter values are too likely to occur in ordinary text to be worth scrubbing verbatim. */
const MIN_REGISTERED_LENGTH = 8;
const registered = new Set<string>();

/** Adds an exact value to scrub from every later record; the oldest fall off past 1000. */
export function registerSecret(value: string): void {
  if (value.length < MIN_REGISTERED_LENGTH) return;
  for (const form of new Set([value, encodeURIComponent(value)])) {
    registered.delete(form);
    registered.add(form);
  }
  while (registered.size > MAX_REGISTERED) {
    const oldest = registered.values().next().value;
    if (oldest === undefined) break;
    registered.delete(oldest);
  }
}

/** For tests, and for a host that is shutting down. */
export function forgetRegisteredSecrets(): void {
  registered.clear();
}

// Authorization header values: `Bearer x`, `Basic x`.
const AUTH_SCHEME = /\b(Bearer|Basic)\s+[A-Za-z0-9\-._~+/]+=*/gi;
// name=value / name: value / "name": "value", for names that carry credentials.
// One flat character class before the suffix: a nested quantifier here backtracks exponentially
// on ids like UUIDs, which turned every audit append into hundreds of milliseconds.
const SECRET_PARAM =
  /(?<![A-Za-z0-9_-])([A-Za-z0-9_-]*(?:token|secret|key|password|passwd|verifier|assertion)|code)("?\s*[:=]\s*"?)(?!\[redacted\])([^\s&"',;}\])]+)/gi;
// JSON Web Tokens (and other JWS/JWE compact forms): base64url header starting `eyJ`.
const JWT = /\beyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]*){1,3}/g;
// Runs long enough to be a key; whether it is one is decided by looksRandom.
const LONG_RUN = /[A-Za-z0-9_-]{24,}={0,2}/g;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function redactSecrets(value: string): string {
  let text = value;
  // Longest first, so a value containing another registered one goes as a whole.
  const exact = [...registered].sort((a, b) => b.length - a.length);
  for (const secret of exact) if (text.includes(secret)) text = text.split(secret).join(REDACTED);
  text = text.replace(AUTH_SCHEME, (_, scheme: string) => `${scheme} ${REDACTED}`);
  text = text.replace(SECRET_PARAM, (_, name: string, sep: string) => `${name}${sep}${REDACTED}`);
  text = text.replace(JWT, REDACTED);
  text = text.replace(LONG_RUN, (run) => (looksRandom(run) ? REDACTED : run));
  return text;
}

/**
 * Tells keys from identifiers: hex and letter-digit mixes are keys; words joined by `-`, `_` or
 * camelCase (scope names, tool names) are not, nor are UUIDs, which name clients and requests.
 */
function looksRandom(run: string): boolean {
  if (UUID.test(run)) return false;
  const bare = run.replace(/=+$/, '');
  if (/^[0-9a-f]+$/i.test(bare)) return true;
  if (/\d/.test(bare) && /[A-Za-z]/.test(bare)) return true;
  const words = bare
    .split(/[-_]+/)
    .flatMap((part) => part.split(/(?<=[a-z])(?=[A-Z])/))
    .filter(Boolean);
  if (words.length === 0) return false;
  const average = words.reduce((sum, word) => sum + word.length, 0) / words.length;
  return average < 3 || words.some((word) => word.length > 20);
}

/** Applies redactSecrets to every string in a record, including strings inside arrays. */
export function redactRecord<T extends object>(record: T): T {
  const copy: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(record)) {
    if (typeof field === 'string') copy[key] = redactSecrets(field);
    else if (Array.isArray(field))
      copy[key] = field.map((item: unknown) =>
        typeof item === 'string' ? redactSecrets(item) : item,
      );
    else copy[key] = field;
  }
  return copy as T;
}
