import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runOperation } from '../../electron/host/operations.js';
import { startTestHost, type TestHost } from '../helpers/test-host.js';

/** A paused assistant's request is refused, audited, and counted as "paused" in Security. */
describe('refusals of a paused assistant', () => {
  let test: TestHost;

  beforeAll(async () => {
    test = await startTestHost();
    await test.login('spotify');
  });
  afterAll(async () => {
    await test?.stop();
  });

  it('audits the refusal and counts it under "paused"', async () => {
    const issued = await test.issueAssistant('Paused helper');
    const bridge = await test.bridge(issued.assistantKey);
    await runOperation(test.host, { op: 'pause.all', paused: true });
    await expect(
      bridge.request({ type: 'capability.request', provider: 'spotify', scopes: [] }),
    ).rejects.toThrow(/paused/);
    const [record] = await test.host.audit.query({ kind: 'capability.refused', limit: 1 });
    expect(record).toMatchObject({
      outcome: 'refused',
      assistantName: 'Paused helper',
      message: 'Access for Paused helper is paused in TuneBridge.',
    });
    const { overview } = await runOperation(test.host, { op: 'security.overview' });
    expect(overview.figures['24h'].refusalsByReason.paused).toBe(1);
  });
});
