// A JSON-RPC proxy on 127.0.0.1 in front of the devnet's node, for faults the node itself
// cannot stage: it can hold the answer to eth_sendRawTransaction, before or after passing the
// transaction on, the way a worker stopped mid-send never hears back.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/** 'forward-then-hold': the node gets the transaction, the wallet no answer. 'hold': neither. */
export type SendFault = 'none' | 'forward-then-hold' | 'hold';

export interface RpcProxy {
  url: string;
  sendFault: SendFault;
  /** Raw transactions that reached the proxy, in order, whatever happened to them. */
  rawTransactions: string[];
  /** Every JSON-RPC method asked, in order. */
  methods: string[];
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

export async function startRpcProxy(nodeUrl: string): Promise<RpcProxy> {
  const forward = async (body: string) => (await fetch(nodeUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body })).text();
  const server = createServer(async (req, res) => {
    res.on('error', () => undefined);
    const body = await readBody(req);
    const { method, params } = JSON.parse(body) as { method?: string; params?: unknown[] };
    proxy.methods.push(String(method));
    if (method === 'eth_sendRawTransaction') {
      proxy.rawTransactions.push(String(params?.[0]));
      if (proxy.sendFault === 'hold') return; // never answered, never sent
      if (proxy.sendFault === 'forward-then-hold') {
        await forward(body);
        return;
      }
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(await forward(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const proxy: RpcProxy = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    sendFault: 'none',
    rawTransactions: [],
    methods: [],
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return proxy;
}
