// One anvil standing in for several chains: a small HTTP proxy per chain id answers eth_chainId
// with its own id and forwards every other request to the anvil unchanged (the body streamed through
// as it came), so each chain has its own RPC URL as a user's wallet would.
import { spawn } from 'node:child_process';
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

/**
 * The same proxies in a process of their own, as a remote node is: the work of the wallet being
 * measured (decoding, building views) then cannot hold up the forwarding of the other chains' answers.
 */
export async function startChainProxiesProcess(
  upstream: string,
  chainIds: readonly number[],
): Promise<{ proxies: ChainProxy[]; close(): Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', import.meta.filename, upstream, ...chainIds.map(String)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const proxies = await new Promise<ChainProxy[]>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const line = out.split('\n').find((l) => l.startsWith('READY '));
      if (line) resolve(JSON.parse(line.slice(6)) as ChainProxy[]);
    });
    child.once('exit', (code) => reject(new Error(`bench: the chain proxies exited (${code})`)));
  });
  return {
    proxies,
    close: () =>
      new Promise<void>((ok) => {
        child.once('exit', () => ok());
        child.kill('SIGTERM');
      }),
  };
}

// `node --import tsx chain-proxies.ts <upstream> <chainId>...`: serves the proxies and prints READY <json>.
if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const [upstream, ...ids] = process.argv.slice(2);
  const { proxies } = await startChainProxies(upstream, ids.map(Number));
  process.stdout.write(`READY ${JSON.stringify(proxies)}\n`);
}
