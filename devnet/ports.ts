import { createServer } from 'node:net';

export class PortInUseError extends Error {
  readonly port: number;
  constructor(port: number, service: string) {
    super(`devnet: port ${port} on 127.0.0.1 (${service}) is already in use; stop what holds it or choose another port`);
    this.name = 'PortInUseError';
    this.port = port;
  }
}

/** Resolves with the port (a free one for 0 or undefined), or rejects with PortInUseError. */
export function reservePort(port: number | undefined, service: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(error.code === 'EADDRINUSE' ? new PortInUseError(port ?? 0, service) : error);
    });
    server.listen({ port: port ?? 0, host: '127.0.0.1', exclusive: true }, () => {
      const address = server.address();
      const chosen = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(chosen));
    });
  });
}
