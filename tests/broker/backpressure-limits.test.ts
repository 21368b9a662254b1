import { mkdtemp, rm } from 'node:fs/promises';
import { createConnection, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  BrokerServer,
  type BrokerServerOptions,
} from '../../electron/host/broker/broker-server.js';
import { BROKER_PROTOCOL_VERSION, type BrokerRequest } from '../../protocol/broker.js';
import { encodeFrame, FrameDecoder } from '../../protocol/framing.js';

/**
 * A peer that never reads its answers, and a keyless process that opens sockets and says
 * nothing, must not grow the host's memory or lock bridges and the CLI out.
 */
describe('broker connection limits', () => {
  let dir: string;
  let server: BrokerServer;
  let handled: number;
  let floods: number[];
  const sockets: Socket[] = [];
  const socketPath = () => join(dir, 'run', 'broker.sock');

  async function start(options: Partial<BrokerServerOptions> = {}) {
    server = new BrokerServer({
      socketPath: socketPath(),
      runDir: join(dir, 'run'),
      onPreHelloFlood: (count) => floods.push(count),
      // Answers hello with key "good" as an authenticated client, and everything else with a
      // 16 KB answer, like a welcome with a long policy.
      handle: async (connection, request: BrokerRequest) => {
        handled += 1;
        if (request.type === 'hello') {
          if (request.assistantKey !== 'good') {
            connection.send({ type: 'error', id: request.id, code: 'unauthorized', message: 'no' });
            connection.close();
            return;
          }
          connection.role = { kind: 'assistant', assistantId: 'c1' };
        }
        if (request.type === 'watch') connection.watching = true;
        connection.send({
          type: 'error',
          id: request.id,
          code: 'not_found',
          message: 'x'.repeat(16_000),
        });
      },
      ...options,
    });
    await server.start();
  }

  async function connect(): Promise<Socket> {
    const socket = createConnection(socketPath());
    sockets.push(socket);
    await new Promise((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('error', reject);
    });
    return socket;
  }

  /** Reads frames until one with this id arrives (or the socket closes: undefined). */
  function answer(socket: Socket, id: number): Promise<Record<string, unknown> | undefined> {
    const decoder = new FrameDecoder();
    return new Promise((resolve) => {
      const onData = (chunk: Buffer) => {
        for (const frame of decoder.push(chunk) as Record<string, unknown>[]) {
          if (frame.id === id) {
            socket.off('data', onData);
            resolve(frame);
          }
        }
      };
      socket.on('data', onData);
      socket.once('close', () => resolve(undefined));
    });
  }

  const hello = (id: number, assistantKey = 'good') =>
    encodeFrame({
      type: 'hello',
      id,
      protocol: BROKER_PROTOCOL_VERSION,
      assistantKey,
      mcpClient: { name: 'test', version: '1' },
    });

  const until = async (check: () => boolean) => {
    for (let i = 0; i < 200 && !check(); i += 1) await new Promise((r) => setTimeout(r, 25));
  };

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tb-limits-'));
    handled = 0;
    floods = [];
  });
  afterEach(async () => {
    for (const socket of sockets.splice(0)) socket.destroy();
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('stops serving an authenticated peer that leaves its answers unread', async () => {
    await start();
    const socket = await connect();
    socket.pause();
    socket.write(hello(1));
    // 5,000 whoami requests whose answers (80 MB in all) the peer never reads.
    const whoami = Array.from({ length: 5_000 }, (_, i) =>
      encodeFrame({ type: 'whoami', id: i + 2 }),
    );
    socket.write(whoami.join(''));
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    // The host served only as many as fit under its unread-answer bound, then stopped reading.
    expect(handled).toBeLessThan(200);
    expect(server.connectionCount).toBe(1);

    // Once the peer reads, it is served again, in order, to the last request.
    const last = answer(socket, 5_001);
    socket.resume();
    expect(await last).toMatchObject({ id: 5_001 });
    expect(handled).toBe(5_001);
  });

  it('drops a peer whose pushed events go unread past the second bound', async () => {
    await start({ limits: { pauseAtUnreadBytes: 64 * 1024, dropAtUnreadBytes: 512 * 1024 } });
    const socket = await connect();
    socket.pause();
    socket.write(hello(1));
    socket.write(encodeFrame({ type: 'watch', id: 2 }));
    await until(() => handled === 2);
    for (let i = 0; i < 50_000 && server.connectionCount > 0; i += 1) {
      server.broadcast({ type: 'event', event: 'providers.changed' });
    }
    await until(() => server.connectionCount === 0);
    expect(server.connectionCount).toBe(0);
  });

  it('keeps room for a bridge while idle sockets that never say hello pile up', async () => {
    await start({ limits: { helloTimeoutMs: 60_000 } });
    const authenticated = await connect();
    const welcomed = answer(authenticated, 1);
    authenticated.write(hello(1));
    expect(await welcomed).toMatchObject({ id: 1 });

    // 100 sockets that never say a word: more than the server's 64 slots.
    for (let i = 0; i < 100; i += 1) await connect();

    // A new bridge still gets in and is answered.
    const bridge = await connect();
    const bridgeWelcomed = answer(bridge, 1);
    bridge.write(hello(1));
    expect(await bridgeWelcomed).toMatchObject({ id: 1 });

    // The connection that had said hello was left alone and still answers.
    const again = answer(authenticated, 2);
    authenticated.write(encodeFrame({ type: 'whoami', id: 2 }));
    expect(await again).toMatchObject({ id: 2 });

    // The flood was reported, once.
    expect(floods).toHaveLength(1);
  });

  it('drops a connection that does not say hello within a short timeout', async () => {
    await start({ limits: { helloTimeoutMs: 200 } });
    const socket = await connect();
    const closed = new Promise((resolve) => socket.once('close', resolve));
    socket.resume();
    await closed;
    expect(server.connectionCount).toBe(0);
  });
});
