// The store build's bundled registry (lib/registry/data/registry.json, the file wxt.config ships
// as registry.json) against a local anvil that says it is Ethereum (chain id 1), read by the
// wallet core through the popup's own commands (portfolio.refresh, portfolio.detail).
//
// Code is placed at the tokens' real Ethereum addresses from the bundled registry: the devnet's
// MultiplierStock (the real IBackedAutoFeeToken views) at TSLAx, AAPLx and NVDAx, its OracleStock
// (a plain ERC-20, as Ondo's GM tokens are) at TSLAon, Multicall3 at its canonical address.
// Each is deployed from the devnet's compiled sources, then its code and storage are copied to
// the real address, so constructor state (roles, the 1e18 multiplier, the update log) is there.
//
// The bundled registry names Chainlink's TSLA / USD and NVDA / USD feeds for TSLAx and NVDAx on
// Ethereum (unverified: read from a copy of Chainlink's directory): a Chainlink-style aggregator is
// placed at TSLAx's, and NVDAx's is left without code, a feed that does not answer.
// What the store registry lacks, and this test's overlay adds (everything else is bundled data):
// - no reserve or multiplier-oracle feed of any Ethereum token is sourced, so TSLAx gets a reserve
//   feed, and TSLAon an sValue oracle (for its shares), at addresses of aggregators this test
//   deploys; TSLAon's price is its bundled token-price feed, an aggregator placed at that address;
// - no Uniswap factory or quote token of Ethereum is sourced (SOURCED_DEXES is empty), so the
//   overlay names this anvil's V3 factory (from the npm artifacts) and its USDC stand-in;
// - NVDAx keeps the bundled data alone: its feed fails and no pool is read, so it shows no price.
import { type Address, erc20Abi } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deployment } from '../../devnet/types.ts';
import type { PortfolioView } from '../../lib/holdings';
import type { Token } from '../../lib/registry/index.ts';
import {
  AAPLX,
  balanceOf,
  bundled,
  type Chain1,
  currentMultiplier,
  E18,
  listNewXStock,
  NVDAX,
  POOL_FEE,
  popupOnChain1,
  rpc,
  SPLIT,
  startChain1Market,
  SVALUE,
  TSLA_USD,
  TSLAON,
  TSLAON_USD,
  TSLAX,
} from './chain1-market.ts';
import { expectedPoolPrice } from './portfolio-expected.ts';

let chain: Chain1;
let client: Chain1['client'];
let user: Address;

beforeAll(async () => {
  chain = await startChain1Market();
  ({ client, user } = chain);
});
afterAll(async () => {
  await chain?.stop();
});

