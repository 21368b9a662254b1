import * as z from 'zod';

/** Podcast shows and episodes, audiobooks and chapters as the tools return them. */

export const ResumePoint = z.object({
  fullyPlayed: z.boolean(),
  resumePositionMs: z.number(),
});

export const SpokenShow = z.object({
  id: z.string(),
  uri: z.string(),
  name: z.string(),
  publisher: z.string(),
  totalEpisodes: z.number().optional(),
});
export const SpokenEpisode = z.object({
  id: z.string(),
  uri: z.string(),
  name: z.string(),
  durationMs: z.number(),
  releaseDate: z.string().optional(),
  show: z.string().optional(),
  resumePoint: ResumePoint.optional(),
});
export const SpokenAudiobook = z.object({
  id: z.string(),
  uri: z.string(),
  name: z.string(),
  authors: z.array(z.string()),
  narrators: z.array(z.string()),
  totalChapters: z.number().optional(),
});
export const SpokenChapter = z.object({
  id: z.string(),
  uri: z.string(),
  number: z.number(),
  name: z.string(),
  durationMs: z.number(),
  resumePoint: ResumePoint.optional(),
});

const Resume = z
  .object({ fully_played: z.boolean(), resume_position_ms: z.number() })
  .optional()
  .transform((r) =>
    r ? { fullyPlayed: r.fully_played, resumePositionMs: r.resume_position_ms } : undefined,
  );
const Named = z.array(z.object({ name: z.string() }).loose());

/** Spotify's objects, read loosely and turned into the shapes above. */
export const ShowObject = z
  .object({
    id: z.string(),
    uri: z.string(),
    name: z.string(),
    publisher: z.string(),
    total_episodes: z.number().optional(),
  })
  .loose()
  .transform((s) => ({
    id: s.id,
    uri: s.uri,
    name: s.name,
    publisher: s.publisher,
    ...(s.total_episodes !== undefined ? { totalEpisodes: s.total_episodes } : {}),
  }));
export const EpisodeObject = z
  .object({
    id: z.string(),
    uri: z.string(),
    name: z.string(),
    duration_ms: z.number(),
    release_date: z.string().optional(),
    show: z.object({ name: z.string() }).loose().optional(),
    resume_point: Resume,
  })
  .loose()
  .transform((e) => ({
    id: e.id,
    uri: e.uri,
    name: e.name,
    durationMs: e.duration_ms,
    ...(e.release_date ? { releaseDate: e.release_date } : {}),
    ...(e.show ? { show: e.show.name } : {}),
    ...(e.resume_point ? { resumePoint: e.resume_point } : {}),
  }));
export const AudiobookObject = z
  .object({
    id: z.string(),
    uri: z.string(),
    name: z.string(),
    authors: Named,
    narrators: Named,
    total_chapters: z.number().optional(),
  })
  .loose()
  .transform((b) => ({
    id: b.id,
    uri: b.uri,
    name: b.name,
    authors: b.authors.map((a) => a.name),
    narrators: b.narrators.map((n) => n.name),
    ...(b.total_chapters !== undefined ? { totalChapters: b.total_chapters } : {}),
  }));
export const ChapterObject = z
  .object({
    id: z.string(),
    uri: z.string(),
    name: z.string(),
    chapter_number: z.number(),
    duration_ms: z.number(),
    resume_point: Resume,
  })
  .loose()
  .transform((c) => ({
    id: c.id,
    uri: c.uri,
    number: c.chapter_number,
    name: c.name,
    durationMs: c.duration_ms,
    ...(c.resume_point ? { resumePoint: c.resume_point } : {}),
  }));

const clock = (ms: number) => {
  const s = Math.round(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const mm = h ? String(m).padStart(2, '0') : String(m);
  return `${h ? `${h}:` : ''}${mm}:${String(s % 60).padStart(2, '0')}`;
};

/** "played", "stopped at 12:34 of 40:00", or nothing when not started. */
export function progress(
  point: z.infer<typeof ResumePoint> | undefined,
  durationMs: number,
): string {
  if (!point) return '';
  if (point.fullyPlayed) return ' · played';
  if (point.resumePositionMs > 0)
    return ` · stopped at ${clock(point.resumePositionMs)} of ${clock(durationMs)}`;
  return '';
}

export const showLine = (n: number, s: z.infer<typeof SpokenShow>) =>
  `${n}. ${s.name} — ${s.publisher} · ${s.uri}`;
export const episodeLine = (n: number, e: z.infer<typeof SpokenEpisode>) =>
  `${n}. ${e.name}${e.show ? ` — ${e.show}` : ''} · ${clock(e.durationMs)}${progress(e.resumePoint, e.durationMs)} · ${e.uri}`;
export const audiobookLine = (n: number, b: z.infer<typeof SpokenAudiobook>) =>
  `${n}. ${b.name} — ${b.authors.join(', ')} (read by ${b.narrators.join(', ')}) · ${b.uri}`;
export const chapterLine = (c: z.infer<typeof SpokenChapter>) =>
  `${c.number}. ${c.name} · ${clock(c.durationMs)}${progress(c.resumePoint, c.durationMs)} · ${c.uri}`;
