import { useEffect, useId, useRef, useState } from 'react';
import type { ProviderSetupView } from '../../protocol/host-api.js';
import {
  clientIdProblem,
  DEFAULT_TIDAL_REDIRECT_PORT,
  redirectPortProblem,
  setupRedirectUri,
} from '../../protocol/provider-setup.js';
import { send, HostCallError } from '../host-client.js';
import { useHost } from '../host-context.js';
import { PROVIDER_NAMES } from '../words.js';
import { CopyButton } from './copy-button.js';

export interface SetupResult {
  restartRequired: boolean;
  message: string;
}

/**
 * First run, bring your own app: open the provider's developer dashboard, register the exact
 * redirect URI (copy button), paste the client ID. The client ID is checked here with the host's
 * own rules, so a wrong paste is caught before it is sent; the host checks again.
 */
export function ProviderSetupPanel(props: {
  setup: ProviderSetupView;
  onSaved(result: SetupResult): void;
  /** Opened by the person (the button that opened it is gone): take focus to the client ID. */
  focusOnOpen?: boolean;
}) {
  const { setup } = props;
  const { provider } = setup;
  const name = PROVIDER_NAMES[provider];
  const { client, refresh } = useHost();
  const ids = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [clientId, setClientId] = useState(setup.appClientId ?? '');
  const [port, setPort] = useState(String(setup.redirectPort ?? DEFAULT_TIDAL_REDIRECT_PORT));
  const [error, setError] = useState<string>();
  const [saving, setSaving] = useState(false);
  const focusOnOpen = props.focusOnOpen ?? false;
  useEffect(() => {
    if (focusOnOpen) inputRef.current?.focus();
  }, [focusOnOpen]);
  const tidal = provider === 'tidal';
  const portNumber = Number(port);
  const portError = tidal ? redirectPortProblem(portNumber) : undefined;
  const redirectUri = tidal
    ? setupRedirectUri(provider, portError ? setup.redirectPort : portNumber)
    : setup.redirectUri;

  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    const problem = clientIdProblem(provider, clientId) ?? portError;
    if (problem) {
      setError(problem);
      inputRef.current?.focus();
      return;
    }
    setSaving(true);
    setError(undefined);
    try {
      const saved = await send(client, {
        op: 'provider.configure',
        provider,
        appClientId: clientId.trim(),
        redirectPort: tidal ? portNumber : undefined,
      });
      props.onSaved(saved);
      await refresh();
    } catch (failure) {
      setError(
        failure instanceof HostCallError || failure instanceof Error
          ? failure.message
          : `TuneBridge could not save the ${name} client ID.`,
      );
    } finally {
      setSaving(false);
    }
  };

  const headingId = `${ids}-heading`;
  const errorId = `${ids}-error`;
  return (
    <section className="provider-setup" aria-labelledby={headingId} data-setup={provider}>
      <h3 id={headingId}>Use your own {name} app</h3>
      <p className="meta">
        TuneBridge signs in to {name} through an app you register in {name}’s developer dashboard
        (free, a couple of minutes). You only need its client ID: there is no secret to paste.
      </p>
      <ol className="setup-steps">
        <li>
          <p>
            Open the {name} developer dashboard and create an app:{' '}
            <a href={setup.dashboardUrl} target="_blank" rel="noopener noreferrer">
              {setup.dashboardUrl}
            </a>
          </p>
        </li>
        <li>
          <p>Add this redirect URI to the app’s settings, exactly as shown:</p>
          <div className="copy-row">
            <code className="entry redirect-uri" aria-label={`${name} redirect URI`}>
              {redirectUri}
            </code>
            <CopyButton text={redirectUri} label="Copy redirect URI" />
          </div>
          <p className="hint">{setup.note}</p>
          {tidal ? (
            <div className="port-row">
              <label htmlFor={`${ids}-port`}>Redirect port</label>
              <input
                id={`${ids}-port`}
                type="number"
                inputMode="numeric"
                min={1024}
                max={65535}
                value={port}
                aria-describedby={`${ids}-port-hint`}
                aria-invalid={portError ? true : undefined}
                onChange={(event) => setPort(event.target.value)}
              />
              <span id={`${ids}-port-hint`} className={portError ? 'field-error' : 'hint'}>
                {portError ??
                  `Change it only if something else on this computer uses ${DEFAULT_TIDAL_REDIRECT_PORT}.`}
              </span>
            </div>
          ) : null}
        </li>
        <li>
          <form onSubmit={(event) => void save(event)} noValidate>
            <label htmlFor={`${ids}-client-id`}>{name} client ID</label>
            <div className="inline">
              <input
                id={`${ids}-client-id`}
                ref={inputRef}
                value={clientId}
                autoComplete="off"
                spellCheck={false}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? errorId : undefined}
                onChange={(event) => {
                  setClientId(event.target.value);
                  setError(undefined);
                }}
              />
              <button type="submit" className="button primary" disabled={saving}>
                {saving ? 'Saving…' : 'Save'}
              </button>
            </div>
            <p id={errorId} className="field-error" role="alert">
              {error ?? ''}
            </p>
          </form>
        </li>
      </ol>
    </section>
  );
}