describe('the store registry on a chain-1 anvil', () => {
  const row = (view: PortfolioView, token: Token) => view.accounts[0].holdings.find((h) => h.token.address === token.address);

  it('runs on Ethereum data: the real addresses, the share feeds the registry sourced, and no DEX of Ethereum sourced', () => {
    expect(TSLAX.feeds?.price).toMatchObject({ address: '0xB204328559E17F84eE7A285036AA0d47124F85D5', verified: false });
    expect(NVDAX.feeds?.price).toMatchObject({ address: '0x2c47b8CD75C818969b398911b70C633e280552d4', verified: false });
    expect(TSLAON.feeds).toEqual({ tokenPrice: expect.objectContaining({ address: '0x89904B6fcF8dAD1e5DA47dFdF69fC38Ad6be0bd5', verified: false }) });
    expect(AAPLX.feeds).toBeUndefined();
    expect(bundled.dexOn(1)).toBeUndefined();
    expect(TSLAX.address).toBe('0x8aD3c73F833d3F9A523aB01476625F269aEB7Cf0');
  });

  it('shows each holding with its price and source, value and share equivalent', async () => {
    const popup = await popupOnChain1(chain);
    const view = await popup.refresh();
    expect(view.chainId).toBe(1);
    expect(view.accounts[0].address).toBe(user);

    // TSLAx: the balance the token reports (10 shares after a 2-for-1 split), valued at the feed.
    const tslax = row(view, TSLAX)!;
    const tslaxBalance = await balanceOf(TSLAX.address, user);
    expect(tslaxBalance).toBeGreaterThan(19n * E18);
    expect(tslax).toMatchObject({ amount: tslaxBalance.toString(), underlyingAmount: tslaxBalance.toString(), corporateActions: 'multiplier' });
    expect(tslax.price).toMatchObject({ source: 'feed', answer: TSLA_USD.toString(), decimals: 8 });
    expect(tslax.value).toBe(((tslaxBalance * TSLA_USD) / E18).toString());
    // The bundled price feed (from a copy of Chainlink's directory) and the overlay's reserve feed are both unverified: the view says which.
    expect(tslax.unverifiedFeeds).toEqual(['price', 'reserve']);

    // TSLAon: the balance never moves; the oracle says how many shares it is worth.
    const tslaon = row(view, TSLAON)!;
    const shares = (5n * E18 * SVALUE) / E18;
    expect(tslaon).toMatchObject({ amount: (5n * E18).toString(), underlyingAmount: shares.toString(), factor: SVALUE.toString() });
    // Priced by its own token-price feed (sValue already in it): 5 tokens at that price.
    expect(tslaon.price).toMatchObject({ source: 'feed', per: 'token', answer: TSLAON_USD.toString() });
    expect(tslaon.value).toBe(((5n * E18 * TSLAON_USD) / E18).toString());
    expect(tslaon.unverifiedFeeds).toEqual(['multiplierOracle', 'tokenPrice']);

    // AAPLx: no feed anywhere; the V3 pool prices it, with the pool and its depth.
    const aaplx = row(view, AAPLX)!;
    const expected = await expectedPoolPrice(
      client,
      {
        contracts: { USDC: chain.usdc },
        dex: { uniswapV3: { pools: [{ token: AAPLX.address, address: chain.pool }] } },
      } as unknown as Deployment,
      { address: AAPLX.address } as never,
    );
    expect(aaplx.price).toMatchObject({
      source: 'dex',
      answer: expected!.price.toString(),
      dex: { protocol: 'uniswap-v3', fee: POOL_FEE, quote: 'USDC' },
    });
    expect(aaplx.price?.dex?.pool).toBe(chain.pool.toLowerCase());
    expect(BigInt(aaplx.price!.dex!.depth)).toBe(await balanceOf(chain.usdc, chain.pool));
    expect(aaplx.value).toBe(((3n * E18 * expected!.price) / E18).toString());
    expect(aaplx.unverifiedFeeds).toBeUndefined();

    // NVDAx: held, but nothing prices it, and the total says it leaves one holding out.
    expect(row(view, NVDAX)).toMatchObject({ amount: (4n * E18).toString(), price: null, value: null });
    const total = BigInt(tslax.value!) + BigInt(tslaon.value!) + BigInt(aaplx.value!);
    expect(view.accounts[0]).toMatchObject({ totalValue: total.toString(), totalIncomplete: true, unpricedCount: 1 });
    // Only the four placed tokens are held; the other bundled Ethereum tokens have no code here.
    expect(view.accounts[0].holdings.map((h) => h.token.symbol).sort()).toEqual(['AAPLx', 'NVDAx', 'TSLAon', 'TSLAx']);
  });

  it("shows TSLAx's corporate actions from its views and events: the split as history, the change to come as scheduled", async () => {
    const detail = await (await popupOnChain1(chain)).detail(TSLAX);
    const actions = detail.corporateActions;
    expect(actions.model).toBe('multiplier');
    expect(actions.factor).toBe((await currentMultiplier(TSLAX.address as Address)).toString());
    expect(actions.history.map((h) => h.value)).toContain(SPLIT.toString());
    expect(actions.history.map((h) => h.value)).not.toContain(((SPLIT * 101n) / 100n).toString());
    expect(actions.scheduled).toEqual([
      expect.objectContaining({ value: ((SPLIT * 101n) / 100n).toString(), activationTime: Number(chain.scheduledAt) }),
    ]);
    expect(actions.fee).not.toBeNull();
    expect(actions.annualFeeBps).not.toBeNull();
  });

  it("shows TSLAx's backing: the reserve feed against its supply", async () => {
    const detail = await (await popupOnChain1(chain)).detail(TSLAX);
    const supply = await client.readContract({ address: TSLAX.address as Address, abi: erc20Abi, functionName: 'totalSupply' });
    expect(detail.backing).toMatchObject({ status: 'under-backed', supply: supply.toString(), reservesDecimals: 8 });
    const backing = detail.backing as { ratioBps: string; reserves: string };
    expect(backing.reserves).toBe(((supply * 98n) / 100n / 10n ** 10n).toString());
    expect(Number(backing.ratioBps)).toBeGreaterThanOrEqual(9799);
    expect(Number(backing.ratioBps)).toBeLessThanOrEqual(9800);
    // The store registry lists TSLAx on five more chains, none read here: the ratio says it counts Ethereum's supply only.
    expect(detail.backing).toMatchObject({ coverage: { scope: 'this-chain-only', chains: [{ chainId: 1, supply: supply.toString() }] } });
    const { coverage } = detail.backing as { coverage: { missing: { chainId: number }[] } };
    expect(coverage.missing.map((m) => m.chainId)).toEqual(bundled.family(TSLAX).flatMap((t) => (t.chainId === 1 ? [] : [t.chainId])));
    expect(coverage.missing).toHaveLength(5);
  });

  it("names each issuer from the store registry's own facts", async () => {
    const popup = await popupOnChain1(chain);
    const tslaon = await popup.detail(TSLAON);
    expect(tslaon.issuer.legalEntity).toMatchObject({ value: 'Ondo Global Markets (BVI) Limited', verified: true });
    expect(tslaon.custodian.value).toContain('Ankura Trust Company');
    // No reserve feed of an Ondo GM token is sourced: its backing cannot be checked on-chain.
    expect(tslaon.backing.status).not.toMatch(/backed/);
    const nvdax = await popup.detail(NVDAX);
    expect(nvdax.issuer.legalEntity.value).toBe('Backed Assets (JE) Limited');
    expect(nvdax.price).toBeNull();
  });

  it('moves the balance and the history when the scheduled multiplier activates', async () => {
    const popup = await popupOnChain1(chain);
    const before = row(await popup.refresh(), TSLAX)!;
    await rpc('evm_setNextBlockTimestamp', [Number(chain.scheduledAt) + 60]);
    await rpc('evm_mine');
    const after = row(await popup.refresh(), TSLAX)!;
    expect(BigInt(after.amount)).toBeGreaterThan(BigInt(before.amount));
    expect(after.amount).toBe((await balanceOf(TSLAX.address, user)).toString());
    const detail = await popup.detail(TSLAX);
    expect(detail.corporateActions.scheduled).toEqual([]);
    expect(detail.corporateActions.history.map((h) => h.value)).toContain(((SPLIT * 101n) / 100n).toString());
  });
});

