import type { ToolDefinition } from './define-tool.js';
import { searchSpotify } from './spotify/search-spotify.js';

/** Every tool the bridge offers. Add a tool by adding its file and one line here. */
export const TOOLS: readonly ToolDefinition[] = [searchSpotify];
