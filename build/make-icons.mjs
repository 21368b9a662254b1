// Draws TuneBridge's tray icons (one per state, 16 px and @2x 32 px) and the 512 px app icon
// as PNGs, with nothing but zlib: run `node build/make-icons.mjs` after changing a colour or a
// shape, and commit the results. Shapes are signed-distance functions, supersampled 4×4.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));

// --- PNG encoding -------------------------------------------------------------------------
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}
/** RGBA pixels (size × size × 4, 0–255) to a PNG file. */
export function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const rows = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    rows[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * RGBA pixels to a 1-bit PNG with a two-colour palette (the background colour and white) and no
 * other chunks: about 110 bytes at 16 px, where a 2-bit one with transparency and anti-aliasing
 * took about 165, and every tool in a list carries one. (Trying `up` filters and other zlib
 * strategies gave nothing smaller for these glyphs.)
 */
export function encodeTwoColourPng(size, rgba, colour) {
  const stride = Math.ceil(size / 8) + 1;
  const rows = Buffer.alloc(stride * size); // each row starts with filter 0 (none)
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const i = (y * size + x) * 4;
      const [r, g, b] = [rgba[i], rgba[i + 1], rgba[i + 2]];
      const white = (r - 255) ** 2 + (g - 255) ** 2 + (b - 255) ** 2;
      const background = (r - colour[0]) ** 2 + (g - colour[1]) ** 2 + (b - colour[2]) ** 2;
      if (white < background) rows[y * stride + 1 + (x >> 3)] |= 0x80 >> (x & 7);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 1; // bit depth
  header[9] = 3; // palette
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('PLTE', Buffer.from([...colour, 255, 255, 255])),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// --- Shapes (coordinates in a 0..1 square) ------------------------------------------------
const circle = (cx, cy, r) => (x, y) => Math.hypot(x - cx, y - cy) - r;
const box =
  (x0, y0, x1, y1, round = 0) =>
  (x, y) => {
    const cx = (x0 + x1) / 2;
    const cy = (y0 + y1) / 2;
    const qx = Math.abs(x - cx) - ((x1 - x0) / 2 - round);
    const qy = Math.abs(y - cy) - ((y1 - y0) / 2 - round);
    return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - round;
  };
const segment = (ax, ay, bx, by, r) => (x, y) => {
  const px = x - ax;
  const py = y - ay;
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, (px * dx + py * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - dx * t, py - dy * t) - r;
};
const union =
  (...shapes) =>
  (x, y) =>
    Math.min(...shapes.map((shape) => shape(x, y)));

/** Paints layers [shape, [r, g, b]] back to front; returns RGBA. */
function render(size, layers) {
  const pixels = Buffer.alloc(size * size * 4);
  const samples = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let [r, g, b, a] = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples) / size;
          const y = (py + (sy + 0.5) / samples) / size;
          let colour;
          for (const [shape, rgb] of layers) if (shape(x, y) <= 0) colour = rgb;
          if (colour) {
            r += colour[0];
            g += colour[1];
            b += colour[2];
            a += 1;
          }
        }
      }
      const i = (py * size + px) * 4;
      if (a > 0) {
        pixels[i] = Math.round(r / a);
        pixels[i + 1] = Math.round(g / a);
        pixels[i + 2] = Math.round(b / a);
      }
      pixels[i + 3] = Math.round((255 * a) / (samples * samples));
    }
  }
  return pixels;
}

// --- TuneBridge's icons --------------------------------------------------------------------
const WHITE = [255, 255, 255];
const disc = circle(0.5, 0.5, 0.47);
/** Colour and a white glyph per tray state, so the state reads without colour vision too. */
const TRAY = {
  'all-good': {
    colour: [34, 139, 84],
    glyph: union(segment(0.28, 0.52, 0.44, 0.68, 0.075), segment(0.44, 0.68, 0.73, 0.34, 0.075)),
  },
  'needs-login': {
    colour: [196, 130, 0],
    // A key: a ring's bow and a bit.
    glyph: (x, y) =>
      Math.min(
        Math.abs(circle(0.36, 0.5, 0.13)(x, y)) - 0.06,
        box(0.45, 0.45, 0.78, 0.55)(x, y),
        box(0.64, 0.5, 0.72, 0.66)(x, y),
      ),
  },
  paused: {
    colour: [104, 110, 122],
    glyph: union(box(0.33, 0.27, 0.45, 0.73, 0.03), box(0.55, 0.27, 0.67, 0.73, 0.03)),
  },
  alert: {
    colour: [200, 40, 40],
    glyph: union(box(0.44, 0.2, 0.56, 0.6, 0.04), circle(0.5, 0.75, 0.07)),
  },
};

