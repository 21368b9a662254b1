import type { CallToolResult, Tool } from '@modelcontextprotocol/sdk/types.js';
import type { ApiResponse } from './host-session.js';
import type { ToolKind } from './tools/define-tool.js';

/**
 * Receipts in tool results, in one place for every tool: each change the host let through
 * answers with a receipt id; the tool's result lists them (text and `receipts` in the structured
 * output), so the assistant can offer to undo with the `undo` tool.
 */
export class ReceiptCollector {
  private readonly ids: string[] = [];

  /** Passes a response through, noting its receipt. */
  note = (response: ApiResponse): ApiResponse => {
    if (response.receiptId) this.ids.push(response.receiptId);
    return response;
  };

  attach(result: CallToolResult): CallToolResult {
    if (this.ids.length === 0) return result;
    const line = `Receipt${this.ids.length === 1 ? '' : 's'}: ${this.ids.join(', ')} (the undo tool reverses ${this.ids.length === 1 ? 'it' : 'them, newest first'}).`;
    return {
      ...result,
      content: [...result.content, { type: 'text', text: line }],
      structuredContent: result.structuredContent
        ? { ...result.structuredContent, receipts: [...this.ids] }
        : undefined,
    };
  }
}

/** Write tools' output schemas gain the optional `receipts` their results may carry. */
export function withReceiptsField(
  schema: Tool['outputSchema'],
  kind: ToolKind,
): Tool['outputSchema'] {
  if (kind === 'read' || !schema) return schema;
  return {
    ...schema,
    properties: {
      ...schema.properties,
      receipts: {
        type: 'array',
        items: { type: 'string' },
        description: 'Receipt ids of the changes made; pass one to the undo tool to reverse it.',
      },
    },
  };
}
