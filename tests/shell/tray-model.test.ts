import { describe, expect, it } from 'vitest';
import type { HostStatus } from '../../protocol/host-api.js';
import { DEFAULT_ASSISTANT_POLICY } from '../../protocol/policy.js';
import {
  allPaused,
  buildTrayMenu,
  deriveTrayState,
  relativeTime,
  trayTooltip,
  type TrayMenuItem,
} from '../../electron/shell/tray-model.js';

const now = new Date('2026-03-01T12:00:00Z');
const spotify = {
  provider: 'spotify' as const,
  status: 'connected' as const,
  displayName: 'Ada',
  accountId: 'ada',
  scopes: [],
};
const tidal = { provider: 'tidal' as const, status: 'disconnected' as const, scopes: [] };
const client = (name: string, extra: Partial<HostStatus['assistants'][number]> = {}) => ({
  assistantId: name.toLowerCase().replace(/\W/g, '-'),
  name,
  createdAt: '2026-02-01T00:00:00Z',
  revoked: false,
  policy: { ...DEFAULT_ASSISTANT_POLICY },
  ...extra,
});
const status = (over: Partial<HostStatus> = {}): HostStatus => ({
  sandbox: false,
  providers: [spotify, tidal],
  assistants: [client('Claude Desktop', { lastSeenAt: '2026-03-01T11:55:00Z' })],
  ...over,
});
const labels = (items: TrayMenuItem[]) =>
  items.map((item) => (item.kind === 'separator' ? '—' : item.label));

describe('tray state', () => {
  it('is all good with an account connected and an assistant active', () => {
    expect(deriveTrayState({ status: status(), unseenAlert: false })).toBe('all-good');
  });

  it('needs login when an account needs it, or none is connected', () => {
    expect(
      deriveTrayState({
        status: status({ providers: [{ ...spotify, status: 'needs-login' }, tidal] }),
        unseenAlert: false,
      }),
    ).toBe('needs-login');
    expect(deriveTrayState({ status: status({ providers: [tidal] }), unseenAlert: false })).toBe(
      'needs-login',
    );
  });

  it('is paused when every assistant with a key is paused', () => {
    const paused = { ...DEFAULT_ASSISTANT_POLICY, paused: true };
    const assistants = [client('A', { policy: paused }), client('B', { revoked: true })];
    expect(deriveTrayState({ status: status({ assistants }), unseenAlert: false })).toBe('paused');
    expect(allPaused(status({ assistants }))).toBe(true);
    // No assistants at all is not "paused".
    expect(deriveTrayState({ status: status({ assistants: [] }), unseenAlert: false })).toBe(
      'all-good',
    );
    expect(allPaused(status({ assistants: [] }))).toBe(false);
  });

  it('shows an unseen alert above everything', () => {
    expect(deriveTrayState({ status: status({ providers: [] }), unseenAlert: true })).toBe('alert');
    expect(trayTooltip('alert')).toMatch(/attention/);
    const items = buildTrayMenu({
      status: status(),
      unseenAlert: true,
      alertMessage: 'Six failed sign-ins in ten minutes',
      now,
    });
    expect(labels(items).slice(0, 2)).toEqual([
      'TuneBridge — Something needs your attention — open TuneBridge',
      '⚠ Six failed sign-ins in ten minutes',
    ]);
  });
});

describe('tray menu', () => {
  it('lists accounts, assistants with their last activity, and the actions', () => {
    const items = buildTrayMenu({ status: status(), unseenAlert: false, now });
    expect(labels(items)).toEqual([
      'TuneBridge — All good',
      '—',
      'Spotify: Ada',
      'TIDAL: not connected',
      '—',
      'Claude Desktop: active 5 min ago',
      '—',
      'Pause all assistants',
      'Open TuneBridge',
      '—',
      'Quit TuneBridge',
    ]);
    const pause = items.find((item) => item.kind === 'item' && item.action === 'toggle-pause');
    expect(pause).toMatchObject({ enabled: true });
    expect(items.at(-1)).toMatchObject({ action: 'quit' });
  });

  it('says when there is nothing yet, and disables pausing nobody', () => {
    const items = buildTrayMenu({
      status: status({ assistants: [client('Gone', { revoked: true })], sandbox: true }),
      unseenAlert: false,
      now,
    });
    expect(labels(items)).toContain('No assistants connected');
    expect(labels(items)[0]).toContain('(sandbox)');
    expect(
      items.find((item) => item.kind === 'item' && item.action === 'toggle-pause'),
    ).toMatchObject({ enabled: false });
  });

  it('shows needs-login, paused assistants, start at login and a storage warning', () => {
    const items = buildTrayMenu({
      status: status({
        providers: [{ ...spotify, status: 'needs-login' }],
        assistants: [
          client('Cursor', { policy: { ...DEFAULT_ASSISTANT_POLICY, paused: true } }),
          client('VS Code'),
        ],
      }),
      unseenAlert: false,
      secretStorageWarning: 'Your tokens are only obfuscated',
      startAtLogin: true,
      now,
    });
    const text = labels(items);
    expect(text).toContain('Spotify: Ada — needs login');
    expect(text).toContain('Cursor: paused');
    expect(text).toContain('VS Code: not used yet');
    expect(text).toContain('⚠ Your tokens are only obfuscated');
    expect(
      items.find((item) => item.kind === 'checkbox' && item.label === 'Start at login'),
    ).toMatchObject({
      checked: true,
      action: 'toggle-start-at-login',
    });
    expect(text).toContain('Pause all assistants');
  });

  it('offers Resume when everyone is paused, and a restart once an update is downloaded', () => {
    const items = buildTrayMenu({
      status: status({
        assistants: [client('Cursor', { policy: { ...DEFAULT_ASSISTANT_POLICY, paused: true } })],
      }),
      unseenAlert: false,
      updateReady: '0.2.0',
      now,
    });
    expect(labels(items)).toContain('Resume all assistants');
    expect(items.find((item) => item.kind === 'item' && item.label.startsWith('Restart'))).toEqual({
      kind: 'item',
      label: 'Restart to update (0.2.0)',
      enabled: true,
      action: 'restart-to-update',
    });
  });

  it('formats activity times', () => {
    expect(relativeTime('2026-03-01T11:59:30Z', now)).toBe('just now');
    expect(relativeTime('2026-03-01T09:00:00Z', now)).toBe('3 h ago');
    expect(relativeTime('2026-02-28T12:00:00Z', now)).toBe('1 day ago');
    expect(relativeTime('2026-01-01T00:00:00Z', now)).toBe('on 2026-01-01');
    expect(relativeTime('nonsense', now)).toBe('at an unknown time');
  });
});