/**
 * After a save: "Ready" (the card's Connect button does the rest), or "Saved — restart" while
 * the sandbox stand-ins run.
 */
export function SetupOutcome(props: {
  provider: ProviderSetupView['provider'];
  result: SetupResult;
  onChange?(): void;
}) {
  const name = PROVIDER_NAMES[props.provider];
  const { result } = props;
  return (
    <div className={`setup-outcome ${result.restartRequired ? 'restart' : 'ready'}`} role="status">
      <p className="setup-outcome-title">
        {result.restartRequired
          ? 'Saved — restart TuneBridge to leave sandbox mode'
          : `Ready — Connect ${name}`}
      </p>
      <p>{withCode(result.message)}</p>
      <div className="actions">
        {props.onChange ? (
          <button type="button" className="link" onClick={props.onChange}>
            Change client ID
          </button>
        ) : null}
      </div>
    </div>
  );
}

/**
 * Bring your own app, under a provider's card: the guided panel while the provider isn't set up
 * (and, in sandbox mode, behind "Use your own app"), then what the save means.
 */
export function SetupSection(props: {
  setup: ProviderSetupView;
  sandbox: boolean;
  /** The host has a runtime for this provider (real, or the sandbox stand-in). */
  configuredHere: boolean;
  connected: boolean;
  outcome: SetupResult | undefined;
  open: boolean;
  onOpen(open: boolean): void;
  onSaved(result: SetupResult): void;
  onForget(): void;
}) {
  const { setup, sandbox, outcome } = props;
  const name = PROVIDER_NAMES[setup.provider];
  const panel = (focus: boolean) => (
    <ProviderSetupPanel setup={setup} onSaved={props.onSaved} focusOnOpen={focus} />
  );
  if (props.open) {
    return (
      <div className="setup-section">
        {panel(true)}
        <button type="button" className="link" onClick={() => props.onOpen(false)}>
          Cancel
        </button>
      </div>
    );
  }
  if (!sandbox) {
    if (!props.configuredHere) return <div className="setup-section">{panel(false)}</div>;
    return (
      <div className="setup-section">
        {outcome ? <SetupOutcome provider={setup.provider} result={outcome} /> : null}
        {setup.appClientId && setup.fromEnvironment ? (
          <p className="meta">
            Your {name} app: client ID <code>{setup.appClientId}</code>, set by{' '}
            <code>TUNEBRIDGE_{setup.provider.toUpperCase()}_CLIENT_ID</code>
          </p>
        ) : setup.appClientId && !props.connected ? (
          <p className="meta">
            Your {name} app: client ID <code>{setup.appClientId}</code>{' '}
            <button type="button" className="link" onClick={() => props.onOpen(true)}>
              Change
            </button>{' '}
            ·{' '}
            <button type="button" className="link" onClick={props.onForget}>
              Forget it
            </button>
          </p>
        ) : null}
      </div>
    );
  }
  // Sandbox mode: the stand-ins are connected; a saved client ID waits for a restart.
  if (setup.configured) {
    return (
      <div className="setup-section">
        <SetupOutcome
          provider={setup.provider}
          result={
            outcome ?? {
              restartRequired: true,
              message: `Your ${name} client ID (${setup.appClientId ?? ''}) is saved. Restart TuneBridge (quit it, then run \`npm start\`) to leave sandbox mode and connect your own ${name} account.`,
            }
          }
          onChange={() => props.onOpen(true)}
        />
      </div>
    );
  }
  return (
    <div className="setup-section">
      <button type="button" className="link" onClick={() => props.onOpen(true)}>
        Use your own {name} app
      </button>
    </div>
  );
}

/** The host writes commands in backticks (`npm start`); show them as code. */
function withCode(text: string): React.ReactNode[] {
  return text
    .split('`')
    .map((part, index) => (index % 2 === 1 ? <code key={index}>{part}</code> : part));
}