mkdirSync(join(here, 'icons'), { recursive: true });
for (const [state, { colour, glyph }] of Object.entries(TRAY)) {
  for (const [size, suffix] of [
    [16, ''],
    [32, '@2x'],
  ]) {
    const png = encodePng(
      size,
      render(size, [
        [disc, colour],
        [glyph, WHITE],
      ]),
    );
    writeFileSync(join(here, 'icons', `tray-${state}${suffix}.png`), png);
  }
}

// The app icon: a rounded square with two beamed notes.
const note = union(
  circle(0.36, 0.68, 0.09),
  circle(0.66, 0.62, 0.09),
  box(0.41, 0.28, 0.46, 0.68),
  box(0.71, 0.22, 0.76, 0.62),
  segment(0.435, 0.3, 0.735, 0.24, 0.045),
);
writeFileSync(
  join(here, 'icon.png'),
  encodePng(
    512,
    render(512, [
      [box(0.04, 0.04, 0.96, 0.96, 0.2), [30, 120, 200]],
      [note, WHITE],
    ]),
  ),
);

// The MCP server's icon (the app icon at 32 px) and one glyph per service for its tools, 16 px.
// The glyphs are TuneBridge's own drawings, not the services' logos: Spotify's and TIDAL's
// brand guidelines allow their logos only unaltered, at sizes and with clear space that a 16 px
// tool icon can't give. Written to build/icons and, as data: URIs, to mcp-bridge/bridge-icons.ts.
const appIcon = (size) =>
  encodePng(
    size,
    render(size, [
      [box(0.04, 0.04, 0.96, 0.96, 0.2), [30, 120, 200]],
      [note, WHITE],
    ]),
  );
// Drawn pixel by pixel: at 16 px in two colours, shapes scaled down lose their arrowheads.
const pixels = (rows) => (x, y) => (rows[Math.floor(y * 16)][Math.floor(x * 16)] === '#' ? -1 : 1);
const singleNote = pixels([
  '................',
  '................',
  '.........#......',
  '.........##.....',
  '.........#.#....',
  '.........#..#...',
  '.........#..#...',
  '.........#.#....',
  '.........#......',
  '.........#......',
  '.....#####......',
  '....######......',
  '....######......',
  '.....####.......',
  '................',
  '................',
]);
const swap = pixels([
  '................',
  '................',
  '................',
  '..........#.....',
  '..........##....',
  '...##########...',
  '..........##....',
  '..........#.....',
  '.....#..........',
  '....##..........',
  '...##########...',
  '....##..........',
  '.....#..........',
  '................',
  '................',
  '................',
]);
const tile = box(0, 0, 1, 1);
const SERVICE_GLYPHS = {
  spotify: [[30, 140, 80], singleNote],
  tidal: [[24, 24, 28], singleNote],
  'cross-service': [[30, 120, 200], swap],
};
const dataUris = { server: appIcon(32) };
writeFileSync(join(here, 'icons', 'mcp-server.png'), dataUris.server);
for (const [service, [colour, glyph]] of Object.entries(SERVICE_GLYPHS)) {
  // Two-colour tiles, so the PNG stays small: a square of the service's colour (a disc would
  // need a third colour, transparent) and a white glyph without anti-aliasing.
  const png = encodeTwoColourPng(
    16,
    render(16, [
      [tile, colour],
      [glyph, WHITE],
    ]),
    colour,
  );
  writeFileSync(join(here, 'icons', `mcp-${service}.png`), png);
  dataUris[service] = png;
}
const uri = (png) => `data:image/png;base64,${png.toString('base64')}`;
writeFileSync(
  join(here, '..', 'mcp-bridge', 'bridge-icons.ts'),
  `// Written by build/make-icons.mjs from build/icons/mcp-*.png; don't edit by hand.
import type { Icon } from '@modelcontextprotocol/sdk/types.js';

export const SERVER_ICON: Icon = {
  src: '${uri(dataUris.server)}',
  mimeType: 'image/png',
  sizes: ['32x32'],
};

/**
 * TuneBridge-drawn glyphs, one per service (not the services' logos; see docs/adding-a-tool.md).
 * No mimeType: the data: URI says it, and every tool in a list carries one.
 */
export const SERVICE_ICONS: Record<'spotify' | 'tidal' | 'cross-service', Icon> = {
${Object.keys(SERVICE_GLYPHS)
  .map(
    (service) =>
      // Quoted only where a key needs it, as Prettier writes them.
      `  ${/^\w+$/.test(service) ? service : `'${service}'`}: {\n    src: '${uri(dataUris[service])}',\n    sizes: ['16x16'],\n  },`,
  )
  .join('\n')}
};
`,
);
