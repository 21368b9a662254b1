import type { AuditEvent, AuditRecord } from '../../../protocol/audit.js';
import { PROVIDER_NAMES, type ProviderId } from '../../../protocol/providers.js';
import { FailedAuthAlarm } from './failed-auth-alarm.js';

export type AlertReason =
  | 'failed-auth'
  | 'refresh-failure'
  | 'call-burst'
  | 'certificate-pin'
  | 'connection-flood'
  | 'secret-store';

/** What the tray and the window show: one sentence that says what happened and what to do. */
export interface HostAlert {
  reason: AlertReason;
  message: string;
  time: string;
  assistantId?: string;
  assistantName?: string;
  provider?: ProviderId;
}

export const DEFAULT_BURST_CALLS_PER_MINUTE = 120;
const BURST_WINDOW_MS = 60_000;
/** One alert per provider per stretch of trouble, not one per failed refresh. */
const REFRESH_ALERT_QUIET_MS = 10 * 60_000;

export interface AlarmOutcome {
  alert: HostAlert;
  /** The `alert` record to append after the one that raised it. */
  record: AuditEvent;
}

/**
 * Watches the audit stream for what a person should hear about at once: repeated failed
 * authentications, a refresh that failed, an assistant calling far more than people do, and a
 * refused certificate. The audit log itself only stores; every alert is raised here.
 */
export class SecurityAlarms {
  private readonly failedAuth = new FailedAuthAlarm();
  private readonly calls = new Map<string, number[]>();
  private readonly burstQuietUntil = new Map<string, number>();
  private readonly refreshQuietUntil = new Map<ProviderId, number>();
  private readonly burstLimit: number;

  constructor(options: { burstCallsPerMinute?: number } = {}) {
    this.burstLimit = options.burstCallsPerMinute ?? DEFAULT_BURST_CALLS_PER_MINUTE;
  }

  observe(record: AuditRecord, at: number): AlarmOutcome | undefined {
    const time = new Date(at).toISOString();
    const failedAuth = this.failedAuth.observe(record, at);
    if (failedAuth) {
      return {
        alert: { reason: 'failed-auth', message: failedAuth.message ?? '', time },
        record: failedAuth,
      };
    }
    if (record.kind === 'token.refresh' && record.outcome === 'error' && record.provider) {
      return this.refreshFailed(record.provider, at, time);
    }
    if (record.kind === 'api.call' && record.assistantId) return this.countCall(record, at, time);
    return undefined;
  }

  /** A provider host showed a certificate that matches none of its pins. */
  pinMismatch(host: string, at: number): AlarmOutcome {
    const message = `TuneBridge refused a connection to ${host}: its certificate did not match the pinned keys. Someone may be intercepting your traffic; if your network inspects TLS on purpose, see docs/CONFIGURATION.md.`;
    return {
      alert: { reason: 'certificate-pin', message, time: new Date(at).toISOString() },
      record: { kind: 'alert', outcome: 'refused', message },
    };
  }

  /** Many connections were dropped for not saying hello: a local process is holding sockets. */
  connectionFlood(evictions: number, at: number): AlarmOutcome {
    const message = `A program on this computer opened ${evictions} connections to TuneBridge in the last minute without a key and held them open. TuneBridge dropped them and kept your assistants connected; if you don't know what it is, check the programs running under your account.`;
    return {
      alert: { reason: 'connection-flood', message, time: new Date(at).toISOString() },
      record: { kind: 'alert', outcome: 'refused', message },
    };
  }

  /**
   * A refreshed login could not be saved. The host keeps using it from memory and retries, but
   * if it quits first the person has to log in again.
   */
  secretStoreFailed(provider: ProviderId, store: string, at: number): AlarmOutcome {
    const name = PROVIDER_NAMES[provider];
    const message = `TuneBridge could not save your renewed ${name} login to ${store}. It keeps working from memory and will retry; if ${store} stays unavailable, you will have to log in to ${name} again after TuneBridge restarts.`;
    return {
      alert: { reason: 'secret-store', message, time: new Date(at).toISOString(), provider },
      record: { kind: 'alert', outcome: 'error', provider, message },
    };
  }

  private refreshFailed(provider: ProviderId, at: number, time: string): AlarmOutcome | undefined {
    if (at < (this.refreshQuietUntil.get(provider) ?? 0)) return undefined;
    this.refreshQuietUntil.set(provider, at + REFRESH_ALERT_QUIET_MS);
    const name = PROVIDER_NAMES[provider];
    const message = `TuneBridge could not refresh your ${name} login, so assistants can't use ${name}. Log in to ${name} again in TuneBridge (or run \`tunebridge login ${provider}\`).`;
    return {
      alert: { reason: 'refresh-failure', message, time, provider },
      record: { kind: 'alert', outcome: 'error', provider, message },
    };
  }

  private countCall(record: AuditRecord, at: number, time: string): AlarmOutcome | undefined {
    const assistantId = record.assistantId ?? '';
    const recent = (this.calls.get(assistantId) ?? []).filter((t) => at - t < BURST_WINDOW_MS);
    recent.push(at);
    this.calls.set(assistantId, recent);
    if (recent.length <= this.burstLimit || at < (this.burstQuietUntil.get(assistantId) ?? 0)) {
      return undefined;
    }
    this.burstQuietUntil.set(assistantId, at + BURST_WINDOW_MS);
    const who = record.assistantName ?? 'An assistant';
    const message = `${who} made ${recent.length} calls in the last minute (the alert threshold is ${this.burstLimit}). If you did not ask for that much, pause it in TuneBridge.`;
    return {
      alert: {
        reason: 'call-burst',
        message,
        time,
        assistantId: record.assistantId,
        assistantName: record.assistantName,
      },
      record: {
        kind: 'alert',
        outcome: 'error',
        assistantId: record.assistantId,
        assistantName: record.assistantName,
        message,
      },
    };
  }
}
