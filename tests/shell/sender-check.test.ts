import { describe, expect, it } from 'vitest';
import { checkSender } from '../../electron/shell/sender-check.js';

const ours = new Set([7]);
const ui = { webContentsId: 7, frameUrl: 'app://tunebridge/index.html', isMainFrame: true };

describe('IPC sender check', () => {
  it('accepts the top frame of our window showing the bundled UI', () => {
    expect(checkSender(ui, ours)).toEqual({ trusted: true });
    expect(checkSender({ ...ui, frameUrl: 'app://tunebridge/index.html#/activity' }, ours)).toEqual(
      {
        trusted: true,
      },
    );
  });

  it.each([
    ['another web contents', { ...ui, webContentsId: 8 }],
    ['a subframe', { ...ui, isMainFrame: false }],
    ['a frame that is gone', { ...ui, frameUrl: undefined }],
    ['a remote page', { ...ui, frameUrl: 'https://evil.example/index.html' }],
    ['a file:// page', { ...ui, frameUrl: 'file:///home/me/dist/ui/index.html' }],
    ['another app:// host', { ...ui, frameUrl: 'app://evil/index.html' }],
    ['a lookalike host', { ...ui, frameUrl: 'app://tunebridge.evil.example/index.html' }],
    ['a data: URL', { ...ui, frameUrl: 'data:text/html,<script>1</script>' }],
    ['about:blank', { ...ui, frameUrl: 'about:blank' }],
    ['garbage', { ...ui, frameUrl: 'not a url' }],
  ])('refuses %s', (_name, sender) => {
    const verdict = checkSender(sender, ours);
    expect(verdict.trusted).toBe(false);
    if (!verdict.trusted) expect(verdict.reason).toMatch(/\w/);
  });

  it('does not log a refused URL’s query string', () => {
    const verdict = checkSender({ ...ui, frameUrl: 'https://evil.example/x?token=secret' }, ours);
    expect(verdict.trusted).toBe(false);
    if (!verdict.trusted) expect(verdict.reason).not.toContain('secret');
  });
});
