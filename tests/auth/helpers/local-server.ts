import { createServer, type RequestListener, type Server } from 'node:http';

export interface LocalServer {
  server: Server;
  port: number;
  url: string;
  close(): Promise<void>;
}

/** A throwaway HTTP server on 127.0.0.1 standing in for the outside world. */
export async function startLocalServer(handler: RequestListener): Promise<LocalServer> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  return {
    server,
    port: address.port,
    url: `http://127.0.0.1:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
