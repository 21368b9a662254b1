import type { TrayInput, TrayMenuItem } from './tray-model.js';

/**
 * The tray's security lines: the last 24 hours in one line (opens the window), and Lock down,
 * which the shell confirms once before it sends `security.lockdown`.
 */
export function securityItems(security: TrayInput['security']): TrayMenuItem[] {
  if (!security) return [];
  const items: TrayMenuItem[] = [
    { kind: 'item', label: security.summary, enabled: true, action: 'open' },
  ];
  if (security.lockdown) {
    items.push({ kind: 'item', label: 'Lock down…', enabled: true, action: 'lockdown' });
  }
  return items;
}
