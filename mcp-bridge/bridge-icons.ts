// Written by build/make-icons.mjs from build/icons/mcp-*.png; don't edit by hand.
import type { Icon } from '@modelcontextprotocol/sdk/types.js';

export const SERVER_ICON: Icon = {
  src: 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAACAAAAAgCAYAAABzenr0AAABOElEQVR42mNgGIxAruJEglzFiflyFSf2UwmDzEogxmIDuYoT9+UqTvynEQaZbYDP8vc0tByG32N1BI19jhES2OL8P51xArID5lPLYI+Jl/4Xrb77f+6R5/+P3/0IZuNQOx/ZAfupYRk28PH7H1z695PlAKvO8/93Xn33n1iw+swr6jqgf88TvBaCQgIUIiAMAmGzrlHXAaBgR7cMFA0gcWR1IItp4gAQhlmOT82oA0YdMDIdACojQCUfTJ6uDgCVBdgAVRyQsugm3GfIPkRWg6suQC+gSHYAqOyHWYpe5CKrw1Y/4KmIiHcALDGhA5CFhNSB0gTNHACKFmxqQbUfyHHY5MlOA+jxe/XZV2o0XkjLBQ2bH4B9B6J1Gk5T3QHzB6BNOH/wNEoHvFk+KDomA941GxSd04EAAC41oFTvvW1FAAAAAElFTkSuQmCC',
  mimeType: 'image/png',
  sizes: ['32x32'],
};

/**
 * TuneBridge-drawn glyphs, one per service (not the services' logos; see docs/adding-a-tool.md).
 * No mimeType: the data: URI says it, and every tool in a list carries one.
 */
export const SERVICE_ICONS: Record<'spotify' | 'tidal' | 'cross-service', Icon> = {
  spotify: {
    src: 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAABAAAAAQAQMAAAAlPW0iAAAABlBMVEUejFD///8jHq4HAAAAJUlEQVR42mNggAAHBoYEBoYABgYPMAoAizgwsB9g4Acj9gaIOgBoPgU9/98HYAAAAABJRU5ErkJggg==',
    sizes: ['16x16'],
  },
  tidal: {
    src: 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAABAAAAAQAQMAAAAlPW0iAAAABlBMVEUYGBz///8AAytPAAAAJUlEQVR42mNggAAHBoYEBoYABgYPMAoAizgwsB9g4Acj9gaIOgBoPgU9/98HYAAAAABJRU5ErkJggg==',
    sizes: ['16x16'],
  },
  'cross-service': {
    src: 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAABAAAAAQAQMAAAAlPW0iAAAABlBMVEUeeMj////mXpHRAAAAI0lEQVR42mNggAMFBgYDBvkfIJJBgYGFgYGHAcTlYQCxYQAASScC7wyq2fUAAAAASUVORK5CYII=',
    sizes: ['16x16'],
  },
};
