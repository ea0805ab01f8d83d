// Issue 10, item 15: the wallet's RPC transport against a real HTTP node on 127.0.0.1 that
// fails the ways nodes do. A dApp gets an EIP-1193 error that says what happened, the popup
// keeps the last portfolio snapshot, and everything works again once the node does.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHttpTransport } from '../../../lib/chains';
import { systemClock } from '../../../lib/ports';
import type { PortfolioResult } from '../../../lib/holdings';
import { ACCOUNT_0, ACCOUNT_1, portfolioWallet, type ScriptedNode, scriptedNode } from '../holdings/fixtures.ts';
import { type Fault, type FaultNode, startFaultNode } from './fault-node.ts';

const TIMEOUT_MS = 300;
const MAX_BYTES = 256 * 1024;
const SITE = 'https://dapp.example';

type Outcome = { result?: unknown; code?: number; message?: string; data?: unknown };
type Wallet = Awaited<ReturnType<typeof portfolioWallet>>;

const holdings = (r: PortfolioResult) =>
  r.view.accounts.map((a) => [a.address, a.totalValue, a.holdings.map((h) => [h.token.symbol, h.amount, h.value])]);

describe('RPC faults, with a real node on 127.0.0.1', () => {
  let scripted: ScriptedNode;
  let node: FaultNode;
  let t: Wallet;
  let inits: RequestInit[];

  const dapp = (method: string, params?: unknown[]): Promise<Outcome> =>
    t.wallet.handleProviderRequest({ origin: SITE }, params ? { method, params } : { method }).then(
      (result) => ({ result }),
      (e: { code: number; message: string; data?: unknown }) => ({ code: e.code, message: e.message, data: e.data }),
    );

  beforeEach(async () => {
    scripted = scriptedNode();
    node = await startFaultNode((body) => scripted.transport('', body), { slowMs: 2_000 });
    inits = [];
    const transport = createHttpTransport(
      (url, init) => {
        inits.push(init);
        return fetch(url, init);
      },
      systemClock,
      { timeoutMs: TIMEOUT_MS, maxResponseBytes: MAX_BYTES },
    );
    t = await portfolioWallet({ node: scripted, transport, rpcUrl: node.url });
  });
  afterEach(() => node.close());

  it('talks to a healthy node with no credentials and no redirects followed', async () => {
    expect(await dapp('eth_blockNumber')).toEqual({ result: '0x64' });
    const result = await t.call<PortfolioResult>('portfolio.refresh');
    expect(result.view.status).toBe('ok');
    expect(node.methods).toEqual(['eth_blockNumber', 'eth_chainId', 'eth_call']);
    expect(inits.map((i) => [i.credentials, i.redirect])).toEqual(inits.map(() => ['omit', 'manual']));
  });

  async function fail(fault: Fault | 'down') {
    if (fault === 'down') await node.stop();
    else node.fault = fault;
  }
  async function heal(fault: Fault | 'down') {
    if (fault === 'down') await node.start();
    else node.fault = 'none';
  }

  it.each([
    ['down', 'down', 4901, 'unreachable', /did not answer \(fetch failed\)/],
    ['slow', 'slow', 4901, 'timeout', /did not answer within 0\.3 s/],
    ['answering garbage', 'garbage', -32603, 'not-json', /answered something that is not JSON/],
    ['redirecting', 'redirect', 4901, 'redirect', /redirect/],
    ['oversized', 'huge', -32603, 'too-large', /larger than 262144 bytes/],
    ['answering HTTP 503', 'http-error', 4901, 'http-status', /HTTP 503/],
  ] as const)(
    'a node %s: the dApp gets a clear error, the portfolio keeps its last snapshot, and both recover',
    async (_name, fault, code, reason, text) => {
      const good = await t.call<PortfolioResult>('portfolio.refresh');
      expect(good.view.status).toBe('ok');

      await fail(fault);
      const outcome = await dapp('eth_blockNumber');
      expect(outcome).toMatchObject({ code, data: { reason } });
      expect(outcome.message).toMatch(text);
      expect(outcome.message).toContain('127.0.0.1');

      t.clock.advance(61_000);
      const during = await t.call<PortfolioResult>('portfolio.refresh');
      expect(holdings(during)).toEqual(holdings(good));
      expect(during.view.notice).toMatchObject({ code: 'portfolio.showing_last_good' });
      expect(during.view.notice?.message).toMatch(text);
      expect(node.redirectedTo).toEqual([]);

      await heal(fault);
      expect(await dapp('eth_blockNumber')).toEqual({ result: '0x64' });
      const back = await t.call<PortfolioResult>('portfolio.refresh');
      expect(back.view.status).toBe('ok');
      expect(back.view.notice).toBeUndefined();
    },
  );

  it('a node on the wrong chain: the portfolio keeps its last snapshot, and a transaction is refused before its window opens', async () => {
    const good = await t.call<PortfolioResult>('portfolio.refresh');
    scripted.chainId = 1;
    t.clock.advance(6 * 60_000);
    const wrong = await t.call<PortfolioResult>('portfolio.refresh');
    expect(holdings(wrong)).toEqual(holdings(good));
    expect(wrong.view.notice?.message).toMatch(/chain 1, not 31337/);

    const connecting = dapp('eth_requestAccounts');
    await expect.poll(() => t.wallet.approvals.list().length).toBe(1);
    t.wallet.approvals.decide(t.wallet.approvals.list()[0].id, { approved: true });
    expect(await connecting).toEqual({ result: [ACCOUNT_0] });

    // Gas and fees are read before the window opens, so the wrong chain is caught before it does.
    const sent = await dapp('eth_sendTransaction', [{ from: ACCOUNT_0, to: ACCOUNT_1, value: '0x1' }]);
    expect(t.wallet.approvals.list()).toEqual([]);
    expect(sent).toMatchObject({ code: -32002 });
    expect(sent.message).toMatch(/answers for chain 1, not 31337; nothing was sent/);
    expect(node.methods).not.toContain('eth_sendRawTransaction');
  });

  it("refuses a browser's opaque redirect (fetch with redirect: 'manual' in an extension)", async () => {
    const transport = createHttpTransport(async () => ({ status: 0, type: 'opaqueredirect', headers: new Headers(), body: null }), systemClock);
    await expect(transport(node.url, {})).rejects.toMatchObject({ code: 4901, data: { reason: 'redirect' } });
  });
});
