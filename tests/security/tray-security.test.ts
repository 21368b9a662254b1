import { describe, expect, it } from 'vitest';
import { buildTrayMenu } from '../../electron/shell/tray-model.js';
import { securitySummaryLine } from '../../electron/host/security/summary-line.js';
import type { SecurityFigures } from '../../protocol/security.js';

const day: SecurityFigures = {
  range: '24h',
  from: '2026-11-29T16:00:00.000Z',
  to: '2026-11-30T15:20:00.000Z',
  toolCallsByAssistant: [
    { assistantId: 'a', name: 'Claude Desktop', calls: 40 },
    { assistantId: 'b', name: 'Cursor', calls: 2 },
  ],
  refusalsByReason: { policy: 2, paused: 1, scope: 0, approval: 1, other: 0 },
  failedAuth: 6,
  rateLimited: 3,
  coolDowns: 3,
  refreshes: 5,
  refreshFailures: 1,
  pinMismatches: 0,
  buckets: [],
};

describe('the tray’s security line', () => {
  it('sums the last 24 hours in one line', () => {
    expect(securitySummaryLine(day, 2)).toBe(
      'Last 24 h: 42 tool calls, 4 refusals, 6 failed sign-ins — 2 things to check',
    );
    expect(securitySummaryLine({ ...day, toolCallsByAssistant: [], failedAuth: 1 }, 0)).toMatch(
      /0 tool calls, 4 refusals, 1 failed sign-in — nothing unusual$/,
    );
  });

  it('shows the line and Lock down in the menu when the shell passes them', () => {
    const status = { sandbox: false, providers: [], assistants: [] };
    const now = new Date('2026-11-30T15:20:00Z');
    const without = buildTrayMenu({ status, unseenAlert: false, now });
    expect(without.some((item) => item.kind === 'item' && item.action === 'lockdown')).toBe(false);
    const summary = securitySummaryLine(day, 2);
    const items = buildTrayMenu({
      status,
      unseenAlert: false,
      now,
      security: { summary, lockdown: true },
    });
    const labels = items.map((item) => (item.kind === 'separator' ? '—' : item.label));
    expect(labels.slice(1, 3)).toEqual([summary, 'Lock down…']);
    expect(items[2]).toMatchObject({ kind: 'item', action: 'lockdown' });
  });
});
