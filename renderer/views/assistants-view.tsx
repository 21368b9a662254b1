import { useState } from 'react';
import { UNNAMED_ASSISTANT } from '../../protocol/assistant-name.js';
import type { AssistantSummary } from '../../protocol/broker.js';
import type { HostApiResponse } from '../../protocol/operations.js';
import type { AssistantPolicy, PermissionGroup } from '../../protocol/policy.js';
import type { ProviderId } from '../../protocol/providers.js';
import { ConfirmDialog } from '../components/confirm-dialog.js';
import { CopyButton } from '../components/copy-button.js';
import { Switch } from '../components/switch.js';
import { dateAndTime, fromNow } from '../format.js';
import { send } from '../host-client.js';
import { useHost } from '../host-context.js';
import { ConnectClients } from './connect-clients.js';
import {
  PERMISSION_GROUP_HINTS,
  PERMISSION_GROUP_LABELS,
  PERMISSION_GROUPS,
  PROVIDER_NAMES,
  PROVIDERS,
} from '../words.js';

type Issued = Extract<HostApiResponse, { op: 'assistant.issue' }>;

/** Who may use TuneBridge, and what each of them may do. */
export function AssistantsView() {
  const { status, client, attempt } = useHost();
  const [issued, setIssued] = useState<Issued>();
  const [revoking, setRevoking] = useState<AssistantSummary>();
  const assistants = status?.assistants.filter((a) => !a.revoked) ?? [];

  const revoke = async (target: AssistantSummary) => {
    setRevoking(undefined);
    await attempt(() => client.call({ op: 'assistant.revoke', assistantId: target.assistantId }));
  };

  return (
    <section aria-labelledby="assistants-heading">
      <h1 id="assistants-heading">Assistants</h1>
      <p className="lead">
        Each assistant has its own key. A new one may only read until you switch more on; pausing or
        revoking takes effect on its next call.
      </p>
      <ConnectClients />
      <h2 className="section-title">Any other MCP client</h2>
      <ConnectAssistant onIssued={setIssued} />
      {issued ? <IssuedEntry issued={issued} onDone={() => setIssued(undefined)} /> : null}
      <h2 className="section-title">Connected assistants</h2>
      {status && assistants.length === 0 ? (
        <p className="empty">No assistant is connected yet.</p>
      ) : null}
      <div className="cards">
        {assistants.map((summary) => (
          <AssistantCard
            key={summary.assistantId}
            summary={summary}
            onRevoke={() => setRevoking(summary)}
          />
        ))}
      </div>
      <ConfirmDialog
        open={revoking !== undefined}
        title={`Revoke ${revoking?.name ?? ''}?`}
        body="Its key stops working at once and its open connections are closed. To use it again you would connect it anew."
        confirmLabel="Revoke"
        onCancel={() => setRevoking(undefined)}
        onConfirm={() => revoking && void revoke(revoking)}
      />
    </section>
  );
}

function ConnectAssistant(props: { onIssued(issued: Issued): void }) {
  const { client, attempt } = useHost();
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="card connect-form"
      onSubmit={(event) => {
        event.preventDefault();
        setBusy(true);
        void attempt(
          // Left empty, the assistant takes the name its MCP client gives when it first connects.
          async () =>
            await send(client, { op: 'assistant.issue', name: name.trim() || UNNAMED_ASSISTANT }),
        ).then((issued) => {
          setBusy(false);
          if (issued) props.onIssued(issued);
        });
      }}
    >
      <label htmlFor="assistant-name">Assistant name</label>
      <div className="inline">
        <input
          id="assistant-name"
          value={name}
          maxLength={80}
          placeholder="Optional: taken from the client"
          aria-describedby="assistant-name-hint"
          onChange={(event) => setName(event.target.value)}
        />
        <button type="submit" className="button primary" disabled={busy}>
          Connect an assistant
        </button>
      </div>
      <p id="assistant-name-hint" className="hint">
        Leave it empty and the assistant is named after its MCP client when it first connects. Names
        are unique: a second one gets “(2)”.
      </p>
    </form>
  );
}

