import { useState } from 'react';
import type { IncidentReportResult, LockdownReport } from '../../protocol/security.js';
import { ConfirmDialog } from '../components/confirm-dialog.js';
import { send } from '../host-client.js';
import { useHost } from '../host-context.js';

const STEP_WORDS: Record<LockdownReport['steps'][number]['step'], string> = {
  pause: 'Pause every assistant',
  'revoke-keys': 'Revoke every key',
  'client-configs': 'Remove TuneBridge from MCP client configs',
  'provider-logout': 'Log out of every provider',
  'erase-tokens': 'Erase stored tokens',
};

/** Lockdown (confirmed once) and the incident report, with what each did. */
export function SecurityActions(props: { onDone(): void }) {
  const { client, attempt } = useHost();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState<'lockdown' | 'incident'>();
  const [lockdown, setLockdown] = useState<LockdownReport>();
  const [incident, setIncident] = useState<IncidentReportResult>();

  const runLockdown = async () => {
    setConfirming(false);
    setBusy('lockdown');
    const answer = await attempt(
      async () => await send(client, { op: 'security.lockdown', confirm: true }),
    );
    setBusy(undefined);
    if (answer) setLockdown(answer.report);
    props.onDone();
  };
  const writeIncident = async () => {
    setBusy('incident');
    const answer = await attempt(async () => await send(client, { op: 'security.incident' }));
    setBusy(undefined);
    if (answer) setIncident(answer.report);
    props.onDone();
  };

  return (
    <section className="card security-actions" aria-labelledby="security-actions-title">
      <h2 id="security-actions-title">If something is wrong</h2>
      <div className="actions">
        <button
          type="button"
          className="button danger"
          disabled={busy !== undefined}
          onClick={() => setConfirming(true)}
        >
          {busy === 'lockdown' ? 'Locking down…' : 'Lock down…'}
        </button>
        <button
          type="button"
          className="button"
          disabled={busy !== undefined}
          onClick={() => void writeIncident()}
        >
          {busy === 'incident' ? 'Writing…' : 'Write incident report'}
        </button>
      </div>
      {lockdown ? (
        <div role="status" className="lockdown-report">
          <p>
            <strong>
              {lockdown.ok ? 'Lockdown complete.' : 'Lockdown finished, but some steps failed.'}
            </strong>
          </p>
          <ul>
            {lockdown.steps.map((step) => (
              <li key={step.step} data-step={step.step} data-ok={step.ok}>
                {step.ok ? '✓' : '✗'} {STEP_WORDS[step.step]}: {step.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {incident ? (
        <p role="status" className="incident-report">
          Incident report written to <code>{incident.folder}</code> ({incident.records} records;
          audit log {incident.verified ? 'verified' : 'NOT verified — see audit-verify.json'}).
        </p>
      ) : null}
      <ConfirmDialog
        open={confirming}
        title="Lock everything down?"
        body="TuneBridge will pause every assistant, revoke every key, remove itself from every MCP client config (keeping backups), log out of Spotify and TIDAL (revoking at the provider where it can) and erase the stored tokens. You will have to log in and reconnect your assistants afterwards."
        confirmLabel="Lock down"
        onCancel={() => setConfirming(false)}
        onConfirm={() => void runLockdown()}
      />
    </section>
  );
}
