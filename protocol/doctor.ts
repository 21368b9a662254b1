import * as z from 'zod';
import { PERMISSION_GROUP_LABELS, PermissionGroup } from './policy.js';
import { AccountStatus, PROVIDER_NAMES, ProviderId } from './providers.js';

/**
 * What `spotify_doctor` and `tunebridge doctor` show: one report, built by the host (it alone
 * knows when the person logged in and whether a provider is cooling down after a 429), read the
 * same way by the bridge and the CLI.
 */

/** Spotify refresh tokens end this many months after the original login, whatever the refreshes. */
export const REFRESH_TOKEN_LIFETIME_MONTHS: Partial<Record<ProviderId, number>> = { spotify: 6 };
/** How long before that end the report starts warning. */
export const REFRESH_WARNING_DAYS = 14;

export const TokenState = z.enum([
  'ok',
  'expiring-soon',
  'expired',
  'needs-login',
  'not-connected',
]);
export type TokenState = z.infer<typeof TokenState>;

export const ProbeOutcome = z.enum([
  'reachable',
  'forbidden',
  'not-found',
  'rate-limited',
  'error',
  'skipped',
]);
export type ProbeOutcome = z.infer<typeof ProbeOutcome>;

export const GroupScopes = z.object({
  group: PermissionGroup,
  /** What this group's tools need. */
  needed: z.array(z.string()),
  /** Needed but not in the grant: the person must log in again (or switch the group on). */
  missing: z.array(z.string()),
  /** Whether the login asks for this group's scopes (`providers.<id>.groups` in settings). */
  requested: z.boolean(),
});
export type GroupScopes = z.infer<typeof GroupScopes>;

export const GatedProbe = z.object({
  family: z.string(),
  label: z.string(),
  method: z.string(),
  path: z.string(),
  outcome: ProbeOutcome,
  status: z.number().int().optional(),
  /** What the tools do instead when the family is closed, or why it was not probed. */
  note: z.string().optional(),
});
export type GatedProbe = z.infer<typeof GatedProbe>;

export const DoctorReport = z.object({
  provider: ProviderId,
  checkedAt: z.string(),
  account: z.object({
    status: AccountStatus,
    accountId: z.string().optional(),
    displayName: z.string().optional(),
    product: z.string().optional(),
    country: z.string().optional(),
    /** Undefined when the provider did not say. */
    premium: z.boolean().optional(),
  }),
  scopes: z.object({
    granted: z.array(z.string()),
    groups: z.array(GroupScopes),
  }),
  token: z.object({
    state: TokenState,
    connectedAt: z.string().optional(),
    lastRefreshAt: z.string().optional(),
    /** When the refresh token stops working and the person must log in again. */
    refreshTokenExpiresAt: z.string().optional(),
    daysLeft: z.number().int().optional(),
  }),
  rateLimit: z.object({
    coolingDown: z.boolean(),
    until: z.string().optional(),
    retryAfterSeconds: z.number().int().nonnegative().optional(),
  }),
  gated: z.array(GatedProbe),
  /** Sentences with a next step, most important first; empty when all is well. */
  advice: z.array(z.string()),
});
export type DoctorReport = z.infer<typeof DoctorReport>;

/** The end of a refresh token's life, from the original login; undefined where none is known. */
export function refreshTokenExpiry(provider: ProviderId, connectedAt: string): Date | undefined {
  const months = REFRESH_TOKEN_LIFETIME_MONTHS[provider];
  const start = Date.parse(connectedAt);
  if (months === undefined || Number.isNaN(start)) return undefined;
  const end = new Date(start);
  end.setUTCMonth(end.getUTCMonth() + months);
  return end;
}

const OUTCOME_TEXT: Record<ProbeOutcome, string> = {
  reachable: 'reachable',
  forbidden: 'closed to this app',
  'not-found': 'gone',
  'rate-limited': 'not checked: rate limited',
  error: 'error',
  skipped: 'not checked',
};

/** The report as short lines, for the tool's text and the CLI alike. */
export function describeDoctorReport(report: DoctorReport): string {
  const name = PROVIDER_NAMES[report.provider];
  const { account, token, rateLimit } = report;
  const lines = [`${name} doctor (${report.checkedAt})`];

  if (account.status === 'disconnected') {
    lines.push(`Account: not connected`);
  } else {
    const plan =
      account.premium === undefined
        ? (account.product ?? 'plan unknown')
        : account.premium
          ? 'Premium'
          : `${account.product ?? 'free'} (not Premium: playback control is unavailable)`;
    const who = account.displayName ?? account.accountId ?? 'unknown';
    const id = account.accountId ? ` (${account.accountId})` : '';
    lines.push(`Account: ${who}${id} · ${plan}${account.country ? ` · ${account.country}` : ''}`);
    if (account.status === 'needs-login') lines.push('  needs login');
  }

  lines.push('Scopes (granted / needed, per permission group):');
  for (const group of report.scopes.groups) {
    const label = PERMISSION_GROUP_LABELS[group.group];
    const granted = group.needed.length - group.missing.length;
    const state = !group.requested
      ? 'not requested at login (switched off in settings)'
      : group.missing.length === 0
        ? 'ok'
        : `missing ${group.missing.join(', ')}`;
    lines.push(`  ${label}: ${granted}/${group.needed.length} — ${state}`);
  }

  lines.push(`Token: ${tokenLine(token)}`);
  lines.push(
    `Rate limit: ${
      rateLimit.coolingDown
        ? `cooling down until ${rateLimit.until ?? 'unknown'} (retry in ${rateLimit.retryAfterSeconds ?? '?'} s)`
        : 'not limited'
    }`,
  );

  if (report.gated.length > 0) {
    lines.push('Gated endpoints:');
    for (const probe of report.gated) {
      const status = probe.status !== undefined ? ` [HTTP ${probe.status}]` : '';
      const note = probe.note ? ` — ${probe.note}` : '';
      lines.push(
        `  ${probe.label} (${probe.method} ${probe.path}): ${OUTCOME_TEXT[probe.outcome]}${status}${note}`,
      );
    }
  }

  if (report.advice.length > 0) {
    lines.push('What to do:');
    for (const advice of report.advice) lines.push(`  - ${advice}`);
  } else {
    lines.push('All is well.');
  }
  return lines.join('\n');
}

function tokenLine(token: DoctorReport['token']): string {
  const until = token.refreshTokenExpiresAt?.slice(0, 10);
  const left = token.daysLeft !== undefined ? ` (${token.daysLeft} days left)` : '';
  switch (token.state) {
    case 'not-connected':
      return 'none (not connected)';
    case 'needs-login':
      return 'refused by the provider: log in again';
    case 'expired':
      return `login ended on ${until ?? 'an unknown date'}: log in again`;
    case 'expiring-soon':
      return `login ends on ${until}${left}: log in again before then`;
    case 'ok':
      return until ? `ok; login ends on ${until}, 6 months after the original login${left}` : 'ok';
  }
}
