// DEX prices against the devnet's real Uniswap V3 and V2 contracts: a stock without a price feed
// is valued at its deepest USDC pool, read in the portfolio's one Multicall3 request; a pool
// below the liquidity floor gives no price; a swap that moves the pool moves the price shown.
import { type Address, erc20Abi, maxUint256 } from 'viem';
import { describe, expect, inject, it } from 'vitest';
import { loadNpmArtifacts } from '../../devnet/npm-artifacts.ts';
import { accountOf, devnetClients, tokenOf } from '../../devnet/test-kit.ts';
import { type PortfolioSnapshot, readTokenPrice, refreshPortfolio } from '../../lib/portfolio/index.ts';
import { createRegistry, type RpcRequester, registryFromDevnet } from '../../lib/registry/index.ts';
import { revertChainAfterEachTest } from './isolate.ts';
import { expectedPoolPrice } from './portfolio-expected.ts';

const deployment = inject('deployment');
const { publicClient, testClient, write } = devnetClients(deployment);
const user = accountOf(deployment, 'user');
const registry = createRegistry(registryFromDevnet(deployment));
const tokens = registry.tokensOnChain(deployment.chainId);
const dex = registry.dexOn(deployment.chainId);
const npm = loadNpmArtifacts();

/** JSON-RPC to the devnet over HTTP, counting what the wallet asks. */
function devnetRpc(): RpcRequester & { methods: string[] } {
  const methods: string[] = [];
  return {
    methods,
    async request({ method, params }) {
      methods.push(method);
      const response = await fetch(deployment.rpcUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params: params ?? [] }),
      });
      const body = (await response.json()) as { result?: unknown; error?: { message: string } };
      if (body.error) throw new Error(body.error.message);
      return body.result;
    },
  };
}

const holdingOf = (snapshot: PortfolioSnapshot, symbol: string) => snapshot.accounts[0].holdings.find((h) => h.token.symbol === symbol);
const v3PoolOf = (symbol: string) => deployment.dex.uniswapV3.pools.find((p) => p.symbol === symbol)!;

async function refresh(rpc = devnetRpc()) {
  return refreshPortfolio({ rpc, chainId: deployment.chainId, accounts: [user], tokens, dex, now: () => Date.now() });
}

revertChainAfterEachTest(testClient);

describe('DEX prices on the devnet', () => {
  it('prices the feedless bCOIN at its deepest pool (the V3 pool, not the shallower V2 pair), in one request', async () => {
    const rpc = devnetRpc();
    const snapshot = await refresh(rpc);
    expect(rpc.methods).toEqual(['eth_call']);
    const bcoin = holdingOf(snapshot, 'bCOIN')!;
    const pool = v3PoolOf('bCOIN');
    expect(bcoin.price).toMatchObject({ source: 'dex', decimals: 8, dex: { protocol: 'uniswap-v3', fee: 3000, quote: 'USDC' } });
    expect(bcoin.price?.dex?.pool).toBe(pool.address.toLowerCase());
    expect(bcoin.price?.dex?.depth).toBe(pool.quoteDepth);
    // The pool was opened at $250: the price read back is that, within the rounding of sqrtPriceX96.
    const answer = BigInt(bcoin.price!.answer);
    expect(answer > 249_9990_0000n && answer < 250_0010_0000n).toBe(true);
    const expected = await expectedPoolPrice(publicClient, deployment, tokenOf(deployment, 'bCOIN'));
    expect(answer).toBe(expected?.price);
    // The balance held, valued at that price.
    const held = await publicClient.readContract({
      address: tokenOf(deployment, 'bCOIN').address,
      abi: erc20Abi,
      functionName: 'balanceOf',
      args: [user],
    });
    expect(bcoin.amount).toBe(held.toString());
    expect(bcoin.value).toBe(((held * answer) / 10n ** 18n).toString());
  });

  it('refuses the price of bIB01, whose only pool holds less than $10,000 of USDC', async () => {
    expect(BigInt(v3PoolOf('bIB01').quoteDepth)).toBeLessThan(10_000n * 10n ** 6n);
    const snapshot = await refresh();
    const bib01 = holdingOf(snapshot, 'bIB01')!;
    expect(bib01).toMatchObject({ price: null, value: null });
    expect(BigInt(bib01.amount)).toBeGreaterThan(0n);
    // Unpriced, not a failed read: the snapshot reports nothing wrong with it.
    expect(snapshot.errors.filter((e) => e.token === bib01.token.address)).toEqual([]);
  });

  it('keeps feed prices for stocks that have a feed', async () => {
    const snapshot = await refresh();
    expect(holdingOf(snapshot, 'TSLAx')?.price).toMatchObject({ source: 'feed' });
    expect(holdingOf(snapshot, 'TSLAx')?.price?.dex).toBeUndefined();
  });

  it('follows the pool: a buy through the real SwapRouter raises the price the wallet reads', async () => {
    const bcoin = tokenOf(deployment, 'bCOIN');
    const before = BigInt(holdingOf(await refresh(), 'bCOIN')!.price!.answer);
    const router = deployment.dex.uniswapV3.swapRouter as Address;
    await write('user', { address: deployment.contracts.USDC as Address, abi: erc20Abi, functionName: 'approve', args: [router, maxUint256] });
    const { timestamp } = await publicClient.getBlock();
    await write('user', {
      address: router,
      abi: npm.SwapRouter.abi,
      functionName: 'exactInputSingle',
      args: [
        {
          tokenIn: deployment.contracts.USDC,
          tokenOut: bcoin.address,
          fee: 3000,
          recipient: user,
          deadline: timestamp + 600n,
          amountIn: 20_000n * 10n ** 6n,
          amountOutMinimum: 0n,
          sqrtPriceLimitX96: 0n,
        },
      ],
    });
    const after = BigInt(holdingOf(await refresh(), 'bCOIN')!.price!.answer);
    expect(after).toBeGreaterThan(before);
    expect(after).toBe((await expectedPoolPrice(publicClient, deployment, bcoin))?.price);
  });

  it('gives other parts of the wallet the same price and source for one token', async () => {
    const rpc = devnetRpc();
    const token = tokens.find((t) => t.symbol === 'bCOIN')!;
    const price = await readTokenPrice({ rpc, token, dex, now: () => Date.now() });
    expect(rpc.methods).toEqual(['eth_call']);
    // Read a moment apart: everything but the time of reading agrees.
    const { updatedAt: _read, ...shown } = holdingOf(await refresh(), 'bCOIN')!.price!;
    expect(price).toMatchObject(shown);
    const thin = await readTokenPrice({ rpc, token: tokens.find((t) => t.symbol === 'bIB01')!, dex, now: () => Date.now() });
    expect(thin).toBeNull();
  });
});
