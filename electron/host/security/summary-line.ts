import type { SecurityFigures } from '../../../protocol/security.js';

/** The tray's one line: the last 24 hours in a glance, and whether anything looks unusual. */
export function securitySummaryLine(day: SecurityFigures, anomalies: number): string {
  const calls = day.toolCallsByAssistant.reduce((total, a) => total + a.calls, 0);
  const refusals = Object.values(day.refusalsByReason).reduce((a, b) => a + b, 0);
  const parts = [
    `${calls} tool call${calls === 1 ? '' : 's'}`,
    `${refusals} refusal${refusals === 1 ? '' : 's'}`,
    `${day.failedAuth} failed sign-in${day.failedAuth === 1 ? '' : 's'}`,
  ];
  const unusual =
    anomalies === 0
      ? 'nothing unusual'
      : `${anomalies} thing${anomalies === 1 ? '' : 's'} to check`;
  return `Last 24 h: ${parts.join(', ')} — ${unusual}`;
}
