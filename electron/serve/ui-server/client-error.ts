import type { Duplex } from 'node:stream';

/**
 * Answers a request Node's parser rejected, the way Node's own default does: a timeout is a 408,
 * oversized headers a 431, anything else a 400, and nothing is written on a socket that is
 * already carrying a response. Writing a raw 400 there would land in the keep-alive stream after
 * that response, and the client would read it as the answer to its next request.
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  const busy = (socket as Duplex & { _httpMessage?: unknown })._httpMessage;
  if (error.code === 'ECONNRESET' || !socket.writable || busy) {
    socket.destroy();
    return;
  }
  const status =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? '408 Request Timeout'
      : error.code === 'HPE_HEADER_OVERFLOW'
        ? '431 Request Header Fields Too Large'
        : '400 Bad Request';
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}
