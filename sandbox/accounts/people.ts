import type { SandboxPerson } from './types.js';

/** The accounts the consent page offers; Premium first, as it is the one most tests want. */
export const SANDBOX_PEOPLE: readonly SandboxPerson[] = [
  {
    key: 'listener',
    displayName: 'Sandbox Listener',
    username: 'sandbox-listener',
    firstName: 'Sandbox',
    lastName: 'Listener',
    email: 'listener@sandbox.tunebridge.invalid',
    product: 'premium',
    country: 'GB',
  },
  {
    key: 'free',
    displayName: 'Free Listener',
    username: 'free-listener',
    firstName: 'Free',
    lastName: 'Listener',
    email: 'free@sandbox.tunebridge.invalid',
    product: 'free',
    country: 'US',
  },
  {
    // Premium with devices, none of them active: player commands answer NO_ACTIVE_DEVICE.
    key: 'idle',
    displayName: 'Idle Listener',
    username: 'idle-listener',
    firstName: 'Idle',
    lastName: 'Listener',
    email: 'idle@sandbox.tunebridge.invalid',
    product: 'premium',
    country: 'DE',
  },
];
