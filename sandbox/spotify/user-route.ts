import type { Route } from './route.js';

/** `GET /v1/me`: no scope needed; the private fields appear only for the scopes that ask. */
export const user: Route = {
  method: 'GET',
  path: '/me',
  scopes: [],
  handle: (call) => ({ status: 200, body: call.services.objects.user(call.request.grant) }),
};
