import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Address, PublicClient } from 'viem';
import { accountAt, indexOfRole } from '../catalog.ts';
import type { ChainDeployment } from '../deploy/index.ts';
import { kycRegistryAbi } from '../abis.ts';
import { DinariHttpError, dinariRoute } from './dinari-routes.ts';
import { IssuerError } from './errors.ts';
import { OndoHttpError, ondoRoute } from './ondo-routes.ts';
import { type MarketMode, marketStatusAt } from './market-hours.ts';
import { startDepositOperator } from './deposit-operator.ts';
import { type OperatorLoop, startOperatorLoop } from './operator.ts';
import { createQuote, findToken, type QuoteSkew } from './quotes.ts';
import { marketModeSchema, parseAddress, parseOrThrow, parseQuoteRequest, quoteSkewSchema } from './request-schema.ts';

export type IssuerServiceOptions = {
  client: PublicClient;
  deployment: ChainDeployment;
  port: number;
  /** 'hours' follows the NYSE session; 'open'/'closed' force it (tests, demos). */
  marketMode: MarketMode;
  log?(message: string): void;
};

export type IssuerService = { url: string; operator: OperatorLoop; close(): Promise<void> };

const maxBodyBytes = 64 * 1024;

/** The devnet issuers' HTTP API on 127.0.0.1 (see README.md) plus the order-filling operator. */
export async function startIssuerService(options: IssuerServiceOptions): Promise<IssuerService> {
  const { client, deployment } = options;
  let marketMode = options.marketMode;
  const marketStatus = () => marketStatusAt(new Date(), marketMode);
  const signer = accountAt(indexOfRole('issuer-operator'));
  // Deviant quotes on purpose, per token (lower-case address), for tests of the wallet's price check.
  const skews = new Map<string, QuoteSkew>();
  const skew = (token: Address) => skews.get(token.toLowerCase());
  const quoteContext = { client, deployment, signer, marketStatus, skew };
  const pricing = () => ({ skews: Object.fromEntries(skews) });

  async function route(method: string, path: string, request: IncomingMessage): Promise<unknown> {
    if (method === 'GET' && path === '/health') {
      return { ok: true, chainId: deployment.chainId, marketStatus: marketStatus(), issuers: deployment.issuers };
    }
    if (method === 'GET' && path === '/v1/market') return { mode: marketMode, status: marketStatus() };
    if (method === 'PUT' && path === '/v1/market') {
      marketMode = parseOrThrow(marketModeSchema, await readJson(request)).mode;
      return { mode: marketMode, status: marketStatus() };
    }
    if (method === 'GET' && path === '/v1/pricing') return pricing();
    if (method === 'PUT' && path === '/v1/pricing') {
      const { token, priceBps, valueBps } = parseOrThrow(quoteSkewSchema, await readJson(request));
      const address = findToken(deployment, token).address.toLowerCase();
      if (priceBps === 0 && valueBps === 0) skews.delete(address);
      else skews.set(address, { priceBps, valueBps });
      return pricing();
    }
    const kyc = /^\/v1\/kyc\/([^/]+)$/.exec(path);
    if (method === 'GET' && kyc) {
      const address = parseAddress(decodeURIComponent(kyc[1]));
      const userId = await client.readContract({
        address: deployment.contracts.KycRegistry as Address,
        abi: kycRegistryAbi,
        functionName: 'userIdOf',
        args: [address],
      });
      const verified = BigInt(userId) !== 0n;
      return { address, verified, userId: verified ? userId : null, issuers: deployment.issuers.map((i) => i.id) };
    }
    const wallet = /^\/v1\/redemption-wallets\/([^/]+)$/.exec(path);
    if (method === 'GET' && wallet) {
      // The deposit issuer's pre-approved (whitelisted) wallets: the KYC'd ones.
      const address = parseAddress(decodeURIComponent(wallet[1]));
      const approved = await client.readContract({
        address: deployment.contracts.KycRegistry as Address,
        abi: kycRegistryAbi,
        functionName: 'isVerified',
        args: [address],
      });
      const issuer = deployment.issuers.find((i) => i.kind === 'deposit');
      return { address, approved, depositAddress: issuer?.depositAddress ?? null };
    }
    if (method === 'POST' && path === '/v1/quotes') {
      return createQuote(quoteContext, parseQuoteRequest(await readJson(request)));
    }
    throw new IssuerError('not_found', `no route ${method} ${path}`);
  }

  const server = createServer((request, response) => {
    const method = request.method ?? 'GET';
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    if (method === 'OPTIONS') return send(response, 204, undefined);
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    dinariRoute({ client, deployment, signer }, method, url, request.headers, () => readJson(request))
      .then((answer) => answer ?? ondoRoute(quoteContext, method, path, request.headers, () => readJson(request)))
      .then((answer) => answer ?? route(method, path, request))
      .then((body) => send(response, 200, body))
      .catch((error: unknown) => {
        if (error instanceof DinariHttpError || error instanceof OndoHttpError) return send(response, error.status, error.toJSON());
        const issuerError = error instanceof IssuerError ? error : new IssuerError('internal_error', (error as Error).message);
        if (issuerError.code === 'internal_error') options.log?.(`issuer: ${method} ${path}: ${issuerError.message}`);
        send(response, issuerError.status, issuerError.toJSON());
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : options.port}`;
  const deposits = startDepositOperator({ client, deployment, marketStatus, log: options.log });
  const operator = startOperatorLoop({
    client,
    deployment,
    operator: signer.address,
    marketStatus,
    log: options.log,
  });
  return {
    url,
    operator,
    async close() {
      await Promise.all([operator.stop(), deposits.stop()]);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, {
    'content-type': 'application/json',
    'access-control-allow-origin': '*',
    'access-control-allow-methods': 'GET, POST, PUT, OPTIONS',
    'access-control-allow-headers': 'content-type, x-api-key, x-api-key-id, x-api-secret-key',
  });
  response.end(body === undefined ? undefined : JSON.stringify(body));
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > maxBodyBytes) throw new IssuerError('bad_request', 'body too large');
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new IssuerError('bad_request', 'body is not JSON');
  }
}
