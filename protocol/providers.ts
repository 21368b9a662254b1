import * as z from 'zod';

export const ProviderId = z.enum(['spotify', 'tidal']);
export type ProviderId = z.infer<typeof ProviderId>;

export const PROVIDER_NAMES: Record<ProviderId, string> = {
  spotify: 'Spotify',
  tidal: 'TIDAL',
};

export const AccountStatus = z.enum(['connected', 'needs-login', 'disconnected']);
export type AccountStatus = z.infer<typeof AccountStatus>;

/** What anyone outside the host may know about a connected account: never a token. */
export const AccountSummary = z.object({
  provider: ProviderId,
  status: AccountStatus,
  accountId: z.string().optional(),
  displayName: z.string().optional(),
  product: z.string().optional(),
  country: z.string().optional(),
  scopes: z.array(z.string()),
  connectedAt: z.string().optional(),
  lastRefreshAt: z.string().optional(),
  accessExpiresAt: z.string().optional(),
  /** Scopes asked for at login that the provider did not grant (absent when none are missing). */
  notGranted: z.array(z.string()).optional(),
});
export type AccountSummary = z.infer<typeof AccountSummary>;
