import type { AssistantSummary } from '../../../protocol/assistant.js';
import { refreshTokenExpiry } from '../../../protocol/doctor.js';
import { PROVIDER_NAMES, type AccountSummary } from '../../../protocol/providers.js';
import type { DateToWatch } from '../../../protocol/security.js';
import { DAY_MS } from './security-counters.js';
import type { PinReview } from './pin-review.js';

/** A key unused this long is offered for revocation. */
export const UNUSED_KEY_DAYS = 30;

const day = (iso: string) => iso.slice(0, 10);

/**
 * The dates a person should know: when each provider login ends, when each assistant's key was
 * last used (keys idle for 30 days are offered for revocation), and when to review the pin set.
 */
export function datesToWatch(input: {
  now: number;
  accounts: AccountSummary[];
  assistants: AssistantSummary[];
  pins: PinReview;
}): DateToWatch[] {
  const dates: DateToWatch[] = [];
  for (const account of input.accounts) {
    if (account.status === 'disconnected') continue;
    const name = PROVIDER_NAMES[account.provider];
    const ends = account.connectedAt && refreshTokenExpiry(account.provider, account.connectedAt);
    dates.push({
      kind: 'provider-login-ends',
      label: `${name} login ends`,
      provider: account.provider,
      date: ends ? ends.toISOString() : undefined,
      note: ends
        ? `${name} ends a login six months after you first logged in (${day(account.connectedAt ?? '')}), however often TuneBridge refreshes it: log in again before ${day(ends.toISOString())}.`
        : `${name} sets no fixed end; TuneBridge refreshes the login while you use it.`,
    });
  }
  for (const assistant of input.assistants.filter((a) => !a.revoked)) {
    const lastUse = assistant.lastSeenAt ?? assistant.createdAt;
    const idleDays = Math.floor((input.now - Date.parse(lastUse)) / DAY_MS);
    const idle = idleDays >= UNUSED_KEY_DAYS;
    dates.push({
      kind: 'key-last-used',
      label: `${assistant.name}’s key last used`,
      date: assistant.lastSeenAt,
      note: assistant.lastSeenAt
        ? idle
          ? `Unused for ${idleDays} days: revoke it unless you still use ${assistant.name}.`
          : `Used ${idleDays === 0 ? 'today' : `${idleDays} day${idleDays === 1 ? '' : 's'} ago`}.`
        : idle
          ? `Never used in the ${idleDays} days since it was issued: revoke it unless you still mean to connect ${assistant.name}.`
          : `Not used yet (issued ${day(assistant.createdAt)}).`,
      revokeAssistantId: idle ? assistant.assistantId : undefined,
    });
  }
  const { pins } = input;
  dates.push({
    kind: 'pin-review',
    label: 'Certificate pins next review',
    date: pins.date,
    note:
      pins.missing.length > 0
        ? `Review now: ${pins.missing.join(', ')} ${pins.missing.length === 1 ? 'is' : 'are'} no longer in the root store. See docs/CONFIGURATION.md (“Certificate pinning”).`
        : `The first pinned root (${pins.root ?? 'unknown'}) expires then; update TuneBridge before that day. See docs/CONFIGURATION.md (“Certificate pinning”).`,
  });
  return dates;
}
