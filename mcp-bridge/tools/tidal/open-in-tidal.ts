import * as z from 'zod';
import { OpenLinkKind } from '../../../protocol/broker.js';
import { defineTool } from '../define-tool.js';
import { ToolError } from '../tool-error.js';

const NO_REMOTE_PLAYBACK =
  'TIDAL’s API has no remote playback control, so TuneBridge can only open the item in the TIDAL app or on tidal.com for you to play.';

/** `https://tidal.com/browse/track/123`, `https://listen.tidal.com/album/123`, `tidal.com/playlist/<uuid>`. */
const LINK =
  /^(?:https?:\/\/)?(?:listen\.|www\.)?tidal\.com\/(?:browse\/)?(track|album|playlist)\/([0-9A-Za-z-]{1,40})\/?(?:[?#].*)?$/;
const ID_SHAPES: Record<OpenLinkKind, RegExp> = {
  track: /^\d{1,12}$/,
  album: /^\d{1,12}$/,
  playlist: /^[0-9a-fA-F-]{20,40}$/,
};

export const openInTidal = defineTool({
  name: 'tidal_open',
  title: 'Open in TIDAL',
  description:
    'Open a TIDAL track, album or playlist in the TIDAL app (or on tidal.com) on the person’s computer; TIDAL has no remote playback control.',
  provider: 'tidal',
  scopes: [],
  kind: 'write',
  idempotent: false,
  input: z.object({
    item: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .describe(
        'A tidal.com or listen.tidal.com link, or a TIDAL id (a number for tracks and albums, a UUID for playlists).',
      ),
    kind: OpenLinkKind.optional().describe('What the id is; not needed with a link.'),
  }),
  output: z.object({ kind: OpenLinkKind, id: z.string(), url: z.string(), opened: z.boolean() }),
  async run({ item, kind }, context) {
    const target = parseItem(item, kind);
    const { url, opened } = await context.openLink('tidal', target.kind, target.id);
    const text = opened
      ? `Opened the TIDAL ${target.kind} on this computer · ${url}. ${NO_REMOTE_PLAYBACK}`
      : `TuneBridge could not start the TIDAL app or a browser on this computer. Open this link yourself: ${url}. ${NO_REMOTE_PLAYBACK}`;
    return { structured: { ...target, url, opened }, text };
  },
});

function parseItem(
  item: string,
  kind: OpenLinkKind | undefined,
): { kind: OpenLinkKind; id: string } {
  const link = LINK.exec(item);
  const found = link ? { kind: link[1] as OpenLinkKind, id: link[2] ?? '' } : undefined;
  if (found && kind && found.kind !== kind) {
    throw new ToolError(
      'bad_request',
      `That link is to a TIDAL ${found.kind}, not a ${kind}. Leave out "kind" or pass the matching one.`,
    );
  }
  const target = found ?? (kind ? { kind, id: item } : undefined);
  if (!target) {
    throw new ToolError(
      'bad_request',
      `Say what to open: pass a tidal.com link, or an id with "kind" (track, album or playlist). ${NO_REMOTE_PLAYBACK}`,
    );
  }
  if (!ID_SHAPES[target.kind].test(target.id)) {
    throw new ToolError(
      'bad_request',
      `"${target.id.slice(0, 60)}" is not a TIDAL ${target.kind} id (${target.kind === 'playlist' ? 'a UUID' : 'a number'}). Find it with tidal_search.`,
    );
  }
  return target;
}