function IssuedEntry(props: { issued: Issued; onDone(): void }) {
  const { issued } = props;
  const config = JSON.stringify({ mcpServers: { tunebridge: issued.entry } }, null, 2);
  return (
    <section className="card issued" aria-labelledby="issued-heading">
      <h2 id="issued-heading">Add {issued.assistant.name} to its MCP settings</h2>
      <p>
        Paste this into the assistant’s MCP configuration (for Claude Desktop,{' '}
        <code>claude_desktop_config.json</code>). It holds the assistant’s key, which is shown only
        now: TuneBridge keeps just a fingerprint of it.
      </p>
      <pre className="entry" tabIndex={0} aria-label="MCP configuration entry">
        {config}
      </pre>
      <div className="actions">
        <CopyButton text={config} label="Copy entry" />
        <button type="button" className="button" onClick={props.onDone}>
          Done — hide the key
        </button>
      </div>
    </section>
  );
}

function AssistantCard(props: { summary: AssistantSummary; onRevoke(): void }) {
  const { client, attempt } = useHost();
  const { summary } = props;
  // Shows the change at once; the host's assistants.changed event brings the truth right after.
  const [draft, setDraft] = useState<AssistantPolicy>();
  const policy = draft ?? summary.policy;
  const headingId = `assistant-${summary.assistantId}`;

  const save = async (next: AssistantPolicy) => {
    setDraft(next);
    await attempt(() =>
      client.call({ op: 'assistant.policy', assistantId: summary.assistantId, policy: next }),
    );
    setDraft(undefined);
  };
  const toggleGroup = (group: PermissionGroup, on: boolean) =>
    void save({
      ...policy,
      groups: on
        ? PERMISSION_GROUPS.filter((g) => g === group || policy.groups.includes(g))
        : policy.groups.filter((g) => g !== group),
    });
  const toggleProvider = (provider: ProviderId, on: boolean) =>
    void save({
      ...policy,
      providers: on
        ? PROVIDERS.filter((p) => p === provider || policy.providers.includes(p))
        : policy.providers.filter((p) => p !== provider),
    });

  return (
    <article className="card" aria-labelledby={headingId} data-assistant={summary.assistantId}>
      <header className="card-header">
        <h3 id={headingId}>{summary.name}</h3>
        <span className={`badge ${policy.paused ? 'paused' : 'connected'}`}>
          {policy.paused ? 'Paused' : 'Active'}
        </span>
      </header>
      <p className="meta">
        Last activity:{' '}
        <span title={dateAndTime(summary.lastSeenAt)}>{fromNow(summary.lastSeenAt)}</span> ·
        connected {dateAndTime(summary.createdAt)}
      </p>
      <fieldset className="switches">
        <legend>What {summary.name} may do</legend>
        {PERMISSION_GROUPS.map((group) => (
          <Switch
            key={group}
            label={PERMISSION_GROUP_LABELS[group]}
            hint={PERMISSION_GROUP_HINTS[group]}
            checked={policy.groups.includes(group)}
            onChange={(on) => toggleGroup(group, on)}
          />
        ))}
      </fieldset>
      <fieldset className="switches">
        <legend>Services {summary.name} may use</legend>
        {PROVIDERS.map((provider) => (
          <Switch
            key={provider}
            label={PROVIDER_NAMES[provider]}
            checked={policy.providers.includes(provider)}
            onChange={(on) => toggleProvider(provider, on)}
          />
        ))}
      </fieldset>
      <fieldset className="switches">
        <legend>Before {summary.name} changes anything</legend>
        <Switch
          label="Ask before changes"
          hint="Playback, library and playlist changes wait for your OK in TuneBridge; no answer within a minute refuses them."
          checked={policy.askBeforeChanges ?? false}
          onChange={(on) => void save({ ...policy, askBeforeChanges: on })}
        />
      </fieldset>
      <div className="actions">
        <button
          type="button"
          className="button"
          onClick={() => void save({ ...policy, paused: !policy.paused })}
        >
          {policy.paused ? `Resume ${summary.name}` : `Pause ${summary.name}`}
        </button>
        <button type="button" className="button danger" onClick={props.onRevoke}>
          Revoke {summary.name}
        </button>
      </div>
    </article>
  );
}
