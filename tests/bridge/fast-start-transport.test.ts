import { PassThrough } from 'node:stream';
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import {
  JSONRPCMessageSchema,
  ListToolsRequestSchema,
  type JSONRPCMessage,
} from '@modelcontextprotocol/sdk/types.js';
import { describe, expect, it } from 'vitest';
import { describeBridge } from '../../mcp-bridge/bridge-manifest.js';
import { FastStartTransport } from '../../mcp-bridge/fast-start-transport.js';
import { TOOLS } from '../../mcp-bridge/tools/index.js';

const manifest = describeBridge('9.9.9', TOOLS);

/** A transport on in-memory pipes, with every line it writes parsed for the test. */
function harness() {
  const input = new PassThrough();
  const output = new PassThrough();
  const written: Array<Record<string, unknown>> = [];
  let text = '';
  output.setEncoding('utf8');
  output.on('data', (chunk: string) => {
    text += chunk;
    let newline: number;
    while ((newline = text.indexOf('\n')) !== -1) {
      written.push(JSON.parse(text.slice(0, newline)) as Record<string, unknown>);
      text = text.slice(newline + 1);
    }
  });
  let runtimeWanted = 0;
  const transport = new FastStartTransport(manifest, () => (runtimeWanted += 1), input, output);
  transport.listen();
  const send = (message: object) => input.write(`${JSON.stringify(message)}\n`);
  const settle = () => new Promise((resolve) => setImmediate(resolve));
  return { transport, input, send, written, settle, runtimeWanted: () => runtimeWanted };
}

const initialize = (id: number | string, protocolVersion = '2025-06-18') => ({
  jsonrpc: '2.0',
  id,
  method: 'initialize',
  params: { protocolVersion, capabilities: {}, clientInfo: { name: 't', version: '1' } },
});

/** The real SDK server, as bridge-runtime connects it. */
async function handOverToSdk(transport: FastStartTransport): Promise<Server> {
  const server = new Server(manifest.serverInfo, { capabilities: manifest.capabilities });
  server.setRequestHandler(ListToolsRequestSchema, () => ({ tools: manifest.tools }));
  await server.connect(transport);
  transport.handOver((message) => JSONRPCMessageSchema.parse(message) as JSONRPCMessage);
  return server;
}

describe('bridge start-up transport', () => {
  it('answers initialize and tools/list from the manifest without the SDK', async () => {
    const { send, written, settle, runtimeWanted } = harness();
    send(initialize(1));
    send({ jsonrpc: '2.0', method: 'notifications/initialized' });
    send({ jsonrpc: '2.0', id: 2, method: 'tools/list' });
    await settle();
    expect(written[0]).toMatchObject({
      id: 1,
      result: { protocolVersion: '2025-06-18', serverInfo: { name: 'tunebridge' } },
    });
    // What the SDK server will answer later is advertised from the start.
    expect(written[0]).toMatchObject({
      result: {
        capabilities: {
          resources: { subscribe: true, listChanged: true },
          prompts: { listChanged: true },
          completions: {},
        },
      },
    });
    expect(written[1]).toEqual({ jsonrpc: '2.0', id: 2, result: { tools: manifest.tools } });
    expect(runtimeWanted()).toBe(0);
  });

  it('offers its latest protocol version to a client asking for an unknown one', async () => {
    const { send, written, settle } = harness();
    send(initialize(1, '1999-01-01'));
    await settle();
    expect(written[0]).toMatchObject({
      result: { protocolVersion: manifest.latestProtocolVersion },
    });
  });

  it('keeps what it cannot answer, in order, for the SDK server, and replays initialize unseen', async () => {
    const { transport, send, written, settle, runtimeWanted } = harness();
    send(initialize(0));
    send({ jsonrpc: '2.0', method: 'notifications/initialized' });
    // Ids may be reused once answered; the replayed initialize must not collide with them.
    send({ jsonrpc: '2.0', id: 0, method: 'resources/list' });
    send({ jsonrpc: '2.0', id: 1, method: 'tools/list' });
    await settle();
    expect(runtimeWanted()).toBeGreaterThan(0);
    expect(written).toHaveLength(2);

    await handOverToSdk(transport);
    await settle();
    await settle();
    // One initialize answer only (ours), then the SDK's answers in the order the client asked.
    expect(
      written.filter(
        (message) => 'result' in message && 'serverInfo' in (message.result as object),
      ),
    ).toHaveLength(1);
    expect(written.map((message) => message.id)).toEqual([0, 1, 0]);
    expect(written[2]).toMatchObject({ id: 0, error: { code: -32601 } });
  });

  it('passes messages straight to the SDK once it has taken over', async () => {
    const { transport, send, written, settle } = harness();
    send(initialize(1));
    send({ jsonrpc: '2.0', method: 'notifications/initialized' });
    await settle();
    await handOverToSdk(transport);
    send({ jsonrpc: '2.0', id: 7, method: 'tools/list' });
    await settle();
    await settle();
    expect(written.at(-1)).toEqual({ jsonrpc: '2.0', id: 7, result: { tools: manifest.tools } });
  });

  it('ignores a line that is not JSON and keeps serving', async () => {
    const { transport, input, send, written, settle } = harness();
    const errors: string[] = [];
    transport.onerror = (error) => errors.push(error.message);
    send(initialize(1));
    input.write('not json\n');
    send({ jsonrpc: '2.0', id: 2, method: 'ping' });
    await settle();
    expect(errors).toHaveLength(1);
    expect(written.at(-1)).toEqual({ jsonrpc: '2.0', id: 2, result: {} });
  });
});
