import { mkdtemp, rm } from 'node:fs/promises';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BrokerServer } from '../../electron/host/broker/broker-server.js';
import { BROKER_PROTOCOL_VERSION } from '../../protocol/broker.js';
import { encodeFrame } from '../../protocol/framing.js';

/**
 * A peer that pipelines large frames faster than they are served must not be able to grow the
 * host's memory: past a few queued requests the host stops reading its socket.
 */
describe('broker backpressure', () => {
  let dir: string;
  let server: BrokerServer;
  let release: () => void = () => undefined;
  let handled = 0;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tb-backpressure-'));
    const gate = new Promise<void>((resolve) => (release = resolve));
    handled = 0;
    server = new BrokerServer({
      socketPath: join(dir, 'run', 'broker.sock'),
      runDir: join(dir, 'run'),
      handle: async () => {
        handled += 1;
        await gate;
      },
    });
    await server.start();
  });
  afterEach(async () => {
    release();
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('stops reading from a peer whose requests pile up, and reads on once they are served', async () => {
    const socket = createConnection(join(dir, 'run', 'broker.sock'));
    await new Promise((resolve) => socket.once('connect', resolve));
    // Each frame passes the schema (unknown keys are dropped) and is about 150 KB: 15 MB in all.
    const frame = encodeFrame({
      type: 'hello',
      id: 1,
      protocol: BROKER_PROTOCOL_VERSION,
      assistantKey: 'k',
      mcpClient: { name: 'flood', version: 'x'.repeat(40) },
      padding: 'p'.repeat(150_000),
    });
    for (let i = 0; i < 100; i += 1) socket.write(frame);
    await new Promise((resolve) => setTimeout(resolve, 500));

    // The first request is being handled (and blocks); the host has stopped reading, so most of
    // what the peer wrote is still waiting on the peer's side.
    expect(handled).toBe(1);
    expect(socket.writableLength).toBeGreaterThan(5_000_000);

    release();
    await new Promise<void>((resolve) => {
      const check = () => (socket.writableLength === 0 ? resolve() : setTimeout(check, 50));
      check();
    });
    expect(socket.writableLength).toBe(0);
    socket.destroy();
  });
});
