import * as z from 'zod';

/** Reading a playlist file someone pasted: CSV (with a header row), M3U/M3U8 or XSPF. */

export const ImportFormat = z
  .enum(['auto', 'csv', 'm3u', 'xspf'])
  .default('auto')
  .describe('The text’s format; auto looks at it.');

/** A track as a file describes it; duration and ISRC only when the file says. */
export interface FileTrack {
  title: string;
  artists: string[];
  durationMs?: number;
  isrc?: string;
}

const ISRC = /^[A-Z]{2}[A-Z0-9]{3}\d{7}$/;
const isrcOf = (value: string | undefined) => {
  const bare = value
    ?.replace(/^urn:isrc:|^isrc:/i, '')
    .replace(/-/g, '')
    .trim()
    .toUpperCase();
  return bare && ISRC.test(bare) ? bare : undefined;
};
const artistsOf = (value: string) =>
  value
    .split(/\s*[;,]\s*|\s+&\s+|\s+feat\.?\s+/i)
    .map((a) => a.trim())
    .filter(Boolean);

export function detectFormat(text: string): 'csv' | 'm3u' | 'xspf' {
  const start = text.trimStart();
  if (start.startsWith('<')) return 'xspf';
  if (start.startsWith('#EXTM3U') || start.startsWith('#EXTINF')) return 'm3u';
  return 'csv';
}

export function parseTracks(text: string, format: z.infer<typeof ImportFormat>): FileTrack[] {
  const kind = format === 'auto' ? detectFormat(text) : format;
  const tracks =
    kind === 'csv' ? parseCsv(text) : kind === 'm3u' ? parseM3u(text) : parseXspf(text);
  return tracks.filter((t) => t.title !== '' || t.isrc !== undefined);
}

/** RFC 4180 rows: quoted fields may hold commas, quotes ("") and line breaks. */
function csvRows(text: string, separator: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === separator) {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows.filter((r) => r.some((cell) => cell.trim() !== ''));
}

const COLUMN_NAMES: Record<keyof FileTrack, RegExp> = {
  title: /^(title|name|track|track name|song)$/i,
  artists: /^(artists?|artist name\(s\)|artist names?|creator|performer)$/i,
  durationMs: /^(duration|duration_ms|duration \(ms\)|length|time)$/i,
  isrc: /^isrc$/i,
};

function parseCsv(text: string): FileTrack[] {
  // Spreadsheets export with commas, semicolons or tabs; the header row tells which.
  const header0 = text.split(/\r?\n/, 1)[0] ?? '';
  const separator = header0.includes('\t')
    ? '\t'
    : header0.includes(',')
      ? ','
      : header0.includes(';')
        ? ';'
        : ',';
  const rows = csvRows(text, separator);
  const [header = [], ...body] = rows;
  const column = (key: keyof FileTrack) =>
    header.findIndex((h) => COLUMN_NAMES[key].test(h.trim()));
  const at = {
    title: column('title'),
    artists: column('artists'),
    duration: column('durationMs'),
    isrc: column('isrc'),
  };
  if (at.title < 0 && at.isrc < 0) return [];
  return body.map((cells) => {
    const cell = (i: number) => (i >= 0 ? (cells[i] ?? '').trim() : '');
    const duration = cell(at.duration);
    const isrc = isrcOf(cell(at.isrc));
    return {
      title: cell(at.title),
      artists: artistsOf(cell(at.artists)),
      ...(duration ? { durationMs: durationMsOf(duration) } : {}),
      ...(isrc ? { isrc } : {}),
    };
  });
}

/** "215000" (ms), "215" (s), "3:35" or "1:03:35". */
function durationMsOf(value: string): number | undefined {
  if (/^\d+(\.\d+)?$/.test(value)) {
    const n = Number(value);
    return n > 10_000 ? Math.round(n) : Math.round(n * 1000);
  }
  const parts = value.split(':').map(Number);
  if (parts.length < 2 || parts.some(Number.isNaN)) return undefined;
  return parts.reduce((total, part) => total * 60 + part, 0) * 1000;
}

function parseM3u(text: string): FileTrack[] {
  const tracks: FileTrack[] = [];
  for (const line of text.split(/\r?\n/)) {
    const info = /^#EXTINF:\s*(-?\d+(?:\.\d+)?)[^,]*,(.*)$/.exec(line.trim());
    if (!info) continue;
    const seconds = Number(info[1]);
    const label = (info[2] ?? '').trim();
    const dash = label.indexOf(' - ');
    tracks.push({
      title: dash < 0 ? label : label.slice(dash + 3).trim(),
      artists: dash < 0 ? [] : artistsOf(label.slice(0, dash)),
      ...(seconds > 0 ? { durationMs: Math.round(seconds * 1000) } : {}),
    });
  }
  return tracks;
}

const unescapeXml = (value: string) =>
  value
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&amp;/g, '&')
    .trim();

function parseXspf(text: string): FileTrack[] {
  const tag = (block: string, name: string) => {
    const found = new RegExp(`<${name}(?:\\s[^>]*)?>([\\s\\S]*?)</${name}>`, 'i').exec(block);
    return found ? unescapeXml(found[1] ?? '') : undefined;
  };
  return [...text.matchAll(/<track(?:\s[^>]*)?>([\s\S]*?)<\/track>/gi)].map((match) => {
    const block = match[1] ?? '';
    const identifiers = [...block.matchAll(/<identifier>([\s\S]*?)<\/identifier>/gi)];
    const isrc = identifiers.map((m) => isrcOf(unescapeXml(m[1] ?? ''))).find(Boolean);
    const duration = Number(tag(block, 'duration'));
    return {
      title: tag(block, 'title') ?? '',
      artists: artistsOf(tag(block, 'creator') ?? ''),
      ...(duration > 0 ? { durationMs: duration } : {}),
      ...(isrc ? { isrc } : {}),
    };
  });
}
