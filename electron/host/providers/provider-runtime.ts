import type { ProviderId } from '../../../protocol/providers.js';
import type { OAuthProviderConfig } from '../auth/oauth-client.js';
import type { ProviderFetch } from '../http/secure-fetch.js';
import type { EndpointTable } from './endpoint-table.js';

/** Who the person is at a provider: what the UI and `login` show, never a credential. */
export interface AccountProfile {
  accountId: string;
  displayName: string;
  product?: string;
  country?: string;
}

/** Everything the host needs to log in to, and call, one provider. */
export interface ProviderRuntime {
  id: ProviderId;
  oauth: OAuthProviderConfig;
  /** Origin of the API; request paths carry the version prefix (`/v1/…`, `/v2/…`). */
  apiBaseUrl: string;
  endpoints: EndpointTable;
  fetchProfile(accessToken: string, fetch: ProviderFetch): Promise<AccountProfile>;
}

/** Where a provider's servers are: the real ones, or the local sandbox. */
export interface ProviderEndpoints {
  clientId: string;
  authorizeUrl: string;
  tokenUrl: string;
  apiBaseUrl: string;
  redirectPort: number;
}
