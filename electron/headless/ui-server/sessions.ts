import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The one-time opening token and the sessions it is exchanged for. Only digests are kept, and
 * comparisons are constant-time, so neither the token nor a session id can be guessed by timing.
 */
export class UiSessions {
  private openingDigest: Buffer | undefined;
  private readonly sessions = new Set<string>();
  /** The server's port, known once it listens. */
  port = 0;

  /** Cookies ignore ports: a name per port keeps two TuneBridge hosts from trampling each other. */
  get cookieName(): string {
    return `tunebridge_session_${this.port}`;
  }

  /** A fresh opening token; any earlier one stops working. */
  issueOpeningToken(): string {
    const token = randomBytes(32).toString('base64url');
    this.openingDigest = digest(token);
    return token;
  }

  /** Spends the opening token: returns a new session id, or undefined if the token is wrong or used. */
  exchange(token: string): string | undefined {
    const expected = this.openingDigest;
    if (!expected || !timingSafeEqual(expected, digest(token))) return undefined;
    this.openingDigest = undefined;
    const session = randomBytes(32).toString('base64url');
    this.sessions.add(digest(session).toString('hex'));
    return session;
  }

  isSession(cookieHeader: string | undefined): boolean {
    const value = readCookie(cookieHeader, this.cookieName);
    return value !== undefined && this.sessions.has(digest(value).toString('hex'));
  }

  cookie(session: string): string {
    return `${this.cookieName}=${session}; HttpOnly; SameSite=Strict; Path=/`;
  }
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
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
