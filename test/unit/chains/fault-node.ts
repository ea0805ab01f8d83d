// A JSON-RPC node on 127.0.0.1 that serves a scripted node (test/unit/holdings/fixtures.ts)
// over real HTTP and can be made to fail the ways real nodes do: down, slow, garbage,
// redirecting, oversized, or an HTTP error.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Fault = 'none' | 'slow' | 'garbage' | 'redirect' | 'huge' | 'http-error';

export interface FaultNode {
  url: string;
  fault: Fault;
  /** JSON-RPC methods that reached the node, in order. */
  methods: string[];
  /** Requests that reached the redirect's target (must stay empty). */
  redirectedTo: string[];
  /** Stops listening and drops open connections (the node is down) until start(). */
  stop(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
}

const readBody = (req: IncomingMessage) =>
  new Promise<string>((resolve, reject) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (text += chunk));
    req.on('end', () => resolve(text));
    req.on('error', reject);
  });

const listen = (server: Server, port = 0) =>
  new Promise<number>((resolve) => server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
const shut = (server: Server) =>
  new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });

export async function startFaultNode(answer: (body: unknown) => Promise<unknown>, options: { slowMs?: number } = {}): Promise<FaultNode> {
  const slowMs = options.slowMs ?? 2_000;
  const target = createServer(async (req, res) => {
    node.redirectedTo.push(`${req.method} ${req.url}`);
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(await answer(JSON.parse(await readBody(req)))));
  });
  const targetPort = await listen(target);

  const server = createServer(async (req, res) => {
    const body = JSON.parse(await readBody(req)) as { method: string };
    node.methods.push(body.method);
    res.on('error', () => undefined);
    switch (node.fault) {
      case 'slow':
        await new Promise((resolve) => setTimeout(resolve, slowMs));
        break;
      case 'garbage':
        res.writeHead(200, { 'content-type': 'application/json' }).end('<html><body>502 Bad Gateway</body></html>');
        return;
      case 'redirect':
        res.writeHead(307, { location: `http://127.0.0.1:${targetPort}/rpc` }).end();
        return;
      case 'huge':
        res.writeHead(200, { 'content-type': 'application/json' }).end(`{"jsonrpc":"2.0","id":1,"result":"0x${'0'.repeat(1024 * 1024)}"}`);
        return;
      case 'http-error':
        res.writeHead(503, { 'content-type': 'text/plain' }).end('Service Unavailable');
        return;
    }
    if (res.destroyed) return;
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(await answer(body)));
  });
  const port = await listen(server);

  const node: FaultNode = {
    url: `http://127.0.0.1:${port}/`,
    fault: 'none',
    methods: [],
    redirectedTo: [],
    stop: () => shut(server),
    start: async () => void (await listen(server, port)),
    close: async () => void (await Promise.all([server.listening ? shut(server) : undefined, shut(target)])),
  };
  return node;
}
