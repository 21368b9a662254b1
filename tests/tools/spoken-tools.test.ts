import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startToolSession, type ToolSession } from './tool-session.js';

interface Episode {
  name: string;
  resumePoint?: { fullyPlayed: boolean; resumePositionMs: number };
}

describe('Spotify podcasts and audiobooks, through the bridge', () => {
  let s: ToolSession;

  beforeAll(async () => {
    s = await startToolSession();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('reads a show with its episodes and where the listener stopped', async () => {
    const answer = await s.call<{ show: { name: string }; episodes: Episode[]; total: number }>(
      'spotify_get_show',
      { show_id: s.uri('show', 'show01') },
    );
    expect(answer.isError, answer.text).toBe(false);
    expect(answer.structured.show.name).toBe('Quiet Harbour Radio');
    expect(answer.structured.total).toBe(6);
    expect(answer.structured.episodes[0]?.resumePoint?.fullyPlayed).toBe(true);
    expect(answer.structured.episodes[1]?.resumePoint?.resumePositionMs).toBe(754_000);
    expect(answer.text).toMatch(/stopped at 12:34 of/);
    const episode = await s.call<{ episode: { show: string } }>('spotify_get_episode', {
      episode_id: s.uri('episode', 'show01-ep02'),
    });
    expect(episode.structured.episode.show).toBe('Quiet Harbour Radio');
    const missing = await s.call('spotify_get_show', { show_id: '0000000000000000000000' });
    expect(missing.isError).toBe(true);
  });

  it('reads an audiobook’s chapters and says which comes next', async () => {
    const answer = await s.call<{ audiobook: { authors: string[] }; chapters: unknown[] }>(
      'spotify_get_audiobook',
      { audiobook_id: s.uri('audiobook', 'book02') },
    );
    expect(answer.isError, answer.text).toBe(false);
    expect(answer.structured.audiobook.authors).toEqual(['Tomas Lindqvist']);
    expect(answer.structured.chapters).toHaveLength(5);
    expect(answer.text).toMatch(/Next up: chapter 2, The first map/);
  });

  it('searches by type', async () => {
    const shows = await s.call<{ shows: Array<{ name: string }> }>(
      'spotify_search_podcasts_and_audiobooks',
      { query: 'Lantern', type: 'show' },
    );
    expect(shows.structured.shows?.map((x) => x.name).sort()).toEqual([
      'Night Kitchen Stories',
      'Quiet Harbour Radio',
    ]);
    const books = await s.call<{ audiobooks: Array<{ name: string }> }>(
      'spotify_search_podcasts_and_audiobooks',
      { query: 'orchard', type: 'audiobook' },
    );
    expect(books.structured.audiobooks?.map((x) => x.name)).toEqual(['Letters from the Orchard']);
    const episodes = await s.call<{ episodes: Episode[] }>(
      'spotify_search_podcasts_and_audiobooks',
      { query: 'finale', type: 'episode' },
    );
    expect(episodes.structured.episodes).toHaveLength(4);
  });

  it('lists, saves and removes shows, episodes and audiobooks through /me/library', async () => {
    const list = async (kind: string) =>
      (
        await s.call<{
          shows?: Array<{ uri: string }>;
          episodes?: Array<{ uri: string }>;
          audiobooks?: Array<{ uri: string }>;
        }>('spotify_get_saved_podcasts_and_audiobooks', { kind })
      ).structured;
    expect((await list('shows')).shows?.map((x) => x.uri)).toEqual([
      s.uri('show', 'show01'),
      s.uri('show', 'show03'),
    ]);
    const uris = [
      s.uri('show', 'show04'),
      s.uri('episode', 'show04-ep01'),
      s.uri('audiobook', 'book03'),
    ];
    const refused = await s.call('spotify_save_to_library', { uris });
    expect(refused.isError).toBe(true);
    s.allow('library-write');
    const saved = await s.call<{ spoken: number }>('spotify_save_to_library', { uris });
    expect(saved.isError, saved.text).toBe(false);
    expect(saved.structured.spoken).toBe(3);
    expect((await list('shows')).shows?.[0]?.uri).toBe(uris[0]);
    expect((await list('episodes')).episodes?.[0]?.uri).toBe(uris[1]);
    expect((await list('audiobooks')).audiobooks?.map((x) => x.uri)).toContain(uris[2]);
    const removed = await s.call('spotify_remove_from_library', { uris: [uris[0]] });
    expect(removed.isError, removed.text).toBe(false);
    expect((await list('shows')).shows?.map((x) => x.uri)).not.toContain(uris[0]);
  });

  it('sent only requests the vendored spec describes', () => {
    expect(s.specProblems()).toEqual([]);
  });
});
