import { readFile } from 'node:fs/promises';
import { createConnection, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROKER_PROTOCOL_VERSION, BrokerResponse } from '../../protocol/broker.js';
import { MAX_FRAME_BYTES } from '../../protocol/broker.js';
import type { BrokerClient } from '../../broker-client/broker-client.js';
import { getThroughBroker, startTestHost, type TestHost } from '../helpers/test-host.js';
import { seededRandom } from '../../sandbox/seeded-random.js';

/**
 * Random and mutated frames against a real host's broker socket: valid requests with fields
 * mutated, truncated JSON, oversized frames, binary noise, deeply nested JSON and prototype-
 * pollution keys. The host must stay up, a well-behaved assistant on its own connection must keep
 * working throughout, every answer must be a valid broker message, and no answer may carry a
 * secret. Seeded: `TUNEBRIDGE_FUZZ_SEED=<n>` replays a run; `TUNEBRIDGE_FUZZ_FRAMES` sets the size.
 */
const SEED = Number(process.env.TUNEBRIDGE_FUZZ_SEED ?? 20_261_128);
const ANONYMOUS_FRAMES = Number(process.env.TUNEBRIDGE_FUZZ_FRAMES ?? 8_000);
const AUTHENTICATED_FRAMES = Math.ceil(ANONYMOUS_FRAMES / 3);
const CONCURRENCY = 24;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

class FrameFactory {
  private readonly rand: () => number;
  constructor(
    seed: number,
    private readonly capability: () => string,
  ) {
    this.rand = seededRandom(seed);
  }

  int(n: number): number {
    return Math.floor(this.rand() * n);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T;
  }

  templates(): Array<Record<string, Json>> {
    const id = 1 + this.int(1000);
    return [
      {
        type: 'hello',
        id,
        protocol: BROKER_PROTOCOL_VERSION,
        assistantKey: 'tbk_fuzz-not-a-key',
        mcpClient: { name: 'fuzz', version: '1' },
      },
      { type: 'control.hello', id, protocol: 1, controlKey: 'not-the-control-key' },
      { type: 'capability.request', id, provider: 'spotify', scopes: ['user-read-private'] },
      {
        type: 'api.call',
        id,
        capability: this.capability(),
        provider: 'spotify',
        method: 'GET',
        path: '/v1/search',
        query: { q: 'a', type: 'track' },
      },
      { type: 'audit.record', id, tool: 'fuzz', summary: 's', outcome: 'ok', durationMs: 1 },
      { type: 'watch', id },
      { type: 'whoami', id },
      { type: 'status', id },
      { type: 'login.start', id, provider: 'spotify' },
      { type: 'assistant.issue', id, name: 'fuzz' },
      { type: 'assistant.revoke', id, assistantId: 'x' },
      { type: 'pause.all', id, paused: true },
      { type: 'logout', id, provider: 'spotify' },
      { type: 'audit.query', id, query: { limit: 5 } },
    ];
  }

  value(depth = 0): Json {
    const choices: Array<() => Json> = [
      () => null,
      () => this.rand() < 0.5,
      () => this.pick([0, -1, 1, 2 ** 31, 2 ** 53 + 1, -(2 ** 63), 1e308, -1e-308, 0.5]),
      () => '',
      () => 'x'.repeat(this.int(10_000)),
      () => this.pick(['\u0000', '\ud800', '\u202e', '../../etc/passwd', '/v1/../../admin']),
      () => this.pick(['/v1/me?x=1#y', '//evil.example/v1/me', '/v1/%2e%2e/%2e%2e', '\r\nX: y']),
      () => this.pick(['spotify', 'tidal', 'hello', 'api.call', 'GET', 'DELETE', 'TRACE']),
      () => this.pick(['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty']),
      () => (depth > 3 ? [] : Array.from({ length: this.int(5) }, () => this.value(depth + 1))),
      () => (depth > 3 ? {} : this.object(depth + 1)),
    ];
    return this.pick(choices)();
  }

  object(depth: number): { [key: string]: Json } {
    const result: { [key: string]: Json } = {};
    for (let i = this.int(4); i > 0; i -= 1) result[this.key()] = this.value(depth);
    return result;
  }

  key(): string {
    return this.pick(['__proto__', 'constructor', 'prototype', 'id', 'type', 'polluted', 'a']);
  }

