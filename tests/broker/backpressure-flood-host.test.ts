import { createConnection, type Socket } from 'node:net';
import { send } from '../../broker-client/send-operation.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HostAlert } from '../../electron/host/audit/security-alarms.js';
import { startTestHost, type TestHost } from '../helpers/test-host.js';

/** The host wires the pre-hello budget to its audit log and alerts. */
describe('a flood of keyless connections against the host', () => {
  let host: TestHost;
  const sockets: Socket[] = [];
  beforeEach(async () => {
    host = await startTestHost();
  });
  afterEach(async () => {
    for (const socket of sockets.splice(0)) socket.destroy();
    await host.stop();
  });

  it('keeps the CLI and bridges working, and audits and alerts the flood once', async () => {
    const alerts: HostAlert[] = [];
    host.host.events.on('alert', (alert) => alerts.push(alert));
    const { assistantKey } = await host.issueAssistant();
    const bridge = await host.bridge(assistantKey);

    for (let i = 0; i < 100; i += 1) {
      const socket = createConnection(host.paths.brokerSocket);
      sockets.push(socket);
      socket.on('error', () => undefined);
      await new Promise((resolve) => socket.once('connect', resolve));
    }

    // The CLI still gets in, and the bridge that had said hello is still served.
    const control = await host.control();
    expect((await send(control, { op: 'status' })).status.sandbox).toBe(true);
    expect((await bridge.request({ type: 'whoami' })).type).toBe('welcome');

    expect(alerts.filter((alert) => alert.reason === 'connection-flood')).toHaveLength(1);
    // The alert record is written in the background; wait for it rather than for a fixed time.
    let audited = false;
    for (let i = 0; i < 100 && !audited; i += 1) {
      const records = await host.host.audit.query({ kind: 'alert' });
      audited = records.some((r) => /without a key/.test(r.message ?? ''));
      if (!audited) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(audited).toBe(true);
  });
});
