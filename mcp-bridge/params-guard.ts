import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import {
  CallToolRequestSchema,
  ErrorCode,
  InitializeRequestSchema,
  ListToolsRequestSchema,
  PingRequestSchema,
  type JSONRPCMessage,
} from '@modelcontextprotocol/sdk/types.js';

/** The requests the bridge serves, with the SDK's own schema for each. */
const SCHEMAS = {
  initialize: InitializeRequestSchema,
  ping: PingRequestSchema,
  'tools/list': ListToolsRequestSchema,
  'tools/call': CallToolRequestSchema,
} as const;

/**
 * Answers a request whose params don't fit its method (arguments as an array, no tool name)
 * with JSON-RPC's "invalid params" and one line saying what is wrong, before the SDK turns the
 * same problem into an internal error with a multi-line validation dump.
 */
export function guardParams(transport: Transport): void {
  const deliver = transport.onmessage;
  transport.onmessage = (message, extra) => {
    const problem = paramsProblem(message);
    if (problem) {
      void transport.send({
        jsonrpc: '2.0',
        id: problem.id,
        error: { code: ErrorCode.InvalidParams, message: problem.message },
      });
      return;
    }
    deliver?.(message, extra);
  };
}

export function paramsProblem(
  message: JSONRPCMessage,
): { id: string | number; message: string } | undefined {
  if (!('method' in message) || !('id' in message)) return undefined;
  const schema = SCHEMAS[message.method as keyof typeof SCHEMAS];
  if (!schema) return undefined;
  const parsed = schema.safeParse(message);
  if (parsed.success) return undefined;
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? issue.path.map(String).join('.') : 'params';
  const what = (issue?.message ?? 'not valid')
    .replace(/^Invalid input: /, '')
    .replace(/\brecord\b/, 'an object')
    .replace(/\s+/g, ' ');
  return { id: message.id, message: `Invalid params for ${message.method}: ${where} ${what}.` };
}
