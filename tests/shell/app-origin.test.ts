import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentTypeFor, isAppUrl, resolveAppAsset } from '../../electron/shell/app-origin.js';

const root = resolve('/opt/TuneBridge/dist/ui');

describe('app:// origin', () => {
  it('maps our URLs into dist/ui', () => {
    expect(resolveAppAsset('app://tunebridge/index.html', root)).toBe(join(root, 'index.html'));
    expect(resolveAppAsset('app://tunebridge/app.js?v=1', root)).toBe(join(root, 'app.js'));
    expect(resolveAppAsset('app://tunebridge/assets/a%20b.css', root)).toBe(
      join(root, 'assets', 'a b.css'),
    );
    // Client-side routes get the page.
    expect(resolveAppAsset('app://tunebridge/', root)).toBe(join(root, 'index.html'));
    expect(resolveAppAsset('app://tunebridge/activity', root)).toBe(join(root, 'index.html'));
  });

  it.each([
    'app://tunebridge/../../etc/passwd',
    'app://tunebridge/%2e%2e/%2e%2e/etc/passwd',
    'app://tunebridge/..%2f..%2fetc%2fpasswd',
    'app://tunebridge/a%5c..%5c..%5csecret.txt',
    'app://tunebridge/%00.js',
    'app://tunebridge/%E0%A4%A',
    'app://other/index.html',
    'https://tunebridge/index.html',
    'file:///opt/TuneBridge/dist/ui/index.html',
  ])('serves nothing for %s', (url) => {
    const file = resolveAppAsset(url, root);
    if (file !== undefined) expect(file.startsWith(root)).toBe(true);
    expect(file === undefined || file === join(root, 'index.html')).toBe(true);
  });

  it('knows its own origin', () => {
    expect(isAppUrl('app://tunebridge/index.html')).toBe(true);
    expect(isAppUrl('app://tunebridgex/index.html')).toBe(false);
    expect(isAppUrl('https://tunebridge/')).toBe(false);
  });

  it('never leaves a type to sniffing', () => {
    expect(contentTypeFor('/x/app.js')).toMatch(/^text\/javascript/);
    expect(contentTypeFor('/x/app.CSS')).toMatch(/^text\/css/);
    expect(contentTypeFor('/x/blob.bin')).toBe('application/octet-stream');
  });
});
