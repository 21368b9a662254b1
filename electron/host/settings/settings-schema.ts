import * as z from 'zod';
import { AssistantPolicy, PermissionGroup } from '../../../protocol/policy.js';
import { ProviderId } from '../../../protocol/providers.js';

/**
 * Everything TuneBridge remembers that is not a secret, as one schema. It stands apart from the
 * store so the Electron shell can hand the same schema and defaults to electron-store.
 */

const timestamp = z.iso.datetime({ offset: true });

export const AccountRecord = z.object({
  status: z.enum(['connected', 'needs-login']),
  accountId: z.string().min(1),
  displayName: z.string(),
  product: z.string().optional(),
  country: z.string().optional(),
  scopes: z.array(z.string()),
  connectedAt: timestamp,
  lastRefreshAt: timestamp.optional(),
});
export type AccountRecord = z.infer<typeof AccountRecord>;

export const ClientRecord = z.object({
  clientId: z.string().min(1),
  name: z.string().min(1),
  /** SHA-256 of the client key, lowercase hex; the key itself is shown once and never kept. */
  keyHash: z.string().regex(/^[0-9a-f]{64}$/, 'Expected a lowercase hex SHA-256'),
  createdAt: timestamp,
  lastSeenAt: timestamp.optional(),
  revokedAt: timestamp.optional(),
  policy: AssistantPolicy,
  /** The MCP client whose config TuneBridge wrote this key into (`connect <client>`), if any. */
  mcpClient: z.string().optional(),
  /** Named by TuneBridge for now: the MCP client's own name replaces it at its first hello. */
  nameFromClient: z.boolean().optional(),
});
export type ClientRecord = z.infer<typeof ClientRecord>;

export const ProviderSettings = z.object({
  /** Public OAuth client id (PKCE, no secret), when the person brings their own app. */
  clientId: z.string().min(1).optional(),
  redirectPort: z.number().int().min(1024).max(65_535).optional(),
  /**
   * The permission groups whose scopes a login asks for (Spotify); default all. Read is always
   * asked for. Narrower logins can't be widened by a policy switch without logging in again.
   */
  groups: z.array(PermissionGroup).optional(),
});
export type ProviderSettings = z.infer<typeof ProviderSettings>;

export const SecretStoreSetting = z.enum(['auto', 'keyring', 'passphrase-file']);
export type SecretStoreSetting = z.infer<typeof SecretStoreSetting>;

export const SETTINGS_VERSION = 1;

export const Settings = z.object({
  version: z.literal(SETTINGS_VERSION),
  // Missing sections default, so a hand-written file need only hold what it changes.
  accounts: z.partialRecord(ProviderId, AccountRecord).default(() => ({})),
  clients: z.array(ClientRecord).default(() => []),
  providers: z.partialRecord(ProviderId, ProviderSettings).default(() => ({})),
  secretStore: SecretStoreSetting.default('auto'),
  /** Certificate pinning for the provider hosts; off only for networks that inspect TLS. */
  pinning: z.boolean().default(true),
  /** More tool-driven API calls than this from one assistant within a minute raise an alert. */
  burstAlertCallsPerMinute: z.number().int().min(1).max(100_000).default(120),
});
export type Settings = z.infer<typeof Settings>;

export function defaultSettings(): Settings {
  return {
    version: SETTINGS_VERSION,
    accounts: {},
    clients: [],
    providers: {},
    secretStore: 'auto',
    pinning: true,
    burstAlertCallsPerMinute: 120,
  };
}
