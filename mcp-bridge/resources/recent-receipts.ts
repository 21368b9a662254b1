import { undo } from '../tools/undo.js';
import { defineResource, explained, jsonContents } from './define-resource.js';

export const RECENT_RECEIPTS_URI = 'tunebridge://receipts/recent';

/**
 * The changes this assistant made, newest first, each with the receipt id the undo tool takes.
 * Listed while the assistant may undo (it has a permission that changes something).
 */
export const recentReceipts = defineResource({
  name: 'recent-receipts',
  uses: [undo],
  register: (server, context) =>
    server.registerResource(
      'recent-receipts',
      RECENT_RECEIPTS_URI,
      {
        title: 'Recent changes (receipts)',
        description:
          'The changes this assistant made through TuneBridge, newest first, each with the receipt id the undo tool takes.',
        mimeType: 'application/json',
      },
      (uri) => explained(async () => jsonContents(uri, await context.session.receipts.list(50))),
    ),
});
