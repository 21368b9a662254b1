/**
 * A short, printable reason from an error thrown by native code, with any value we handed to it
 * cut out: keyring backends have been known to echo arguments back in their messages.
 */
export function nativeReason(error: unknown, values: readonly string[] = []): string {
  let reason = error instanceof Error ? error.message : String(error);
  for (const value of values) if (value) reason = reason.split(value).join('[redacted]');
  reason = reason.replace(/\p{Cc}+/gu, ' ').trim();
  return reason.length > 200 ? `${reason.slice(0, 199)}…` : reason || 'no reason given';
}
