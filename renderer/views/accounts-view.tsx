import { useState } from 'react';
import type { ProviderSetupView } from '../../protocol/host-api.js';
import type { AccountSummary, ProviderId } from '../../protocol/providers.js';
import { ConfirmDialog } from '../components/confirm-dialog.js';
import { ExportPanel } from './export-panel.js';
import { SetupSection, type SetupResult } from '../components/provider-setup.js';
import { fromNow, dateAndTime } from '../format.js';
import { send } from '../host-client.js';
import { useHost, useHostEvents } from '../host-context.js';
import { PROVIDER_NAMES, PROVIDERS, scopeWords, STATUS_WORDS } from '../words.js';

/** Connect and disconnect the music accounts, and see what TuneBridge holds for each. */
export function AccountsView() {
  const { status, client, attempt, notify, refresh } = useHost();
  const [pending, setPending] = useState<Partial<Record<ProviderId, string>>>({});
  const [confirming, setConfirming] = useState<ProviderId>();
  // What the last save said, per provider ("Ready" or "restart"), and which setup panels are open.
  const [outcomes, setOutcomes] = useState<Partial<Record<ProviderId, SetupResult>>>({});
  const [setupOpen, setSetupOpen] = useState<Partial<Record<ProviderId, boolean>>>({});

  useHostEvents((event) => {
    if (event.event === 'login.finished') {
      setPending(({ [event.provider]: _done, ...rest }) => rest);
    }
  });

  const connect = async (provider: ProviderId) => {
    const started = await attempt(async () => await send(client, { op: 'login.start', provider }));
    if (!started) return;
    setPending((current) => ({ ...current, [provider]: started.authorizationUrl }));
    window.open(started.authorizationUrl, '_blank', 'noopener,noreferrer');
  };

  const disconnect = async (provider: ProviderId) => {
    setConfirming(undefined);
    await attempt(() => client.call({ op: 'logout', provider }));
  };

  const forgetClientId = async (provider: ProviderId) => {
    const done = await attempt(
      async () => await send(client, { op: 'provider.unconfigure', provider }),
    );
    if (!done) return;
    setOutcomes(({ [provider]: _gone, ...rest }) => rest);
    notify('info', done.message);
    await refresh();
  };

  const storage = status?.secretStorage;

  return (
    <section aria-labelledby="accounts-heading">
      <h1 id="accounts-heading">Accounts</h1>
      <p className="lead">
        TuneBridge keeps the login for each service here, encrypted by your system. Assistants never
        see it.
      </p>
      {storage?.warning ? (
        <div className="storage-warning" role="alert">
          <p>
            <strong>Your logins are not properly protected.</strong> {storage.warning}
          </p>
        </div>
      ) : null}
      <div className="cards">
        {PROVIDERS.map((provider) => (
          <AccountCard
            key={provider}
            provider={provider}
            account={status?.providers.find((account) => account.provider === provider)}
            loading={!status}
            pendingUrl={pending[provider]}
            onConnect={() => void connect(provider)}
            onDisconnect={() => setConfirming(provider)}
            sandbox={status?.sandbox ?? false}
            setup={status?.setup?.find((item) => item.provider === provider)}
            outcome={outcomes[provider]}
            setupOpen={setupOpen[provider] ?? false}
            onSetupOpen={(open) => setSetupOpen((current) => ({ ...current, [provider]: open }))}
            onSaved={(result) => {
              setOutcomes((current) => ({ ...current, [provider]: result }));
              setSetupOpen((current) => ({ ...current, [provider]: false }));
            }}
            onForgetClientId={() => void forgetClientId(provider)}
          />
        ))}
      </div>
      {storage ? (
        <p className="meta storage-note">
          Where TuneBridge keeps your logins: <strong>{storage.description}</strong>
        </p>
      ) : null}
      <ConfirmDialog
        open={confirming !== undefined}
        title={`Disconnect ${confirming ? PROVIDER_NAMES[confirming] : ''}?`}
        body="TuneBridge will ask the service to revoke its access where it can and erase its own copy of the login. Assistants lose access to this account at once."
        confirmLabel="Disconnect"
        onCancel={() => setConfirming(undefined)}
        onConfirm={() => confirming && void disconnect(confirming)}
      />
    </section>
  );
}

