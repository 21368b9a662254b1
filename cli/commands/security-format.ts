import type {
  IncidentReportResult,
  LockdownReport,
  RefusalReason,
  SecurityFigures,
  SecurityOverview,
} from '../../protocol/security.js';

const REFUSALS: Record<RefusalReason, string> = {
  policy: 'policy',
  paused: 'paused',
  scope: 'scope',
  approval: 'approval denied',
  other: 'other',
};

const PERIODS = { '24h': 'Last 24 hours', '7d': 'Last 7 days', '30d': 'Last 30 days' } as const;

function figureLines(figures: SecurityFigures): string[] {
  const calls = figures.toolCallsByAssistant;
  const refusals = Object.entries(figures.refusalsByReason) as Array<[RefusalReason, number]>;
  return [
    `${PERIODS[figures.range]} (from ${figures.from}):`,
    `  Tool calls: ${calls.length === 0 ? 'none' : calls.map((a) => `${a.name} ${a.calls}`).join(', ')}`,
    `  Refusals: ${refusals.map(([reason, n]) => `${REFUSALS[reason]} ${n}`).join(', ')}`,
    `  Failed sign-ins: ${figures.failedAuth}`,
    `  Rate limited: ${figures.rateLimited} answered 429, ${figures.coolDowns} cool-downs`,
    `  Token refreshes: ${figures.refreshes}, failed ${figures.refreshFailures}`,
    `  Certificate-pin mismatches: ${figures.pinMismatches}`,
  ];
}

/** `tunebridge security`: the Security view's figures, anomalies and dates as text. */
export function formatOverview(overview: SecurityOverview): string {
  const lines = [overview.summary, ''];
  for (const range of ['24h', '7d', '30d'] as const) {
    lines.push(...figureLines(overview.figures[range]), '');
  }
  lines.push('Unusual activity:');
  if (overview.anomalies.length === 0) lines.push('  nothing unusual in the last 30 days');
  for (const anomaly of overview.anomalies) lines.push(`  - ${anomaly.message}`);
  lines.push('', 'Dates to watch:');
  for (const date of overview.dates) {
    const revoke = date.revokeAssistantId
      ? ` (revoke: tunebridge revoke ${date.revokeAssistantId})`
      : '';
    lines.push(`  ${date.label}: ${date.date?.slice(0, 10) ?? 'never'} — ${date.note}${revoke}`);
  }
  return `${lines.join('\n')}\n`;
}

export function formatLockdown(report: LockdownReport): string {
  const lines = [
    report.ok ? 'Lockdown complete.' : 'Lockdown finished, but some steps failed:',
    ...report.steps.map((step) => `  ${step.ok ? '✓' : '✗'} ${step.step}: ${step.message}`),
  ];
  return `${lines.join('\n')}\n`;
}

export function formatIncident(result: IncidentReportResult): string {
  return [
    `Incident report written to ${result.folder}`,
    `  ${result.records} audit records exported; audit log ${result.verified ? 'verified' : 'NOT verified — see audit-verify.json'}`,
    `  files: ${result.files.join(', ')}`,
    '',
  ].join('\n');
}
