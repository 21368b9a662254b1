import * as z from 'zod';
import { defineTool } from '../define-tool.js';
import { getJson, notFoundFailure, OffsetPage, present } from './spotify-api.js';
import { limit, Offset, spotifyId } from './spotify-inputs.js';
import {
  AudiobookObject,
  audiobookLine,
  ChapterObject,
  chapterLine,
  SpokenAudiobook,
  SpokenChapter,
} from './spoken-items.js';

export const getAudiobook = defineTool({
  name: 'spotify_get_audiobook',
  title: 'Get an audiobook',
  description:
    'An audiobook (authors, narrators) and a page of its chapters, each with the person’s resume point.',
  provider: 'spotify',
  scopes: ['user-read-playback-position'],
  kind: 'read',
  idempotent: true,
  input: z.object({ audiobook_id: spotifyId('audiobook'), limit: limit(50, 50), offset: Offset }),
  output: z.object({
    audiobook: SpokenAudiobook,
    chapters: z.array(SpokenChapter),
    total: z.number(),
  }),
  async run({ audiobook_id, limit: count, offset }, context) {
    const audiobook = await getJson(
      context,
      `/v1/audiobooks/${audiobook_id}`,
      undefined,
      AudiobookObject,
      'read the audiobook',
      notFoundFailure('audiobook', audiobook_id),
    );
    const page = await getJson(
      context,
      `/v1/audiobooks/${audiobook_id}/chapters`,
      { limit: String(count), offset: String(offset) },
      OffsetPage(ChapterObject),
      'read the audiobook’s chapters',
    );
    const chapters = present(page.items);
    const next = chapters.find((c) => !c.resumePoint?.fullyPlayed);
    return {
      structured: { audiobook, chapters, total: page.total },
      text: [
        audiobookLine(1, audiobook).replace(/^1\. /, ''),
        `Chapters (${page.total} in all):`,
        ...chapters.map(chapterLine),
        ...(next ? [`Next up: chapter ${next.number}, ${next.name}.`] : []),
      ].join('\n'),
    };
  },
});