function AccountCard(props: {
  provider: ProviderId;
  account: AccountSummary | undefined;
  loading: boolean;
  pendingUrl: string | undefined;
  onConnect(): void;
  onDisconnect(): void;
  sandbox: boolean;
  setup: ProviderSetupView | undefined;
  outcome: SetupResult | undefined;
  setupOpen: boolean;
  onSetupOpen(open: boolean): void;
  onSaved(result: SetupResult): void;
  onForgetClientId(): void;
}) {
  const { provider, account, pendingUrl, setup } = props;
  const name = PROVIDER_NAMES[provider];
  const state = account?.status;
  const headingId = `account-${provider}`;
  // Outside sandbox mode the setup comes before Connect (it leads to it); in sandbox mode it is
  // the way out, after the stand-in's own actions.
  const setupSection =
    setup && !props.loading ? (
      <SetupSection
        setup={setup}
        sandbox={props.sandbox}
        configuredHere={account !== undefined}
        connected={account !== undefined && account.status !== 'disconnected'}
        outcome={props.outcome}
        open={props.setupOpen}
        onOpen={props.onSetupOpen}
        onSaved={props.onSaved}
        onForget={props.onForgetClientId}
      />
    ) : null;
  return (
    <article className="card" aria-labelledby={headingId} data-provider={provider}>
      <header className="card-header">
        <h2 id={headingId}>{name}</h2>
        <span className={`badge ${state ?? 'unset'}`}>
          {props.loading ? 'Loading…' : state ? STATUS_WORDS[state] : 'Not set up'}
        </span>
      </header>
      {!props.loading && !account ? (
        <p>
          {name} is not set up in this TuneBridge yet. Follow the steps below to use your own {name}{' '}
          app, then connect your account.
        </p>
      ) : null}
      {account && account.status !== 'disconnected' ? (
        <>
          <p className="account-name">
            Signed in as <strong>{account.displayName ?? account.accountId ?? 'unknown'}</strong>
            {account.product ? ` · ${account.product}` : ''}
            {account.country ? ` · ${account.country}` : ''}
          </p>
          <dl className="facts">
            <dt>Connected</dt>
            <dd>{dateAndTime(account.connectedAt)}</dd>
            <dt>Token health</dt>
            <dd>
              {account.status === 'needs-login'
                ? 'Needs login: the service no longer accepts the saved login.'
                : account.accessExpiresAt
                  ? `Renews automatically; current access expires ${fromNow(account.accessExpiresAt)}`
                  : 'Renews automatically'}
            </dd>
            <dt>Last refresh</dt>
            <dd>{account.lastRefreshAt ? fromNow(account.lastRefreshAt) : 'not yet'}</dd>
          </dl>
          <details className="scopes">
            <summary>
              What {name} allowed TuneBridge ({account.scopes.length})
            </summary>
            <ul>
              {account.scopes.map((scope) => (
                <li key={scope}>
                  {scopeWords(scope)} <code>{scope}</code>
                </li>
              ))}
            </ul>
          </details>
          {account.status === 'connected' ? <ExportPanel provider={provider} /> : null}
        </>
      ) : null}
      {account?.status === 'disconnected' ? (
        <p>
          Not connected. Connect to let your assistants use {name} within the permissions you set.
        </p>
      ) : null}
      <div className="pending" aria-live="polite">
        {pendingUrl ? (
          <p>
            Waiting for you to approve in the {name} window.{' '}
            <a href={pendingUrl} target="_blank" rel="noopener noreferrer">
              Open the {name} sign-in page
            </a>{' '}
            if it didn’t open.
          </p>
        ) : null}
      </div>
      {props.sandbox ? null : setupSection}
      <div className="actions">
        {account && account.status !== 'connected' ? (
          <button type="button" className="button primary" onClick={props.onConnect}>
            {account.status === 'needs-login' ? `Log in to ${name} again` : `Connect ${name}`}
          </button>
        ) : null}
        {account && account.status !== 'disconnected' ? (
          <button type="button" className="button" onClick={props.onDisconnect}>
            Disconnect {name}
          </button>
        ) : null}
      </div>
      {props.sandbox ? setupSection : null}
    </article>
  );
}