describe('an xStock listed after the release, on the chain-1 anvil', () => {
  // Not in the bundled lists: announced by the factory at the registry's xStocks factory address.
  const NEW = { address: '0x5a4ea5ce0000000000000000000000000000beef', name: 'Sharekeep Test Holdings xStock', symbol: 'SKTHx' };

  it("is found in the issuer factory's NewToken log and shown as found on chain, with its issuer's facts", async () => {
    expect(bundled.tokensOnChain(1).some((t) => t.symbol === NEW.symbol)).toBe(false);
    await listNewXStock(NEW.address, NEW.name, NEW.symbol, 7n * E18);
    const popup = await popupOnChain1(chain);
    const changed = popup.nextChange();
    const first = await popup.refresh();
    expect(first.accounts[0].holdings.some((h) => h.token.symbol === NEW.symbol)).toBe(false);
    // The refresh looked at the factory's log up to the block it read, and found the token.
    await changed;
    const holding = (await popup.refresh()).accounts[0].holdings.find((h) => h.token.symbol === NEW.symbol);
    expect(holding).toMatchObject({
      amount: (await balanceOf(NEW.address, user)).toString(),
      verified: false,
      listed: true,
      foundOnChain: "found on chain via the issuer's factory",
      underlying: { ticker: 'SKTH', name: 'Sharekeep Test Holdings' },
      corporateActions: 'multiplier',
      price: null,
    });
    const detail = await popup.detail(NEW);
    expect(detail).toMatchObject({ foundOnChain: "found on chain via the issuer's factory", verified: false });
    expect(detail.issuer.legalEntity.value).toBe('Backed Assets (JE) Limited');
    expect(detail.corporateActions.factor).toBe((await currentMultiplier(NEW.address as Address)).toString());
  });
});