  /** A request template with one to three fields mutated, added or removed. */
  mutated(): string {
    const frame: Record<string, Json> = { ...this.pick(this.templates()) };
    for (let n = 1 + this.int(3); n > 0; n -= 1) {
      const keys = Object.keys(frame);
      const op = this.int(5);
      if (op === 0 && keys.length > 0) delete frame[this.pick(keys)];
      else if (op === 1) frame[this.key()] = this.value();
      else if (keys.length > 0) frame[this.pick(keys)] = this.value();
    }
    let text = JSON.stringify(frame);
    // JSON.stringify drops a literal `__proto__`; splice one in as text, the way an attacker would.
    if (this.int(4) === 0) {
      text = `{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},${text.slice(1)}`;
    }
    return text;
  }

  /** Anything at all: mutated requests, broken JSON, binary, nesting, size. */
  frame(): Buffer {
    const kind = this.int(20);
    if (kind < 9) return line(this.mutated());
    if (kind < 11) {
      const text = this.mutated();
      return line(text.slice(0, this.int(text.length)));
    }
    if (kind < 13) {
      return Buffer.from(Array.from({ length: 1 + this.int(2048) }, () => this.int(256)));
    }
    if (kind < 14) {
      const depth = this.pick([100, 10_000, 200_000]);
      const open = this.rand() < 0.5 ? '[' : '{"a":';
      const close = open === '[' ? ']' : '}';
      return line(`${open.repeat(depth)}1${close.repeat(depth)}`);
    }
    if (kind < 15) return line(this.pick(['1', '"x"', 'null', '[]', 'true', '{}', '\ufeff{}']));
    if (kind < 16) return Buffer.from('\n\n\r\n \n');
    if (kind < 17) return Buffer.from(`\ufeff${this.mutated()}\n`, 'utf16le');
    if (kind < 18) {
      const template = this.pick(this.templates());
      return line(JSON.stringify({ ...template, id: this.value() }));
    }
    return line(JSON.stringify(this.value()));
  }
}

function line(text: string): Buffer {
  return Buffer.from(`${text}\n`);
}

/** Sends bytes on a fresh connection; resolves with everything the host answered. */
function exchange(socketPath: string, bytes: Buffer, idleMs = 100): Promise<Buffer> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const socket = createConnection(socketPath);
    let timer: NodeJS.Timeout | undefined;
    const done = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve(Buffer.concat(chunks));
    };
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('close', done);
    socket.on('error', done);
    socket.on('connect', () => {
      socket.write(bytes, () => undefined);
      timer = setTimeout(done, idleMs);
    });
  });
}

/** A raw hello'd connection that sends one frame at a time and waits for its answer or close. */
class RawSession {
  private buffered = '';
  private waiter: (() => void) | undefined;
  closed = false;
  readonly received: string[] = [];

  private constructor(private readonly socket: Socket) {
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      this.buffered += chunk;
      let newline: number;
      while ((newline = this.buffered.indexOf('\n')) !== -1) {
        this.received.push(this.buffered.slice(0, newline));
        this.buffered = this.buffered.slice(newline + 1);
      }
      this.waiter?.();
    });
    socket.on('close', () => {
      this.closed = true;
      this.waiter?.();
    });
    socket.on('error', () => socket.destroy());
  }

  static async open(socketPath: string, assistantKey: string): Promise<RawSession> {
    const socket = createConnection(socketPath);
    await new Promise((resolve) => socket.once('connect', resolve));
    const session = new RawSession(socket);
    const hello = {
      type: 'hello',
      id: 1,
      protocol: BROKER_PROTOCOL_VERSION,
      assistantKey,
      mcpClient: { name: 'fuzz', version: '1' },
    };
    await session.send(line(JSON.stringify(hello)));
    return session;
  }

  /** Resolves on the next answer, the close, or after a short wait (no answer comes). */
  send(bytes: Buffer, waitMs = 1_000): Promise<void> {
    const before = this.received.length;
    return new Promise((resolve) => {
      const finish = () => {
        clearTimeout(timer);
        this.waiter = undefined;
        resolve();
      };
      const timer = setTimeout(finish, waitMs);
      this.waiter = () => {
        if (this.closed || this.received.length > before) finish();
      };
      this.socket.write(bytes, () => undefined);
    });
  }

  close(): void {
    this.socket.destroy();
  }
}

