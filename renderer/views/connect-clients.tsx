import { useCallback, useEffect, useState } from 'react';
import type { McpClientId } from '../../protocol/broker.js';
import type { AssistantConnected, DetectedAssistant } from '../../protocol/host-api.js';
import { CopyButton } from '../components/copy-button.js';
import { send, HostCallError } from '../host-client.js';
import { useHost, useHostEvents } from '../host-context.js';
import { HEALTH_WORDS } from '../words.js';

interface ConfigProblem {
  mcpClient: McpClientId;
  /** The host's message: what is wrong (path, line and column), then the entry to paste. */
  message: string;
}

/**
 * One-click connect: the MCP clients found on this computer, each with Connect and
 * Disconnect. TuneBridge writes (or removes) its one entry in the client's config; the key stays
 * in that file and never reaches this window. A config TuneBridge may not change safely comes
 * back with the path, the line and column, and the entry to paste by hand.
 */
export function ConnectClients() {
  const { client, notify } = useHost();
  const [detected, setDetected] = useState<DetectedAssistant[]>();
  const [busy, setBusy] = useState<McpClientId>();
  const [connected, setConnected] = useState<AssistantConnected>();
  const [problem, setProblem] = useState<ConfigProblem>();

  const load = useCallback(async () => {
    try {
      const answer = await send(client, { op: 'assistants.detected' });
      setDetected(answer.assistants);
    } catch {
      // The list is a convenience; the manual entry below still works.
    }
  }, [client]);
  useEffect(() => void load(), [load]);
  useHostEvents((event) => {
    if (event.event === 'assistant.health') {
      setDetected((current) =>
        current?.map((item) =>
          item.mcpClient === event.mcpClient
            ? {
                ...item,
                health: event.health,
                detail: event.detail,
                needsRepair: event.needsRepair,
              }
            : item,
        ),
      );
    }
    if (event.event === 'assistants.changed' || event.event === 'assistant.health') void load();
  });

  const run = async (mcpClient: McpClientId, work: () => Promise<void>) => {
    setBusy(mcpClient);
    setProblem(undefined);
    try {
      await work();
    } catch (error) {
      if (error instanceof HostCallError && error.code === 'client_config') {
        setProblem({ mcpClient, message: error.message });
      } else {
        notify('error', error instanceof Error ? error.message : 'Something went wrong.');
      }
    } finally {
      setBusy(undefined);
      void load();
    }
  };
  const connect = (target: DetectedAssistant, via: 'config' | 'bundle' = 'config') =>
    run(target.mcpClient, async () => {
      const answer = await send(client, {
        op: 'assistant.connect',
        mcpClient: target.mcpClient,
        via,
      });
      setConnected(answer.connected);
      if (answer.connected.via === 'config') {
        notify('success', `${target.displayName} is connected.`);
      }
    });
  const disconnect = (target: DetectedAssistant) =>
    run(target.mcpClient, async () => {
      const answer = await send(client, {
        op: 'assistant.disconnect',
        mcpClient: target.mcpClient,
      });
      setConnected(undefined);
      notify(
        'success',
        answer.removed
          ? `TuneBridge removed its entry from ${target.displayName}’s config${answer.revoked ? ' and revoked its key' : ''}.`
          : `${target.displayName}’s config had no TuneBridge entry.`,
      );
    });

  const installed = detected?.filter((item) => item.installed) ?? [];
  const others = detected?.filter((item) => !item.installed) ?? [];
  const broken = detected?.filter((item) => item.needsRepair) ?? [];

  return (
    <section className="card connect-clients" aria-labelledby="connect-clients-heading">
      <h2 id="connect-clients-heading">Connect an assistant</h2>
      {broken.map((item) => (
        <div key={item.mcpClient} role="alert" className="repair-banner">
          <p>
            <strong>
              {item.health === 'broken'
                ? `TuneBridge can’t read ${item.displayName}’s config`
                : item.health === 'missing'
                  ? `${item.displayName} dropped TuneBridge from its config`
                  : `${item.displayName}’s TuneBridge entry no longer works`}
            </strong>
            {item.detail ? ` — ${item.detail}` : ''}
          </p>
          <button
            type="button"
            className="button primary"
            disabled={busy !== undefined}
            onClick={() => void connect(item)}
          >
            Repair {item.displayName}
          </button>
        </div>
      ))}
      <p className="lead">
        TuneBridge adds itself to the assistant’s settings with a key of its own. Each new assistant
        may only read until you allow more below.
      </p>
      {detected && installed.length === 0 ? (
        <p className="empty">No MCP client was found on this computer; add one by hand below.</p>
      ) : null}
      <ul className="detected">
        {installed.map((item) => (
          <DetectedRow
            key={item.mcpClient}
            item={item}
            busy={busy === item.mcpClient}
            disabled={busy !== undefined}
            onConnect={(via) => void connect(item, via)}
            onDisconnect={() => void disconnect(item)}
          />
        ))}
      </ul>
      {others.length > 0 ? (
        <details className="more-clients">
          <summary>Not found on this computer ({others.length})</summary>
          <ul className="detected">
            {others.map((item) => (
              <DetectedRow
                key={item.mcpClient}
                item={item}
                busy={busy === item.mcpClient}
                disabled={busy !== undefined}
                onConnect={(via) => void connect(item, via)}
                onDisconnect={() => void disconnect(item)}
              />
            ))}
          </ul>
        </details>
      ) : null}
      {problem ? (
        <ConfigProblemCard
          problem={problem}
          name={detected?.find((item) => item.mcpClient === problem.mcpClient)?.displayName}
          onDone={() => setProblem(undefined)}
        />
      ) : null}
      {connected ? (
        <ConnectedCard connected={connected} onDone={() => setConnected(undefined)} />
      ) : null}
    </section>
  );
}

