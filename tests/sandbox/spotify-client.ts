import { SCOPES } from '../../sandbox/oauth/scopes.js';
import {
  startSandbox,
  type PersonKey,
  type Sandbox,
  type SandboxOptions,
} from '../../sandbox/index.js';
import { loadSpecValidator } from '../helpers/openapi-validator.js';
import { signIn, startCallbackListener, type CallbackListener } from './oauth-helpers.js';

/** A sandbox with signed-in people and a client that checks every exchange against the spec. */

export const ALL_SPOTIFY_SCOPES = Object.keys(SCOPES.spotify).join(' ');
const spec = loadSpecValidator('spotify');

export interface Exchange {
  status: number;
  body: unknown;
  headers: Headers;
  requestProblems: string[];
  responseProblems: string[];
}

export interface SpotifyHarness {
  sandbox: Sandbox;
  tokens: Record<PersonKey, string>;
  /** A token for the listener holding only these scopes. */
  tokenWith(scope: string, person?: PersonKey): Promise<string>;
  call(
    method: string,
    pathAndQuery: string,
    init?: { token?: string; body?: unknown; person?: PersonKey },
  ): Promise<Exchange>;
  close(): Promise<void>;
}

export async function startSpotifyHarness(options: SandboxOptions = {}): Promise<SpotifyHarness> {
  const listener: CallbackListener = await startCallbackListener();
  const sandbox = await startSandbox(options);
  const tokenWith = async (scope: string, person: PersonKey = 'listener') =>
    (await signIn(sandbox.spotify, listener, { scope, person })).access_token;
  const tokens: Record<PersonKey, string> = {
    listener: await tokenWith(ALL_SPOTIFY_SCOPES, 'listener'),
    free: await tokenWith(ALL_SPOTIFY_SCOPES, 'free'),
    idle: await tokenWith(ALL_SPOTIFY_SCOPES, 'idle'),
  };
  return {
    sandbox,
    tokens,
    tokenWith,
    async call(method, pathAndQuery, init = {}) {
      const url = new URL(pathAndQuery, sandbox.spotify.apiBaseUrl);
      const token = init.token ?? tokens[init.person ?? 'listener'];
      const response = await fetch(url, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
      });
      const text = await response.text();
      const body = text ? (JSON.parse(text) as unknown) : undefined;
      return {
        status: response.status,
        body,
        headers: response.headers,
        requestProblems: spec.validateRequest({ method, path: pathAndQuery, body: init.body }),
        responseProblems: spec.validateResponse({
          method,
          path: url.pathname,
          status: response.status,
          body,
        }),
      };
    },
    close: async () => {
      await sandbox.close();
      await listener.close();
    },
  };
}

/** Asserts nothing about the call beyond it being one the spec documents, both ways. */
export function specProblems(exchange: Exchange): string[] {
  return [...exchange.requestProblems, ...exchange.responseProblems];
}

/** A field of a JSON object, for tests that walk response bodies. */
export function field(value: unknown, ...path: Array<string | number>): unknown {
  let current = value;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}
