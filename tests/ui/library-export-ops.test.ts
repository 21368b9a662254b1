import { describe, expect, it } from 'vitest';
import { ExportSource } from '../../protocol/library-export.js';
import { HostApiRequest, parseOperationResponse } from '../../protocol/operations.js';
import { exportFile, exportFileName } from '../../playlist-files/export-file.js';

describe('the window’s export operations', () => {
  it('takes only ids both services spell, so an id never adds to the request path', () => {
    for (const id of ['37i9dQZF1DXcBWIGoYBM5M', '0fb3ae4c-5b1f-4d38-9a09-6d2e5f1f0b11']) {
      expect(ExportSource.safeParse({ kind: 'playlist', id }).success, id).toBe(true);
    }
    for (const id of ['', '../me', 'a/b', 'a?limit=1', 'a%2Fb', 'x'.repeat(65)]) {
      expect(ExportSource.safeParse({ kind: 'playlist', id }).success, id).toBe(false);
    }
    expect(ExportSource.safeParse({ kind: 'library' }).success).toBe(true);
  });

  it('parses a request and checks the answer against the table', () => {
    const request = HostApiRequest.parse({
      op: 'library.export',
      provider: 'tidal',
      source: { kind: 'library' },
      format: 'xspf',
    });
    expect(request.op).toBe('library.export');
    expect(() =>
      HostApiRequest.parse({ op: 'library.export', provider: 'tidal', format: 'pdf' }),
    ).toThrow();
    const file = exportFile('spotify', 'Road trip: 2026!', [], 'm3u8');
    const answer = parseOperationResponse('library.export', {
      op: 'library.export',
      file: { ...file, sourceName: 'Road trip: 2026!', tracks: 0, truncated: false },
    });
    expect(answer.file).toMatchObject({
      fileName: 'Road-trip-2026.m3u8',
      mimeType: 'audio/x-mpegurl',
      text: '#EXTM3U\n#PLAYLIST:Road trip: 2026!',
    });
    expect(exportFileName('***', 'csv')).toBe('playlist.csv');
  });
});
