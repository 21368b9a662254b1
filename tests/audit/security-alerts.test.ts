import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BROKER_PROTOCOL_VERSION } from '../../protocol/broker.js';
import type { AuditRecord } from '../../protocol/audit.js';
import { BrokerClient, BrokerClientError } from '../../broker-client/broker-client.js';
import { SecurityAlarms, type HostAlert } from '../../electron/host/audit/security-alarms.js';
import { getThroughBroker, startTestHost, type TestHost } from '../helpers/test-host.js';

const call = (seq: number, assistantId = 'c1'): AuditRecord => ({
  seq,
  time: new Date().toISOString(),
  kind: 'api.call',
  outcome: 'ok',
  assistantId,
  assistantName: `Assistant ${assistantId}`,
});

describe('SecurityAlarms', () => {
  it('raises one burst alert per assistant and minute past the threshold', () => {
    const alarms = new SecurityAlarms({ burstCallsPerMinute: 3 });
    const at = 1_000_000;
    const outcomes = [1, 2, 3, 4, 5, 6].map((n) => alarms.observe(call(n), at + n));
    expect(outcomes.slice(0, 3).every((o) => o === undefined)).toBe(true);
    expect(outcomes[3]?.alert).toMatchObject({ reason: 'call-burst', assistantId: 'c1' });
    expect(outcomes[3]?.record).toMatchObject({ kind: 'alert', assistantId: 'c1' });
    expect(outcomes[3]?.alert.message).toMatch(/4 calls in the last minute .*threshold is 3/);
    expect(outcomes.slice(4).every((o) => o === undefined)).toBe(true);
    // Another assistant has its own count; after the window drains the first may alert again.
    expect(alarms.observe(call(7, 'c2'), at + 7)).toBeUndefined();
    for (let n = 0; n < 4; n += 1) alarms.observe(call(8 + n), at + 61_000 + n);
    expect(alarms.observe(call(20), at + 61_010)).toBeUndefined();
  });

  const refusedHello = (seq: number, at: number): AuditRecord => ({
    seq,
    time: new Date(at).toISOString(),
    kind: 'broker.auth',
    outcome: 'refused',
    message: 'Unknown client key',
  });

  it('raises one alert, with its record, when more than 5 authentications fail within 10 minutes', () => {
    const alarms = new SecurityAlarms();
    const start = Date.parse('2026-11-01T10:00:00Z');
    const outcomes = Array.from({ length: 9 }, (_, i) => {
      const at = start + (i + 1) * 30_000;
      return alarms.observe(refusedHello(i + 1, at), at);
    }).filter((outcome) => outcome !== undefined);
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0]?.alert).toMatchObject({ reason: 'failed-auth' });
    expect(outcomes[0]?.record).toMatchObject({ kind: 'alert' });
    expect(outcomes[0]?.record.message).toMatch(/6 failed authentications in the last 10 minutes/);
  });

  it('does not alert on five failures, or on failures spread over more than 10 minutes', () => {
    const alarms = new SecurityAlarms();
    const start = Date.parse('2026-11-01T10:00:00Z');
    for (let i = 0; i < 12; i += 1) {
      const at = start + (i + 1) * 2.5 * 60_000;
      expect(alarms.observe(refusedHello(i + 1, at), at)).toBeUndefined();
    }
  });

  it('raises a refresh-failure alert once per provider per ten minutes', () => {
    const alarms = new SecurityAlarms();
    const failure: AuditRecord = {
      seq: 1,
      time: '',
      kind: 'token.refresh',
      outcome: 'error',
      provider: 'tidal',
    };
    expect(alarms.observe(failure, 0)?.alert).toMatchObject({
      reason: 'refresh-failure',
      provider: 'tidal',
    });
    expect(alarms.observe(failure, 60_000)).toBeUndefined();
    expect(alarms.observe({ ...failure, outcome: 'ok' }, 11 * 60_000)).toBeUndefined();
    expect(alarms.observe(failure, 11 * 60_000)?.alert.message).toMatch(/Log in to TIDAL again/);
  });
});

/** Alerts and security events as the running host raises them. */
describe('host alerts and security events', () => {
  let env: TestHost;
  let alerts: HostAlert[];

  beforeEach(async () => {
    env = await startTestHost();
    alerts = [];
    env.host.events.on('alert', (alert) => alerts.push(alert));
    await env.login('spotify');
  });
  afterEach(() => env?.stop());

  it('a refresh failure raises an alert and an alert record', async () => {
    const { assistantKey } = await env.issueAssistant();
    const bridge = await env.bridge(assistantKey);
    env.sandbox.spotify.revokeAll();
    await getThroughBroker(bridge, '/v1/search', { q: 'a', type: 'track' }).catch(
      (error: unknown) => {
        if (!(error instanceof BrokerClientError)) throw error;
      },
    );
    await expect.poll(() => alerts.map((a) => a.reason)).toContain('refresh-failure');
    const [record] = await env.host.audit.query({ kind: 'alert' });
    expect(record).toMatchObject({ provider: 'spotify', outcome: 'error' });
    expect(record?.message).toMatch(/Log in to Spotify again/);
  });

  it('records a 429 answered to an assistant as a rate-limit event', async () => {
    const { assistantKey } = await env.issueAssistant();
    const bridge = await env.bridge(assistantKey);
    env.sandbox.spotify.injectFaults([{ status: 429, retryAfterSeconds: 60, times: 4 }]);
    const answer = await getThroughBroker(bridge, '/v1/search', { q: 'a', type: 'track' });
    expect(answer.status).toBe(429);
    await expect
      .poll(async () => (await env.host.audit.query({ kind: 'api.call' }))[0]?.message)
      .toMatch(/Rate limited by Spotify: answered 429, retry after 60 s/);
  });

  it('repeated failed authentications raise a failed-auth alert', async () => {
    for (let i = 0; i < 6; i += 1) {
      const client = await BrokerClient.connect(env.paths.brokerSocket);
      await client
        .request({
          type: 'hello',
          protocol: BROKER_PROTOCOL_VERSION,
          assistantKey: `tbk_wrong-${i}`,
          mcpClient: { name: 'guesser', version: '0' },
        })
        .catch(() => undefined);
      client.close();
    }
    await expect.poll(() => alerts.map((a) => a.reason)).toContain('failed-auth');
    expect(alerts.filter((a) => a.reason === 'failed-auth')).toHaveLength(1);
    // One alert record in the log too, written by the host after the sixth refusal.
    const records = await env.host.audit.query({ kind: 'alert' });
    expect(records.filter((r) => /failed authentications/.test(r.message ?? ''))).toHaveLength(1);
  });
});
