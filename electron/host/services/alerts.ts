import { randomUUID } from 'node:crypto';
import type { HostAlert } from '../audit/security-alarms.js';
import type { HostDeps, StoredAlert } from './host-types.js';
import { MAX_STORED_ALERTS } from './host-types.js';

/**
 * Alerts the window lists until the person dismisses them (the audit log keeps them all).
 */
export class AlertsService {
  private readonly storedAlerts: StoredAlert[] = [];
  private readonly alertIds = new WeakMap<HostAlert, string>();

  constructor(private readonly deps: HostDeps) {
    deps.events.on('alert', (alert) => this.storeAlert(alert));
  }

  /** Recent alerts the person has not dismissed, newest last. */
  alerts(): StoredAlert[] {
    return [...this.storedAlerts];
  }

  /** The stored form (with its id) of an alert just emitted on `alert`. */
  storedAlert(alert: HostAlert): StoredAlert | undefined {
    const id = this.alertIds.get(alert);
    return this.storedAlerts.find((stored) => stored.id === id);
  }

  dismissAlert(id: string): void {
    const index = this.storedAlerts.findIndex((alert) => alert.id === id);
    if (index < 0) return;
    this.storedAlerts.splice(index, 1);
    this.deps.events.emit('alert.dismissed', id);
  }

  private storeAlert(alert: HostAlert): void {
    const stored: StoredAlert = { ...alert, id: randomUUID() };
    this.alertIds.set(alert, stored.id);
    this.storedAlerts.push(stored);
    if (this.storedAlerts.length > MAX_STORED_ALERTS) this.storedAlerts.shift();
  }
}
