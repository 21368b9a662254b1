import { aboutThisTrack } from './about-this-track.js';
import { activityMix } from './activity-mix.js';
import { cleanDuplicates } from './clean-duplicates.js';
import { copyToOtherService } from './copy-to-other-service.js';
import type { PromptDefinition } from './define-prompt.js';
import { listeningThisWeek } from './listening-this-week.js';
import { playAnAlbum } from './play-an-album.js';
import { playlistOnTidal } from './playlist-on-tidal.js';
import { tasteProfile } from './taste-profile.js';
import { tidalRadio } from './tidal-radio.js';
import { topTracksPlaylist } from './top-tracks-playlist.js';

/** Every prompt. Add one by adding its file and one line here. */
export const PROMPTS: readonly PromptDefinition[] = [
  listeningThisWeek,
  tasteProfile,
  aboutThisTrack,
  playlistOnTidal,
  topTracksPlaylist,
  activityMix,
  cleanDuplicates,
  copyToOtherService,
  playAnAlbum,
  tidalRadio,
];
