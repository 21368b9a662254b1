import type { AuditEvent, AuditRecord } from '../../../protocol/audit.js';

export const FAILED_AUTH_THRESHOLD = 5;
export const FAILED_AUTH_WINDOW_MS = 10 * 60_000;

/**
 * Raises one alert when more than five authentications fail within ten minutes: a wrong client
 * key over and over is either a stale config or something guessing, and the person should know.
 * It stays quiet until the window has drained, so a flood produces one alert, not hundreds.
 */
export class FailedAuthAlarm {
  private failures: number[] = [];
  private alertedUntil = 0;

  observe(record: AuditRecord, at: number): AuditEvent | undefined {
    if (!isFailedAuthentication(record)) return undefined;
    this.failures = this.failures.filter((time) => at - time < FAILED_AUTH_WINDOW_MS);
    this.failures.push(at);
    if (this.failures.length <= FAILED_AUTH_THRESHOLD || at < this.alertedUntil) return undefined;
    this.alertedUntil = at + FAILED_AUTH_WINDOW_MS;
    return {
      kind: 'alert',
      outcome: 'error',
      message:
        `${this.failures.length} failed authentications in the last 10 minutes. ` +
        'If you did not just change an assistant’s config, revoke unknown assistants in TuneBridge.',
    };
  }
}

function isFailedAuthentication(record: AuditRecord): boolean {
  // A person pressing Deny is a choice, not a failure; a login error (wrong state) may be an attack.
  if (record.kind === 'login') return record.outcome === 'error';
  return record.kind === 'broker.auth' && record.outcome !== 'ok';
}