describe(`broker fuzz (seed ${SEED})`, () => {
  let env: TestHost;
  let goodBridge: BrokerClient;
  let fuzzKey: string;
  let secrets: string[];
  const answers: string[] = [];

  beforeAll(async () => {
    env = await startTestHost();
    await env.login('spotify');
    const good = await env.issueAssistant('Well-behaved assistant');
    const fuzz = await env.issueAssistant('Fuzzer');
    fuzzKey = fuzz.assistantKey;
    goodBridge = await env.bridge(good.assistantKey);
    const controlKey = (await readFile(env.paths.controlKeyFile, 'utf8')).trim();
    secrets = [good.assistantKey, controlKey];
  });
  afterAll(() => env?.stop());

  it(`survives ${ANONYMOUS_FRAMES + AUTHENTICATED_FRAMES}+ random frames while another client keeps working`, async () => {
    let fuzzing = true;
    let goodCalls = 0;
    const goodFailures: unknown[] = [];
    const wellBehaved = (async () => {
      while (fuzzing) {
        try {
          const answer = await getThroughBroker(goodBridge, '/v1/search', {
            q: env.sandbox.spotify.sampleQuery,
            type: 'track',
          });
          if (answer.status !== 200) goodFailures.push(answer.status);
          goodCalls += 1;
        } catch (error) {
          goodFailures.push(error);
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();

    // Anonymous connections: one frame each, as many at once as a busy machine might see.
    let capability = 'cap_fuzz';
    const factory = new FrameFactory(SEED, () => capability);
    const frames = Array.from({ length: ANONYMOUS_FRAMES }, () => factory.frame());
    // A few frames just past the size limit, with and without a newline.
    const huge = Buffer.alloc(MAX_FRAME_BYTES + 10, 0x61);
    frames.push(huge, Buffer.concat([huge, Buffer.from('\n')]));
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < frames.length) {
          const frame = frames[next++] as Buffer;
          answers.push((await exchange(env.paths.brokerSocket, frame)).toString('utf8'));
        }
      }),
    );

    // An authenticated fuzzing client: mutated requests over hello'd connections.
    const fuzzFactory = new FrameFactory(SEED + 1, () => capability);
    let session = await RawSession.open(env.paths.brokerSocket, fuzzKey);
    await session.send(
      line(JSON.stringify({ type: 'capability.request', id: 2, provider: 'spotify', scopes: [] })),
    );
    const granted = session.received
      .map((text) => JSON.parse(text) as { type: string; token?: string })
      .find((message) => message.type === 'capability');
    capability = granted?.token ?? capability;
    const sessions = [session];
    for (let i = 0; i < AUTHENTICATED_FRAMES; i += 1) {
      if (session.closed) {
        session = await RawSession.open(env.paths.brokerSocket, fuzzKey);
        sessions.push(session);
      }
      const frame = i % 3 === 0 ? fuzzFactory.frame() : line(fuzzFactory.mutated());
      await session.send(frame, 150);
    }
    for (const open of sessions) open.close();
    for (const open of sessions) answers.push(...open.received);

    fuzzing = false;
    await wellBehaved;

    expect(goodFailures).toEqual([]);
    expect(goodCalls).toBeGreaterThan(10);
    // The host still takes new connections and answers them.
    const after = await getThroughBroker(goodBridge, '/v1/search', { q: 'a', type: 'track' });
    expect(after.status).toBe(200);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  }, 180_000);

  it('answered only valid broker messages, and never a secret', () => {
    const lines = answers.flatMap((text) => text.split('\n')).filter((text) => text !== '');
    expect(lines.length).toBeGreaterThan(ANONYMOUS_FRAMES / 2);
    const invalid = lines.filter((text) => {
      try {
        return !BrokerResponse.safeParse(JSON.parse(text)).success;
      } catch {
        return true;
      }
    });
    expect(invalid.slice(0, 3)).toEqual([]);
    const everything = lines.join('\n');
    for (const secret of [...secrets, ...env.sandbox.spotify.issuedTokens()]) {
      expect(everything).not.toContain(secret);
    }
    expect(everything).not.toMatch(/at .+\.(ts|js):\d+/); // no stack traces
  });
});
