import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** An unused opening address stops working after this long. */
export const OPENING_TOKEN_TTL_MS = 10 * 60 * 1000;
/** A session nobody has used for this long is forgotten. */
export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;
/** The page's half of a session: read from the address fragment, sent on every host call. */
export const SESSION_HEADER = 'X-TuneBridge-Session';

/** What spending an opening token gave: a session, or why not. */
export type Exchange =
  { ok: true; session: string; secret: string } | { ok: false; reason: 'expired' | 'invalid' };

interface Session {
  secret: Buffer;
  lastUsed: number;
}

/**
 * The one-time opening token and the sessions it is exchanged for. A session has two halves: a
 * cookie, and a secret the page keeps in its own origin's storage and sends as a header. Cookies
 * ignore ports, so another server on 127.0.0.1 can receive the cookie; it never sees the secret.
 * Only digests are kept, and comparisons are constant-time, so nothing can be guessed by timing.
 */
export class UiSessions {
  private opening: { digest: Buffer; expires: number } | undefined;
  private readonly sessions = new Map<string, Session>();
  /** The server's port, known once it listens. */
  port = 0;

  constructor(private readonly now: () => number = Date.now) {}

  /** Cookies ignore ports: a name per port keeps two TuneBridge hosts from trampling each other. */
  get cookieName(): string {
    return `tunebridge_session_${this.port}`;
  }

  /** A fresh opening token, good once within `OPENING_TOKEN_TTL_MS`; any earlier one stops working. */
  issueOpeningToken(): string {
    const token = randomBytes(32).toString('base64url');
    this.opening = { digest: digest(token), expires: this.now() + OPENING_TOKEN_TTL_MS };
    return token;
  }

  /** Spends the opening token: a new session and its secret, or why the token is refused. */
  exchange(token: string): Exchange {
    const opening = this.opening;
    if (!opening || !timingSafeEqual(opening.digest, digest(token))) {
      return { ok: false, reason: 'invalid' };
    }
    this.opening = undefined;
    if (this.now() > opening.expires) return { ok: false, reason: 'expired' };
    const session = randomBytes(32).toString('base64url');
    const secret = randomBytes(32).toString('base64url');
    this.sessions.set(key(session), { secret: digest(secret), lastUsed: this.now() });
    return { ok: true, session, secret };
  }

  /** The cookie alone: enough for the page and its script, which hold nothing secret. */
  hasCookie(request: IncomingMessage): boolean {
    return this.find(request) !== undefined;
  }

  /** The cookie and the matching secret header: required for anything that reads or changes. */
  isAuthorized(request: IncomingMessage): boolean {
    const session = this.find(request);
    const sent = request.headers[SESSION_HEADER.toLowerCase()];
    if (!session || typeof sent !== 'string') return false;
    if (!timingSafeEqual(session.secret, digest(sent))) return false;
    // Only a whole session counts as use: a replayed cookie alone never keeps one alive.
    session.lastUsed = this.now();
    return true;
  }

  cookie(session: string): string {
    return `${this.cookieName}=${session}; HttpOnly; SameSite=Strict; Path=/`;
  }

  private find(request: IncomingMessage): Session | undefined {
    const value = readCookie(request.headers.cookie, this.cookieName);
    if (value === undefined) return undefined;
    const now = this.now();
    for (const [id, session] of this.sessions) {
      if (now - session.lastUsed > SESSION_IDLE_MS) this.sessions.delete(id);
    }
    return this.sessions.get(key(value));
  }
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

function key(session: string): string {
  return digest(session).toString('hex');
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const index = part.indexOf('=');
    if (index < 0) continue;
    if (part.slice(0, index).trim() === name) return part.slice(index + 1).trim();
  }
  return undefined;
}