function DetectedRow(props: {
  item: DetectedAssistant;
  busy: boolean;
  disabled: boolean;
  onConnect(via?: 'config' | 'bundle'): void;
  onDisconnect(): void;
}) {
  const { item } = props;
  const hasEntry = item.health !== 'missing' && item.health !== 'broken';
  return (
    <li className="detected-row" data-mcp-client={item.mcpClient} aria-busy={props.busy}>
      <div className="detected-name">
        <strong>{item.displayName}</strong>
        <span
          className={`badge ${item.health === 'ok' ? 'connected' : item.needsRepair ? 'paused' : ''}`}
        >
          {item.needsRepair ? 'Needs repair' : HEALTH_WORDS[item.health]}
        </span>
      </div>
      <p className="meta">
        <code>{item.configPath}</code>
      </p>
      <div className="actions">
        <button
          type="button"
          className={`button ${item.health === 'ok' ? '' : 'primary'}`}
          disabled={props.disabled}
          onClick={() => props.onConnect()}
        >
          {item.needsRepair ? 'Repair' : item.health === 'ok' ? 'Connect again' : 'Connect'}{' '}
          <span className="visually-hidden">{item.displayName}</span>
        </button>
        {hasEntry ? (
          <button
            type="button"
            className="button"
            disabled={props.disabled}
            onClick={props.onDisconnect}
          >
            Disconnect <span className="visually-hidden">{item.displayName}</span>
          </button>
        ) : null}
        {item.bundle ? (
          <button
            type="button"
            className="button ghost"
            disabled={props.disabled}
            onClick={() => props.onConnect('bundle')}
          >
            Make an extension (.mcpb) instead
          </button>
        ) : null}
      </div>
    </li>
  );
}

function ConnectedCard(props: { connected: AssistantConnected; onDone(): void }) {
  const { connected } = props;
  if (connected.via === 'bundle') {
    return (
      <section className="issued" aria-labelledby="bundle-heading">
        <h3 id="bundle-heading">Install TuneBridge in Claude Desktop</h3>
        <p>
          TuneBridge wrote <code>{connected.bundlePath}</code>. {connected.restartHint} This key is
          shown only now:
        </p>
        <pre className="entry" tabIndex={0} aria-label="Key for Claude Desktop">
          {connected.assistantKey}
        </pre>
        <div className="actions">
          <CopyButton text={connected.assistantKey} label="Copy key" />
          <button type="button" className="button" onClick={props.onDone}>
            Done — hide the key
          </button>
        </div>
      </section>
    );
  }
  return (
    <section className="connected-result" role="status" aria-labelledby="connected-heading">
      <h3 id="connected-heading">{connected.assistant.name} is connected</h3>
      <p>
        TuneBridge wrote its entry into <code>{connected.configPath}</code>
        {connected.backupPath ? (
          <>
            {' '}
            and kept the previous file as <code>{connected.backupPath}</code>
          </>
        ) : null}
        .{connected.replacedOldKey ? ' The key it held before no longer works.' : ''}
      </p>
      {connected.keptPermissions ? (
        <p className="kept-permissions">
          {connected.assistant.name} keeps its permissions: it has a new key, and is the same
          assistant as before.
        </p>
      ) : null}
      <p className={connected.restartNeeded ? 'restart-hint' : undefined}>
        {connected.restartNeeded ? <strong>Restart needed: </strong> : null}
        {connected.restartHint}
      </p>
      <button type="button" className="link" onClick={props.onDone}>
        Hide
      </button>
    </section>
  );
}

function ConfigProblemCard(props: { problem: ConfigProblem; name?: string; onDone(): void }) {
  const [summary, ...rest] = props.problem.message.split('\n\n');
  const snippet = rest.at(-1)?.trim();
  const between = rest.slice(0, -1).join(' ');
  return (
    <section className="config-problem" role="alert" aria-labelledby="config-problem-heading">
      <h3 id="config-problem-heading">
        TuneBridge did not change {props.name ? `${props.name}’s` : 'the'} config
      </h3>
      <p>{summary}</p>
      {between ? <p>{between}</p> : null}
      {snippet ? (
        <>
          <pre className="entry" tabIndex={0} aria-label="Entry to paste by hand">
            {snippet}
          </pre>
          <div className="actions">
            <CopyButton text={snippet} label="Copy entry" />
            <button type="button" className="button" onClick={props.onDone}>
              Hide
            </button>
          </div>
        </>
      ) : null}
    </section>
  );
}
