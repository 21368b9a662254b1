import { describe, expect, it } from 'vitest';
import { nameForMcpClient, uniqueName } from '../../electron/host/clients/assistant-names.js';
import { tildePath, tildePaths } from '../../protocol/home-path.js';

describe('assistant names', () => {
  it('adds the first free suffix, ignoring case', () => {
    expect(uniqueName('Claude Desktop', [])).toBe('Claude Desktop');
    expect(uniqueName('Claude Desktop', ['claude desktop'])).toBe('Claude Desktop (2)');
    expect(uniqueName('Cursor', ['Cursor', 'Cursor (2)'])).toBe('Cursor (3)');
    expect(uniqueName('  ', [])).toBe('MCP client');
  });

  it('reads MCP clients’ own names the way their users know them', () => {
    expect(nameForMcpClient('claude-ai')).toBe('Claude Desktop');
    expect(nameForMcpClient('cursor-vscode')).toBe('Cursor');
    expect(nameForMcpClient('Visual Studio Code')).toBe('VS Code');
    expect(nameForMcpClient('my-own-client')).toBe('my-own-client');
    expect(nameForMcpClient('tunebridge-bridge')).toBeUndefined();
    expect(nameForMcpClient('\u0007\u001b[31m')).toBe('31m');
  });
});

describe('paths in the home', () => {
  it('reads ~/… for the home and below it, and leaves look-alikes alone', () => {
    expect(tildePath('/home/ana/.config/Claude/x.json', '/home/ana')).toBe(
      '~/.config/Claude/x.json',
    );
    expect(tildePath('wrote /home/ana/a; kept /home/ana/b.', '/home/ana/')).toBe(
      'wrote ~/a; kept ~/b.',
    );
    expect(tildePath('/home/anabel/x', '/home/ana')).toBe('/home/anabel/x');
    expect(tildePath('C:\\Users\\Ana\\AppData\\x', 'C:\\Users\\Ana')).toBe('~\\AppData\\x');
    expect(tildePaths({ a: ['/home/ana/x'], n: 1 }, '/home/ana')).toEqual({ a: ['~/x'], n: 1 });
  });
});
