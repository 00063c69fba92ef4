import { createServer } from 'node:net';

/**
 * A loopback port nothing listens on right now (bound, then released): for a server to listen
 * on, or, left unused, for a connection that must be refused.
 */
export function unusedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}
