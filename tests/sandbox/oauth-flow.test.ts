import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../sandbox/index.js';
import {
  authorizationUrl,
  getJson,
  pkcePair,
  postToken,
  signIn,
  startCallbackListener,
  type CallbackListener,
} from './oauth-helpers.js';

describe('sandbox OAuth (authorization code with PKCE)', () => {
  let sandbox: Sandbox;
  let listener: CallbackListener;

  beforeAll(async () => {
    sandbox = await startSandbox();
    listener = await startCallbackListener();
  });
  afterAll(async () => {
    await listener?.close();
    await sandbox?.close();
  });

  it('shows a consent page with Approve and Deny, carrying only a server-side request id', async () => {
    const { challenge } = pkcePair();
    const url = authorizationUrl(sandbox.spotify, {
      redirectUri: listener.redirectUri,
      challenge,
      scope: 'user-read-private user-read-email',
    });
    const response = await fetch(url);
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(html).toContain('TuneBridge wants to');
    expect(html).toContain('Get your real email address');
    expect(html).toMatch(/<button[^>]*>Approve<\/button>/);
    expect(html).toMatch(/<button[^>]*>Deny<\/button>/);
    expect(html).toContain('<select id="person" name="person">');
    expect(html).toContain('Sandbox Listener');
    expect(html).toContain('Free Listener');
    expect(html).not.toContain(challenge);
    expect(html).not.toContain(encodeURIComponent(listener.redirectUri));
  });

  it('completes the flow through the consent form over HTTP', async () => {
    const { verifier, challenge } = pkcePair();
    const url = authorizationUrl(sandbox.spotify, {
      redirectUri: listener.redirectUri,
      challenge,
      state: 'xyz',
    });
    const html = await (await fetch(url)).text();
    const requestId = /name="request" value="([^"]+)"/.exec(html)?.[1] ?? '';
    const decision = await fetch(`${sandbox.spotify.baseUrl}/authorize/decision`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        request: requestId,
        person: 'free',
        decision: 'approve',
      }).toString(),
      redirect: 'manual',
    });
    expect(decision.status).toBe(302);
    const location = new URL(decision.headers.get('location') ?? '');
    expect(`${location.origin}${location.pathname}`).toBe(listener.redirectUri);
    expect(location.searchParams.get('state')).toBe('xyz');
    const answer = await postToken(sandbox.spotify, {
      grant_type: 'authorization_code',
      code: location.searchParams.get('code') ?? '',
      redirect_uri: listener.redirectUri,
      code_verifier: verifier,
      client_id: sandbox.spotify.clientId,
    });
    expect(answer.status).toBe(200);
    const me = await getJson(
      `${sandbox.spotify.apiBaseUrl}/v1/me`,
      String(answer.body.access_token),
    );
    expect(me.body).toMatchObject({ display_name: 'Free Listener' });
  });

  it('issues tokens through approve() and the loopback callback', async () => {
    const hitsBefore = listener.hits.length;
    const tokens = await signIn(sandbox.spotify, listener, { scope: 'user-read-private' });
    expect(listener.hits.length).toBe(hitsBefore + 1);
    expect(tokens.access_token.length).toBeGreaterThanOrEqual(32);
    expect(tokens.refresh_token.length).toBeGreaterThanOrEqual(32);
    expect(tokens).toMatchObject({
      token_type: 'Bearer',
      expires_in: 3600,
      scope: 'user-read-private',
    });
    const issued = sandbox.spotify.issuedTokens();
    expect(issued).toContain(tokens.access_token);
    expect(issued).toContain(tokens.refresh_token);
    const me = await getJson(`${sandbox.spotify.apiBaseUrl}/v1/me`, tokens.access_token);
    expect(me.body).toMatchObject({ display_name: 'Sandbox Listener', product: 'premium' });
  });

  it('rejects a wrong code_verifier, and the code cannot be retried', async () => {
    const { challenge, verifier } = pkcePair();
    const url = authorizationUrl(sandbox.spotify, { redirectUri: listener.redirectUri, challenge });
    const code = new URL(await sandbox.spotify.approve(url)).searchParams.get('code') ?? '';
    const form = {
      grant_type: 'authorization_code',
      code,
      redirect_uri: listener.redirectUri,
      client_id: sandbox.spotify.clientId,
    };
    const wrong = await postToken(sandbox.spotify, { ...form, code_verifier: pkcePair().verifier });
    expect(wrong).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    const retry = await postToken(sandbox.spotify, { ...form, code_verifier: verifier });
    expect(retry).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
  });

  it('accepts a code once and revokes its tokens when it is replayed', async () => {
    const { challenge, verifier } = pkcePair();
    const url = authorizationUrl(sandbox.spotify, { redirectUri: listener.redirectUri, challenge });
    const code = new URL(await sandbox.spotify.approve(url)).searchParams.get('code') ?? '';
    const form = {
      grant_type: 'authorization_code',
      code,
      redirect_uri: listener.redirectUri,
      code_verifier: verifier,
      client_id: sandbox.spotify.clientId,
    };
    const first = await postToken(sandbox.spotify, form);
    expect(first.status).toBe(200);
    const again = await postToken(sandbox.spotify, form);
    expect(again).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    const me = await getJson(
      `${sandbox.spotify.apiBaseUrl}/v1/me`,
      String(first.body.access_token),
    );
    expect(me.status).toBe(401);
  });

  it('requires the redirect_uri of the authorization at the token endpoint', async () => {
    const { challenge, verifier } = pkcePair();
    const url = authorizationUrl(sandbox.spotify, { redirectUri: listener.redirectUri, challenge });
    const code = new URL(await sandbox.spotify.approve(url)).searchParams.get('code') ?? '';
    const answer = await postToken(sandbox.spotify, {
      grant_type: 'authorization_code',
      code,
      redirect_uri: `${listener.redirectUri}/other`,
      code_verifier: verifier,
      client_id: sandbox.spotify.clientId,
    });
    expect(answer).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
  });

  it('shows an error page, never a redirect, for an unknown client or redirect URI', async () => {
    const { challenge } = pkcePair();
    const good = authorizationUrl(sandbox.spotify, {
      redirectUri: listener.redirectUri,
      challenge,
    });
    const badClient = good.replace(sandbox.spotify.clientId, 'someone-else');
    const badRedirect = authorizationUrl(sandbox.spotify, {
      redirectUri: 'https://evil.example/callback',
      challenge,
    });
    for (const url of [badClient, badRedirect]) {
      const response = await fetch(url, { redirect: 'manual' });
      expect(response.status).toBe(400);
      expect(response.headers.get('location')).toBeNull();
      expect(await response.text()).toContain('INVALID_CLIENT');
      await expect(sandbox.spotify.approve(url)).rejects.toThrow(/INVALID_CLIENT/);
    }
  });

  it('redirects with an error when PKCE is missing or a scope is unknown', async () => {
    const { challenge } = pkcePair();
    const noPkce = new URL(
      authorizationUrl(sandbox.spotify, { redirectUri: listener.redirectUri, challenge }),
    );
    noPkce.searchParams.delete('code_challenge');
    const followed = new URL(await sandbox.spotify.approve(noPkce.toString()));
    expect(followed.searchParams.get('error')).toBe('invalid_request');
    const badScope = authorizationUrl(sandbox.spotify, {
      redirectUri: listener.redirectUri,
      challenge,
      scope: 'user-read-everything',
    });
    expect(new URL(await sandbox.spotify.approve(badScope)).searchParams.get('error')).toBe(
      'invalid_scope',
    );
  });

  it('sends access_denied with the state when the person denies', async () => {
    const { challenge } = pkcePair();
    const url = authorizationUrl(sandbox.spotify, {
      redirectUri: listener.redirectUri,
      challenge,
      state: 'keep-me',
    });
    const followed = new URL(await sandbox.spotify.deny(url));
    expect(followed.searchParams.get('error')).toBe('access_denied');
    expect(followed.searchParams.get('state')).toBe('keep-me');
    expect(followed.searchParams.get('code')).toBeNull();
    expect(listener.hits.at(-1)?.searchParams.get('error')).toBe('access_denied');
  });

  it('rotates Spotify refresh tokens and rejects the old one', async () => {
    const tokens = await signIn(sandbox.spotify, listener);
    const form = { grant_type: 'refresh_token', client_id: sandbox.spotify.clientId };
    const refreshed = await postToken(sandbox.spotify, {
      ...form,
      refresh_token: tokens.refresh_token,
    });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.refresh_token).toEqual(expect.any(String));
    expect(refreshed.body.refresh_token).not.toBe(tokens.refresh_token);
    const old = await postToken(sandbox.spotify, { ...form, refresh_token: tokens.refresh_token });
    expect(old).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    const next = await postToken(sandbox.spotify, {
      ...form,
      refresh_token: String(refreshed.body.refresh_token),
    });
    expect(next.status).toBe(200);
  });

  it('keeps TIDAL refresh tokens by default', async () => {
    const tidalListener = await startCallbackListener(0);
    const custom = await startSandbox({
      registeredRedirectUris: { tidal: [tidalListener.redirectUri] },
    });
    try {
      const tokens = await signIn(custom.tidal, tidalListener, { scope: 'user.read' });
      const form = {
        grant_type: 'refresh_token',
        client_id: custom.tidal.clientId,
        refresh_token: tokens.refresh_token,
      };
      const first = await postToken(custom.tidal, form);
      expect(first.status).toBe(200);
      expect(first.body.refresh_token).toBeUndefined();
      expect((await postToken(custom.tidal, form)).status).toBe(200);
      expect(custom.tidal.tokenRequestCount()).toEqual({ authorization_code: 1, refresh_token: 2 });
    } finally {
      await custom.close();
      await tidalListener.close();
    }
  });

  it('TIDAL accepts only an exactly registered redirect URI', async () => {
    const { challenge } = pkcePair();
    const otherPort = authorizationUrl(sandbox.tidal, {
      redirectUri: 'http://127.0.0.1:8766/callback',
      challenge,
    });
    const response = await fetch(otherPort, { redirect: 'manual' });
    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
    await expect(sandbox.tidal.approve(otherPort)).rejects.toThrow(/redirect URI/);
    const registered = authorizationUrl(sandbox.tidal, {
      redirectUri: 'http://127.0.0.1:8765/callback',
      challenge,
    });
    expect((await fetch(registered)).status).toBe(200);
  });

  it('expireAccessTokens() keeps refresh working; revokeAll() ends everything', async () => {
    const own = await startSandbox();
    try {
      const tokens = await signIn(own.spotify, listener);
      const me = `${own.spotify.apiBaseUrl}/v1/me`;
      expect((await getJson(me, tokens.access_token)).status).toBe(200);
      own.spotify.expireAccessTokens();
      const expired = await getJson(me, tokens.access_token);
      expect(expired).toMatchObject({
        status: 401,
        body: { error: { status: 401, message: 'The access token expired' } },
      });
      const form = { grant_type: 'refresh_token', client_id: own.spotify.clientId };
      const refreshed = await postToken(own.spotify, {
        ...form,
        refresh_token: tokens.refresh_token,
      });
      expect(refreshed.status).toBe(200);
      expect((await getJson(me, String(refreshed.body.access_token))).status).toBe(200);

      own.spotify.revokeAll();
      expect((await getJson(me, String(refreshed.body.access_token))).status).toBe(401);
      const afterRevoke = await postToken(own.spotify, {
        ...form,
        refresh_token: String(refreshed.body.refresh_token),
      });
      expect(afterRevoke).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
      expect(own.spotify.tokenRequestCount()).toEqual({ authorization_code: 1, refresh_token: 2 });
    } finally {
      await own.close();
    }
  });

  it('honours a short access-token lifetime', async () => {
    const own = await startSandbox({ accessTokenLifetimeSeconds: 1 });
    try {
      const tokens = await signIn(own.spotify, listener);
      expect(tokens).toMatchObject({ expires_in: 1 });
      own.spotify.setLifetimes({ accessTokenSeconds: 120 });
      const form = {
        grant_type: 'refresh_token',
        client_id: own.spotify.clientId,
        refresh_token: tokens.refresh_token,
      };
      expect((await postToken(own.spotify, form)).body.expires_in).toBe(120);
    } finally {
      await own.close();
    }
  });

  it('answers malformed token requests with OAuth errors', async () => {
    const cases: Array<[Record<string, string>, string]> = [
      [
        { grant_type: 'client_credentials', client_id: sandbox.spotify.clientId },
        'unsupported_grant_type',
      ],
      [{ grant_type: 'refresh_token', client_id: 'nobody', refresh_token: 'x' }, 'invalid_client'],
      [
        { grant_type: 'authorization_code', client_id: sandbox.spotify.clientId },
        'invalid_request',
      ],
      [
        { grant_type: 'refresh_token', client_id: sandbox.spotify.clientId, refresh_token: 'nope' },
        'invalid_grant',
      ],
    ];
    for (const [form, error] of cases) {
      const answer = await postToken(sandbox.spotify, form);
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual({ error, error_description: expect.any(String) });
    }
  });

  it('never records secrets in its request log', () => {
    const log = JSON.stringify([...sandbox.spotify.requests, ...sandbox.tidal.requests]);
    for (const token of [...sandbox.spotify.issuedTokens(), ...sandbox.tidal.issuedTokens()]) {
      expect(log).not.toContain(token);
    }
    expect(sandbox.spotify.requests.some((request) => request.path === '/api/token')).toBe(true);
  });
});
