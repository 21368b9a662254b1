import { describe, expect, it } from 'vitest';
import {
  codeChallengeS256,
  createCodeVerifier,
  createState,
  statesMatch,
} from '../../electron/host/auth/pkce.js';

describe('PKCE', () => {
  it('matches the RFC 7636 Appendix B example', () => {
    expect(codeChallengeS256('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe(
      'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    );
  });

  it('makes 64-character verifiers from the unreserved set, different every time', () => {
    const verifiers = Array.from({ length: 50 }, () => createCodeVerifier());
    for (const verifier of verifiers) {
      expect(verifier).toMatch(/^[A-Za-z0-9\-._~]{64}$/);
    }
    expect(new Set(verifiers).size).toBe(verifiers.length);
  });

  it('makes unguessable, unique states of at least 128 bits', () => {
    const states = Array.from({ length: 200 }, () => createState());
    expect(new Set(states).size).toBe(states.length);
    for (const state of states) {
      expect(Buffer.from(state, 'base64url').length).toBeGreaterThanOrEqual(16);
      expect(state).toMatch(/^[A-Za-z0-9_-]+$/);
    }
  });

  it('compares states exactly', () => {
    const state = createState();
    expect(statesMatch(state, state)).toBe(true);
    expect(statesMatch(state, `${state.slice(0, -1)}${state.endsWith('A') ? 'B' : 'A'}`)).toBe(
      false,
    );
    expect(statesMatch(state, state.slice(1))).toBe(false);
    expect(statesMatch(state, '')).toBe(false);
    expect(statesMatch('', '')).toBe(true);
  });
});
