import { describe, expect, it } from 'vitest';
import {
  CapabilityStore,
  MAX_CAPABILITY_TTL_MS,
} from '../../electron/host/broker/capability-store.js';

describe('capabilities', () => {
  it('are bound to one client and provider', () => {
    const store = new CapabilityStore();
    const { token } = store.issue({
      assistantId: 'a',
      provider: 'spotify',
      scopes: new Set(['x']),
    });
    expect(store.check(token, 'a', 'spotify').ok).toBe(true);
    expect(store.check(token, 'b', 'spotify')).toEqual({ ok: false, reason: 'capability_invalid' });
    expect(store.check(token, 'a', 'tidal')).toEqual({ ok: false, reason: 'capability_invalid' });
    expect(store.check('tbc_forged', 'a', 'spotify')).toEqual({
      ok: false,
      reason: 'capability_invalid',
    });
  });

  it('never live longer than five minutes, whatever is asked', () => {
    let now = 1_000_000;
    const store = new CapabilityStore(60 * 60 * 1000, () => now);
    const { token, expiresAt } = store.issue({
      assistantId: 'a',
      provider: 'spotify',
      scopes: new Set(),
    });
    expect(expiresAt - now).toBe(MAX_CAPABILITY_TTL_MS);
    now += MAX_CAPABILITY_TTL_MS;
    expect(store.check(token, 'a', 'spotify')).toEqual({ ok: false, reason: 'capability_expired' });
  });

  it('die at once when revoked', () => {
    const store = new CapabilityStore();
    const a = store.issue({ assistantId: 'a', provider: 'spotify', scopes: new Set() });
    const b = store.issue({ assistantId: 'b', provider: 'spotify', scopes: new Set() });
    expect(store.revokeWhere((c) => c.assistantId === 'a')).toBe(1);
    expect(store.check(a.token, 'a', 'spotify').ok).toBe(false);
    expect(store.check(b.token, 'b', 'spotify').ok).toBe(true);
  });
});
