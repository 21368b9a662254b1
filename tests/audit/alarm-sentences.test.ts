import { describe, expect, it } from 'vitest';
import { SecurityAlarms } from '../../electron/host/audit/security-alarms.js';

describe('alerts added for the broker and the secret store', () => {
  const alarms = new SecurityAlarms();
  const at = Date.parse('2026-11-30T10:00:00Z');

  it('names the secret store a renewed login could not be saved to', () => {
    const outcome = alarms.secretStoreFailed('spotify', 'OS keyring (Secret Service)', at);
    expect(outcome.alert).toMatchObject({ reason: 'secret-store', provider: 'spotify' });
    expect(outcome.alert.message).toContain('OS keyring (Secret Service)');
    expect(outcome.record).toMatchObject({ kind: 'alert', provider: 'spotify' });
  });

  it('reports a flood of connections without a key', () => {
    const outcome = alarms.connectionFlood(40, at);
    expect(outcome.alert.reason).toBe('connection-flood');
    expect(outcome.record.message).toMatch(/40 connections .* without a key/);
  });
});
