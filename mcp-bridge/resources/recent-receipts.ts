import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import {
  ListResourcesRequestSchema,
  McpError,
  ErrorCode,
  ReadResourceRequestSchema,
} from '@modelcontextprotocol/sdk/types.js';
import type { ReceiptRequests } from '../receipt-requests.js';

export const RECENT_RECEIPTS_URI = 'tunebridge://receipts/recent';

/** The resource as `resources/list` shows it. */
export const recentReceiptsResource = {
  uri: RECENT_RECEIPTS_URI,
  name: 'recent-receipts',
  title: 'Recent changes (receipts)',
  description:
    'The changes this assistant made through TuneBridge, newest first, each with the receipt id the undo tool takes.',
  mimeType: 'application/json',
};

/** Reads the resource: this assistant's last 50 receipts, as JSON. */
export async function readRecentReceipts(receipts: ReceiptRequests) {
  const list = await receipts.list(50);
  return {
    contents: [
      {
        uri: RECENT_RECEIPTS_URI,
        mimeType: 'application/json',
        text: JSON.stringify(list, null, 2),
      },
    ],
  };
}

/**
 * Serves the one resource straight on the SDK server, until the bridge has a resource registry;
 * then `recentReceiptsResource` and `readRecentReceipts` join it and this goes.
 */
export function serveRecentReceipts(server: Server, receipts: ReceiptRequests): void {
  server.registerCapabilities({ resources: {} });
  server.setRequestHandler(ListResourcesRequestSchema, () => ({
    resources: [recentReceiptsResource],
  }));
  server.setRequestHandler(ReadResourceRequestSchema, async (request) => {
    if (request.params.uri !== RECENT_RECEIPTS_URI) {
      throw new McpError(ErrorCode.InvalidParams, `There is no resource ${request.params.uri}.`);
    }
    try {
      return await readRecentReceipts(receipts);
    } catch (error) {
      throw new McpError(
        ErrorCode.InternalError,
        error instanceof Error ? error.message : 'TuneBridge could not list the receipts.',
      );
    }
  });
}
