// A man in the middle of the issuer's API, on 127.0.0.1: a wallet built with this proxy as the
// issuer's allowlisted origin gets the real devnet issuer's answers, except where a test changes a
// quote or answers with a redirect to an origin the allowlist does not name.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type QuoteAnswer = Record<string, unknown>;

export interface IssuerProxy {
  url: string;
  /** Changes every quote answer from now on; `undefined` passes them through again. */
  tamperQuotes(change: ((answer: QuoteAnswer) => QuoteAnswer) | undefined): void;
  /** Answers every quote request with a redirect to `url` from now on; `undefined` stops. */
  redirectQuotes(url: string | undefined): void;
  close(): Promise<void>;
}

async function listen(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<{ server: Server; url: string }> {
  const server = createServer(handler);
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok());
  });
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

const closing = (server: Server) => () =>
  new Promise<void>((ok) => {
    server.closeAllConnections();
    server.close(() => ok());
  });

const readBody = async (req: IncomingMessage) => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return chunks.length > 0 ? Buffer.concat(chunks).toString('utf8') : undefined;
};

export async function startIssuerProxy(upstream: string): Promise<IssuerProxy> {
  let tamper: ((answer: QuoteAnswer) => QuoteAnswer) | undefined;
  let redirect: string | undefined;
  const { server, url } = await listen(async (req, res) => {
    const path = req.url ?? '/';
    const body = await readBody(req);
    const cors = { 'access-control-allow-origin': '*', 'access-control-allow-headers': '*', 'access-control-allow-methods': 'GET, POST, PUT' };
    // A quote: the devnet's own /v1/quotes (the deposit issuer) or Ondo GM's /v1/attestations.
    const quoting = req.method === 'POST' && (path === '/v1/quotes' || path === '/v1/attestations');
    if (redirect && quoting) {
      res.writeHead(307, { ...cors, location: `${redirect}${path}` }).end();
      return;
    }
    const answer = await fetch(`${upstream}${path}`, {
      method: req.method,
      headers: {
        'content-type': req.headers['content-type'] ?? 'application/json',
        // Ondo GM's and Dinari API v2's keys pass through like any client's.
        ...Object.fromEntries(
          (['x-api-key', 'x-api-key-id', 'x-api-secret-key'] as const).flatMap((h) =>
            typeof req.headers[h] === 'string' ? [[h, req.headers[h] as string]] : [],
          ),
        ),
      },
      body: req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS' ? undefined : body,
    });
    let text = await answer.text();
    if (tamper && quoting && answer.ok) text = JSON.stringify(tamper(JSON.parse(text)));
    res.writeHead(answer.status, { ...cors, 'content-type': answer.headers.get('content-type') ?? 'application/json' }).end(text);
  });
  return {
    url,
    tamperQuotes: (change) => {
      tamper = change;
    },
    redirectQuotes: (to) => {
      redirect = to;
    },
    close: closing(server),
  };
}

export interface RecordingServer {
  url: string;
  /** Every request that reached it, as "METHOD /path". */
  asked: string[];
  close(): Promise<void>;
}

/** A server that answers everything with 200 {} and notes who came: an origin nobody allowlisted. */
export async function startRecordingServer(): Promise<RecordingServer> {
  const asked: string[] = [];
  const { server, url } = await listen((req, res) => {
    asked.push(`${req.method} ${req.url}`);
    res.writeHead(200, { 'access-control-allow-origin': '*', 'content-type': 'application/json' }).end('{}');
  });
  return { url, asked, close: closing(server) };
}
