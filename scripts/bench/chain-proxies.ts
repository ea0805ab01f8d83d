// One anvil standing in for several chains: a small HTTP proxy per chain id answers eth_chainId
// with its own id and forwards every other request to the anvil unchanged (the body streamed through
// as it came), so each chain has its own RPC URL as a user's wallet would.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ChainProxy {
  chainId: number;
  url: string;
}

export async function startChainProxies(upstream: string, chainIds: readonly number[]): Promise<{ proxies: ChainProxy[]; close(): Promise<void> }> {
  const servers: Server[] = [];
  const proxies: ChainProxy[] = [];
  for (const chainId of chainIds) {
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', async () => {
        const body = Buffer.concat(chunks);
        // Only a small request can be eth_chainId: a portfolio batch (megabytes) is not parsed here.
        if (body.length < 512) {
          const request = JSON.parse(body.toString('utf8')) as { id: unknown; method: string };
          if (request.method === 'eth_chainId') {
            res.setHeader('content-type', 'application/json');
            res.end(JSON.stringify({ jsonrpc: '2.0', id: request.id, result: `0x${chainId.toString(16)}` }));
            return;
          }
        }
        const answer = await fetch(upstream, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
        res.setHeader('content-type', 'application/json');
        res.end(Buffer.from(await answer.arrayBuffer()));
      });
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    servers.push(server);
    proxies.push({ chainId, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
  }
  return {
    proxies,
    close: () => Promise.all(servers.map((s) => new Promise<void>((ok) => s.close(() => ok())))).then(() => undefined),
  };
}
