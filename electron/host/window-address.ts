import { HostError } from './errors.js';

/**
 * Who can mint a window address for a running host: the headless window's server registers
 * itself once it listens (`tunebridge serve`). Keyed by the host's controller, which the broker
 * and the operations already hold, so nothing else in the host has to know about the window.
 */
const openers = new WeakMap<object, () => string>();

export function offerWindowAddresses(controller: object, newOpeningUrl: () => string): void {
  openers.set(controller, newOpeningUrl);
}

export function newWindowAddress(controller: object): string {
  const opener = openers.get(controller);
  if (!opener) {
    throw new HostError(
      'not_found',
      'This TuneBridge has no browser window to open: it is the desktop app (open it from the tray icon), or it runs without one.',
    );
  }
  return opener();
}
