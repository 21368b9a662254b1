import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * A plain HTTP proxy between the browser and the local servers that the test can cut: every open
 * connection dropped at once, and new ones refused until it is mended. It stands for the network
 * between a window and its host going away and coming back.
 */
export interface CuttingProxy {
  /** `http://127.0.0.1:PORT`, for the browser's `proxy.server`. */
  url: string;
  cut(): void;
  mend(): void;
  close(): Promise<void>;
}

export async function startCuttingProxy(targetPort = 80): Promise<CuttingProxy> {
  let down = false;
  const sockets = new Set<Socket>();
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    if (down) {
      res.socket?.destroy();
      return;
    }
    // The browser sends the whole address; anything not on loopback is refused.
    const target = new URL(req.url ?? '/', `http://127.0.0.1:${targetPort}`);
    if (target.hostname !== '127.0.0.1') {
      res.writeHead(502).end();
      return;
    }
    const upstream = request(
      {
        host: '127.0.0.1',
        port: Number(target.port),
        method: req.method,
        path: `${target.pathname}${target.search}`,
        headers: req.headers,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.socket?.destroy());
    res.on('close', () => upstream.destroy());
    req.pipe(upstream);
  });
  server.on('connection', (socket) => {
    if (down) {
      socket.destroy();
      return;
    }
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    cut() {
      down = true;
      for (const socket of sockets) socket.destroy();
      sockets.clear();
    },
    mend() {
      down = false;
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
