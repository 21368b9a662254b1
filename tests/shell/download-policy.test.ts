import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decideDownload, saveDialogFor } from '../../electron/shell/download-policy.js';

describe('downloads in the desktop window', () => {
  it('saves only Blobs the bundled page made', () => {
    expect(decideDownload('blob:app://tunebridge/5c1e4a0e-8f0a-4b61-9c59-0d1b8f7f3f11')).toBe(
      'save',
    );
    for (const url of [
      'https://example.com/playlist.csv',
      'blob:https://example.com/5c1e4a0e',
      'blob:app://tunebridge.evil/5c1e4a0e',
      'app://tunebridge/index.html',
      'file:///etc/passwd',
      'data:text/csv,a,b',
    ]) {
      expect(decideDownload(url), url).toBe('deny');
    }
  });

  it('opens the save dialog in Downloads with the page’s file name and type', () => {
    const downloads = join('/home', 'someone', 'Downloads');
    expect(saveDialogFor('Road-Trip.xspf', downloads)).toEqual({
      title: 'Save export',
      defaultPath: join(downloads, 'Road-Trip.xspf'),
      filters: [
        { name: 'XSPF file', extensions: ['xspf'] },
        { name: 'All files', extensions: ['*'] },
      ],
    });
    expect(saveDialogFor('../../.bashrc', downloads).defaultPath).toBe(join(downloads, '.bashrc'));
    expect(saveDialogFor('..\\..\\x.csv', downloads).defaultPath).toBe(join(downloads, 'x.csv'));
  });
});
