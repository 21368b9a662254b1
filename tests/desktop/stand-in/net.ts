import { request as httpRequest, type ClientRequest, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';

/**
 * `net.request`, which electron-updater's HTTP client uses: Node's own http(s) client, answering
 * with the same `response` event and IncomingMessage shape. Redirects are left to the caller,
 * as with Electron's `redirect: 'manual'`. Sessions are only passed through.
 */
export const net = {
  request(options: RequestOptions & { session?: unknown; redirect?: string }): ClientRequest {
    const rest: RequestOptions = { ...options };
    delete (rest as { session?: unknown }).session;
    delete (rest as { redirect?: unknown }).redirect;
    const send = rest.protocol === 'https:' ? httpsRequest : httpRequest;
    return Object.assign(send(rest), { followRedirect: () => undefined });
  },
};
