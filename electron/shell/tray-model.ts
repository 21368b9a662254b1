import type { HostStatus } from '../../protocol/host-api.js';
import { PROVIDER_NAMES } from '../../protocol/providers.js';
import { securityItems } from './tray-security.js';

/**
 * What the tray shows, derived from the host's status alone so it can be tested without
 * Electron: one icon state, a tooltip, and the menu as data that tray.ts turns into a `Menu`.
 */
export type TrayState = 'all-good' | 'needs-login' | 'paused' | 'alert';

export const TRAY_STATES: readonly TrayState[] = ['all-good', 'needs-login', 'paused', 'alert'];

export interface TrayInput {
  status: HostStatus;
  /** An alert arrived since the person last opened the window. */
  unseenAlert: boolean;
  /** The latest alert's sentence, shown at the top of the menu while it is unseen. */
  alertMessage?: string;
  /** Set when secrets are kept with weak protection the person opted into. */
  secretStorageWarning?: string;
  /** Undefined where the platform cannot start apps at login. */
  startAtLogin?: boolean;
  /** A downloaded update waiting for a restart. */
  updateReady?: string;
  /** The Security view's one line (`security.overview`'s `summary`), and whether to offer Lock down. */
  security?: { summary: string; lockdown: boolean };
  now: Date;
}

/** The most urgent thing first: an alert, then a login to renew, then a pause. */
export function deriveTrayState(input: Pick<TrayInput, 'status' | 'unseenAlert'>): TrayState {
  if (input.unseenAlert) return 'alert';
  const { providers, assistants } = input.status;
  const connected = providers.filter((provider) => provider.status === 'connected');
  if (connected.length === 0 || providers.some((provider) => provider.status === 'needs-login')) {
    return 'needs-login';
  }
  const active = assistants.filter((assistant) => !assistant.revoked);
  if (active.length > 0 && active.every((assistant) => assistant.policy.paused)) return 'paused';
  return 'all-good';
}

const STATE_SENTENCES: Record<TrayState, string> = {
  'all-good': 'All good',
  'needs-login': 'A music account needs you to log in',
  paused: 'All assistants are paused',
  alert: 'Something needs your attention — open TuneBridge',
};

export function trayTooltip(state: TrayState): string {
  return `TuneBridge — ${STATE_SENTENCES[state]}`;
}

export type TrayAction =
  'open' | 'toggle-pause' | 'toggle-start-at-login' | 'restart-to-update' | 'lockdown' | 'quit';

export type TrayMenuItem =
  | { kind: 'separator' }
  | { kind: 'item'; label: string; enabled: boolean; action?: TrayAction }
  | { kind: 'checkbox'; label: string; checked: boolean; enabled: boolean; action: TrayAction };

/** Whether "Pause all access" is on: every assistant that still has a key is paused. */
export function allPaused(status: HostStatus): boolean {
  const active = status.assistants.filter((assistant) => !assistant.revoked);
  return active.length > 0 && active.every((assistant) => assistant.policy.paused);
}

export function buildTrayMenu(input: TrayInput): TrayMenuItem[] {
  const state = deriveTrayState(input);
  const { status } = input;
  const items: TrayMenuItem[] = [
    {
      kind: 'item',
      label: `TuneBridge${status.sandbox ? ' (sandbox)' : ''} — ${STATE_SENTENCES[state]}`,
      enabled: false,
    },
  ];
  if (input.unseenAlert && input.alertMessage) {
    items.push({ kind: 'item', label: `⚠ ${input.alertMessage}`, enabled: true, action: 'open' });
  }
  if (input.secretStorageWarning) {
    items.push({
      kind: 'item',
      label: `⚠ ${input.secretStorageWarning}`,
      enabled: true,
      action: 'open',
    });
  }

  items.push(...securityItems(input.security));
  items.push({ kind: 'separator' });
  if (status.providers.length === 0) {
    items.push({
      kind: 'item',
      label: 'No music service is set up',
      enabled: true,
      action: 'open',
    });
  }
  for (const provider of status.providers) {
    const name = PROVIDER_NAMES[provider.provider];
    const account = provider.displayName ?? provider.accountId;
    const label =
      provider.status === 'connected'
        ? `${name}: ${account ?? 'connected'}`
        : provider.status === 'needs-login'
          ? `${name}: ${account ? `${account} — ` : ''}needs login`
          : `${name}: not connected`;
    items.push({ kind: 'item', label, enabled: true, action: 'open' });
  }

  items.push({ kind: 'separator' });
  const active = status.assistants.filter((assistant) => !assistant.revoked);
  if (active.length === 0) {
    items.push({ kind: 'item', label: 'No assistants connected', enabled: true, action: 'open' });
  }
  for (const assistant of active) {
    const activity = assistant.policy.paused
      ? 'paused'
      : assistant.lastSeenAt
        ? `active ${relativeTime(assistant.lastSeenAt, input.now)}`
        : 'not used yet';
    items.push({
      kind: 'item',
      label: `${assistant.name}: ${activity}`,
      enabled: true,
      action: 'open',
    });
  }

  items.push({ kind: 'separator' });
  items.push({
    kind: 'item',
    label: allPaused(status) ? 'Resume all assistants' : 'Pause all assistants',
    enabled: active.length > 0,
    action: 'toggle-pause',
  });
  if (input.startAtLogin !== undefined) {
    items.push({
      kind: 'checkbox',
      label: 'Start at login',
      checked: input.startAtLogin,
      enabled: true,
      action: 'toggle-start-at-login',
    });
  }
  items.push({ kind: 'item', label: 'Open TuneBridge', enabled: true, action: 'open' });
  items.push({ kind: 'separator' });
  if (input.updateReady) {
    items.push({
      kind: 'item',
      label: `Restart to update (${input.updateReady})`,
      enabled: true,
      action: 'restart-to-update',
    });
  }
  items.push({ kind: 'item', label: 'Quit TuneBridge', enabled: true, action: 'quit' });
  return items;
}

/** "just now", "5 min ago", "3 h ago", "2 days ago", then the date. */
export function relativeTime(iso: string, now: Date): string {
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return 'at an unknown time';
  const seconds = Math.max(0, Math.round((now.getTime() - then) / 1000));
  if (seconds < 60) return 'just now';
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  const days = Math.floor(hours / 24);
  if (days < 14) return `${days} day${days === 1 ? '' : 's'} ago`;
  return `on ${new Date(then).toISOString().slice(0, 10)}`;
}
