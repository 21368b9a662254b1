import type { AuditRecord } from '../../../protocol/audit.js';
import { PROVIDER_NAMES, type ProviderId } from '../../../protocol/providers.js';

/** Where a person removes TuneBridge's access at each provider. */
const ACCOUNT_PAGES: Record<ProviderId, string> = {
  spotify: 'https://www.spotify.com/account/apps/',
  tidal: 'https://account.tidal.com/',
};

export interface IncidentSummary {
  incident: {
    discoveredAt: string;
    reportedAt: string;
    period: { since: string; until: string };
    impact: string;
    status: 'contained' | 'open';
  };
  affected: {
    assistants: Array<{ assistantId: string; name: string; toolCalls: number; changes: number }>;
    providers: Array<{ provider: ProviderId; name: string; calls: number }>;
  };
  actionsTaken: Array<{ time: string; action: string }>;
  nextSteps: string[];
}

const CHANGE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * The summary the security policies ask for after an incident — what was found when, what it
 * touched, what was done, what the person should do now — from the period's audit records.
 */
export function summarizeIncident(
  records: AuditRecord[],
  period: { since: string; until: string },
): IncidentSummary {
  const assistants = new Map<string, IncidentSummary['affected']['assistants'][number]>();
  const providers = new Map<ProviderId, number>();
  const actions: IncidentSummary['actionsTaken'] = [];
  let firstAlert: string | undefined;
  let lockdown: AuditRecord | undefined;
  let refused = 0;
  let failedAuth = 0;
  for (const record of records) {
    if (record.assistantId && (record.kind === 'tool.call' || record.kind === 'api.call')) {
      const entry = assistants.get(record.assistantId) ?? {
        assistantId: record.assistantId,
        name: record.assistantName ?? record.assistantId,
        toolCalls: 0,
        changes: 0,
      };
      if (record.kind === 'tool.call') entry.toolCalls += 1;
      if (
        record.kind === 'api.call' &&
        record.outcome === 'ok' &&
        CHANGE_METHODS.has(record.method ?? '')
      ) {
        entry.changes += 1;
      }
      assistants.set(record.assistantId, entry);
    }
    if (record.provider && record.kind === 'api.call') {
      providers.set(record.provider, (providers.get(record.provider) ?? 0) + 1);
    }
    if (record.outcome === 'refused') refused += 1;
    if (record.kind === 'broker.auth' && record.outcome !== 'ok') failedAuth += 1;
    if (record.kind === 'alert') firstAlert ??= record.time;
    if (record.kind === 'lockdown') lockdown = record;
    const action = actionOf(record);
    if (action) actions.push({ time: record.time, action });
  }
  const changes = [...assistants.values()].reduce((total, a) => total + a.changes, 0);
  const calls = [...assistants.values()].reduce((total, a) => total + a.toolCalls, 0);
  const touched = [...providers.keys()];
  return {
    incident: {
      discoveredAt: firstAlert ?? lockdown?.time ?? period.until,
      reportedAt: period.until,
      period,
      impact: `${calls} tool call${calls === 1 ? '' : 's'} by ${assistants.size} assistant${assistants.size === 1 ? '' : 's'}, ${changes} change${changes === 1 ? '' : 's'} made at ${touched.length > 0 ? touched.map((p) => PROVIDER_NAMES[p]).join(' and ') : 'no provider'}, ${refused} refused request${refused === 1 ? '' : 's'}, ${failedAuth} failed sign-in${failedAuth === 1 ? '' : 's'}.`,
      status: lockdown ? 'contained' : 'open',
    },
    affected: {
      assistants: [...assistants.values()],
      providers: touched.map((provider) => ({
        provider,
        name: PROVIDER_NAMES[provider],
        calls: providers.get(provider) ?? 0,
      })),
    },
    actionsTaken: actions,
    nextSteps: nextSteps(touched, lockdown !== undefined, changes),
  };
}

function actionOf(record: AuditRecord): string | undefined {
  switch (record.kind) {
    case 'lockdown':
      return `Lockdown (${record.outcome === 'ok' ? 'every step done' : 'some steps failed'}): ${record.message ?? ''}`;
    case 'assistant.revoked':
      return `Revoked ${record.assistantName ?? 'an assistant'}’s key.`;
    case 'logout':
      return record.message ?? `Logged out of ${record.provider ?? 'a provider'}.`;
    case 'assistant.policy':
      return `${record.assistantName ?? 'An assistant'}: ${record.message ?? 'permissions changed'}`;
    default:
      return undefined;
  }
}

function nextSteps(providers: ProviderId[], lockedDown: boolean, changes: number): string[] {
  const steps: string[] = [];
  if (!lockedDown) {
    steps.push(
      'Run a lockdown (Security view, the tray, or `tunebridge lockdown`) to cut every assistant off.',
    );
  }
  const all = new Set<ProviderId>([...providers, 'spotify', 'tidal']);
  for (const provider of all) {
    steps.push(
      `Remove TuneBridge’s access in your ${PROVIDER_NAMES[provider]} account page (${ACCOUNT_PAGES[provider]}) and change your ${PROVIDER_NAMES[provider]} password if you think it leaked.`,
    );
  }
  if (changes > 0) {
    steps.push(
      'Check the changes listed in audit-export.jsonl (the Activity view offers Undo on each receipt) and reverse any you did not ask for.',
    );
  }
  steps.push(
    'Reconnect only the assistants you trust, one at a time, and keep “Ask before changes” on for a while.',
  );
  return steps;
}

export function summaryMarkdown(summary: IncidentSummary, verify: string): string {
  const { incident, affected } = summary;
  const lines = [
    '# TuneBridge incident report',
    '',
    '## Incident summary',
    '',
    `- Discovered: ${incident.discoveredAt}`,
    `- Reported: ${incident.reportedAt}`,
    `- Period: ${incident.period.since} to ${incident.period.until}`,
    `- Impact: ${incident.impact}`,
    `- Status: ${incident.status === 'contained' ? 'contained (a lockdown ran)' : 'open (no lockdown yet)'}`,
    `- Audit log: ${verify}`,
    '',
    '## Affected assistants',
    '',
    ...(affected.assistants.length === 0
      ? ['- None made calls in the period.']
      : affected.assistants.map(
          (a) => `- ${a.name}: ${a.toolCalls} tool calls, ${a.changes} changes`,
        )),
    '',
    '## Affected providers',
    '',
    ...(affected.providers.length === 0
      ? ['- None was called in the period.']
      : affected.providers.map((p) => `- ${p.name}: ${p.calls} calls`)),
    '',
    '## Actions taken',
    '',
    ...(summary.actionsTaken.length === 0
      ? ['- None yet.']
      : summary.actionsTaken.map((a) => `- ${a.time}: ${a.action}`)),
    '',
    '## What to do next',
    '',
    ...summary.nextSteps.map((s, i) => `${i + 1}. ${s}`),
    '',
  ];
  return lines.join('\n');
}
