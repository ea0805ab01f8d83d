// The store build on Ethereum, written once for both browsers: a wallet built with the shipped
// registry (lib/registry/data/registry.json) whose Ethereum network is a local anvil with chain id 1
// and the devnet's contracts placed at the tokens' real addresses (test/integration/chain1-market.ts,
// shared with the integration test). Its other networks start turned off, so it asks that anvil only.
// The popup shows each holding's price with its source (feed or DEX pool), its value, its share
// equivalent, and in the detail its corporate actions and backing; the feeds this test places are
// its own, confirmed by no primary source, and the registry entry marks them unverified, which the
// popup says beside what they report.
import { type Address, erc20Abi } from 'viem';
import { expect } from 'vitest';
import type { Deployment } from '../../../devnet/types.ts';
import {
  AAPLX,
  balanceOf,
  bundled,
  type Chain1,
  currentMultiplier,
  E18,
  NVDAX,
  rpc,
  startChain1Market,
  SVALUE,
  TSLA_USD,
  TSLAON,
  TSLAON_USD,
  TSLAX,
} from '../../integration/chain1-market.ts';
import { formatFactor } from '../../../components/PortfolioFormat.ts';
import { expectedPoolPrice } from '../../integration/portfolio-expected.ts';
import { attributeOf, byTestId, countOf, textOf, type UiPage, until, waitFor } from './driver.ts';
import { buildLocalChainWallet, type WalletBuild } from './wallet-build.ts';
import { ACCOUNT_0 } from './wallet.ts';

export interface Chain1Wallet {
  chain: Chain1;
  build: WalletBuild;
  stop(): Promise<void>;
}

/** Starts the chain-1 anvil with its market and builds the store wallet for it in `browser`. */
export async function startChain1Wallet(browser: 'chrome' | 'firefox'): Promise<Chain1Wallet> {
  const chain = await startChain1Market();
  expect(chain.user).toBe(ACCOUNT_0);
  const build = buildLocalChainWallet({ chainId: 1, rpcUrl: chain.rpcUrl, registry: chain.overlay }, browser);
  return {
    chain,
    build,
    async stop() {
      build.remove();
      await chain.stop();
    },
  };
}

interface ShownRow {
  symbol: string | null;
  chainId: string | null;
  amount: string | null;
  shares: string | null;
  value: string | null;
  source: string | null;
  answer: string | null;
  pool: string | null;
  unverified: string[];
}

const shownRows = (popup: UiPage) =>
  popup.evaluate(
    () =>
      [...document.querySelectorAll('[data-testid="portfolio-row"]')].map((r) => {
        const price = r.querySelector('[data-testid="holding-price"]');
        return {
          symbol: r.getAttribute('data-symbol'),
          chainId: r.getAttribute('data-chain-id'),
          amount: r.querySelector('[data-testid="holding-balance"]')?.getAttribute('data-amount') ?? null,
          shares: r.querySelector('[data-testid="holding-shares"]')?.getAttribute('data-amount') ?? null,
          value: r.querySelector('[data-testid="holding-value"]')?.getAttribute('data-value') ?? null,
          source: price?.getAttribute('data-source') ?? null,
          answer: price?.getAttribute('data-answer') ?? null,
          pool: price?.getAttribute('data-pool') ?? null,
          unverified: [...r.querySelectorAll('[data-testid="feed-unverified"]')].map((u) => u.getAttribute('data-feed') ?? ''),
        };
      }),
    undefined,
  ) as Promise<ShownRow[]>;

export interface Chain1Harness {
  chain: Chain1;
  /** The wallet's popup, unlocked with the test phrase (account 0, the anvil's first account). */
  popup: UiPage;
}

export function chain1Flows({ chain, popup }: Chain1Harness) {
  const shots = process.env.SHAREKEEP_SHOTS;
  const shot = async (name: string) => {
    if (shots) await popup.screenshot(`${shots}/${name}.png`);
  };
  const openDetail = async (symbol: string, address: string) => {
    await popup.open(`/popup.html#/token/1/${address}`);
    const detail = `${byTestId('token-detail')}[data-symbol="${symbol}"][data-chain-id="1"]`;
    // The detail shows once its chain reading is in: the position line names the balance.
    await until(
      async () =>
        (await countOf(popup, `${detail} ${byTestId('token-corporate-actions')}`)) > 0 &&
        (await textOf(popup, `${detail} .td-position`))?.includes(symbol),
      `the ${symbol} detail`,
    );
    return detail;
  };

  return {
    /** Each holding: its price and source, value and share equivalent; the total sums the rows and says it leaves NVDAx out. */
    async showsPricesSourcesValuesAndShares() {
      await popup.open('/popup.html#/');
      const rows = await until(async () => {
        const shown = await shownRows(popup);
        return shown.length === 4 && shown.every((r) => r.source !== null) ? shown : null;
      }, 'the four Ethereum holdings').catch(async (e) => {
        throw new Error(`${e.message}; the popup shows: ${await popup.evaluate(() => document.body.textContent, undefined)}`);
      });
      await shot('chain1-portfolio');
      expect(rows.map((r) => r.symbol).sort()).toEqual(['AAPLx', 'NVDAx', 'TSLAon', 'TSLAx']);
      expect(rows.every((r) => r.chainId === '1')).toBe(true);
      const row = (symbol: string) => rows.find((r) => r.symbol === symbol)!;

      // TSLAx: the balance the token reports (after its 2-for-1 split), at the TSLA / USD feed.
      const tslaxBalance = await balanceOf(TSLAX.address, chain.user);
      expect(tslaxBalance).toBeGreaterThan(19n * E18);
      expect(row('TSLAx')).toMatchObject({
        amount: tslaxBalance.toString(),
        shares: tslaxBalance.toString(),
        source: 'feed',
        answer: TSLA_USD.toString(),
        value: ((tslaxBalance * TSLA_USD) / E18).toString(),
        unverified: ['price'],
      });

      // TSLAon: 5 tokens, worth 1.0234 shares each by its oracle, priced per token by the bundled
      // token-price feed (Chainlink's total-return value, sValue in it); both feeds unverified.
      const tslaonShares = (5n * E18 * SVALUE) / E18;
      expect(row('TSLAon')).toMatchObject({
        amount: (5n * E18).toString(),
        shares: tslaonShares.toString(),
        source: 'feed',
        answer: TSLAON_USD.toString(),
        value: ((5n * E18 * TSLAON_USD) / E18).toString(),
      });
      expect(row('TSLAon').unverified.sort()).toEqual(['multiplierOracle', 'tokenPrice']);
      expect(await textOf(popup, `${byTestId('portfolio-row')}[data-symbol="TSLAon"] ${byTestId('holding-price')}`)).toContain(
        'per token · token price feed',
      );

      // AAPLx: no feed; its V3 pool prices it, named with its address.
      const pool = await expectedPoolPrice(
        chain.client,
        { contracts: { USDC: chain.usdc }, dex: { uniswapV3: { pools: [{ token: AAPLX.address, address: chain.pool }] } } } as unknown as Deployment,
        { address: AAPLX.address } as never,
      );
      // 3 shares minted (the balance the token reports, its multiplier applied).
      const aaplxBalance = await balanceOf(AAPLX.address, chain.user);
      expect(aaplxBalance / 10n ** 12n).toBe(3_000_000n);
      expect(row('AAPLx')).toMatchObject({
        amount: aaplxBalance.toString(),
        shares: aaplxBalance.toString(),
        source: 'dex',
        answer: pool!.price.toString(),
        pool: chain.pool.toLowerCase(),
        value: ((aaplxBalance * pool!.price) / E18).toString(),
        unverified: [],
      });
      expect(await textOf(popup, `${byTestId('portfolio-row')}[data-symbol="AAPLx"] ${byTestId('holding-price')}`)).toMatch(
        /DEX price .* Uniswap V3 AAPLx\/USDC 0\.3% pool/,
      );

      // NVDAx: held, nothing prices it, and it says so.
      expect(row('NVDAx')).toMatchObject({ amount: (4n * E18).toString(), source: 'none', value: '' });
      expect(await textOf(popup, `${byTestId('portfolio-row')}[data-symbol="NVDAx"] ${byTestId('holding-value')}`)).toBe('No price');

      const total = byTestId('portfolio-total');
      const sum = ['TSLAx', 'TSLAon', 'AAPLx'].reduce((s, symbol) => s + BigInt(row(symbol).value!), 0n);
      expect(BigInt((await attributeOf(popup, total, 'data-value')) ?? '')).toBe(sum);
      expect(await attributeOf(popup, total, 'data-excluded')).toBe('1');
      expect(await textOf(popup, total)).toContain('excludes 1 holding without a price');
    },

    /** TSLAx's detail: the split as history, the change to come as scheduled, the fee; TSLAon's shares per token from its oracle. */
    async showsCorporateActions() {
      let detail = await openDetail('TSLAx', TSLAX.address);
      const actions = `${detail} ${byTestId('token-corporate-actions')}`;
      expect(await attributeOf(popup, actions, 'data-model')).toBe('multiplier');
      const text = (await textOf(popup, actions)) ?? '';
      expect(text).toContain(`Multiplier now: ${formatFactor((await currentMultiplier(TSLAX.address as Address)).toString())}`);
      expect(text).toMatch(/History.*Multiplier set to × 2\b/);
      expect(text).toMatch(/Scheduled.*Multiplier becomes × 2\.02 on .*\(not active yet\)/);
      expect(text).toMatch(/Management fee: \d+\.\d\d% a year/);
      await shot('chain1-tslax-detail');

      detail = await openDetail('TSLAon', TSLAON.address);
      expect(await attributeOf(popup, `${detail} ${byTestId('token-corporate-actions')}`, 'data-model')).toBe('oracle-multiplier');
      expect(await textOf(popup, `${detail} ${byTestId('token-corporate-actions')}`)).toContain('Shares per token now: × 1.0234');
      expect(await countOf(popup, `${detail} .td-position ${byTestId('feed-unverified')}[data-feed="multiplierOracle"]`)).toBe(1);
      expect(await countOf(popup, `${detail} .td-position ${byTestId('feed-unverified')}[data-feed="tokenPrice"]`)).toBe(1);
      expect(await textOf(popup, `${detail} .td-position`)).toMatch(/\$\d+\.\d\d per token \(its feed includes the multiplier\)/);

      detail = await openDetail('AAPLx', AAPLX.address);
      expect(await textOf(popup, `${detail} .td-position`)).toMatch(/DEX price \$\d+\.\d\d per token \(USDC pool/);
      expect(await countOf(popup, `${detail} ${byTestId('feed-unverified')}`)).toBe(0);
    },

    /** TSLAx's backing: its reserve feed (unverified) against Ethereum's supply only, naming the five chains turned off; TSLAon's not verifiable. */
    async showsBackingOnThisChainOnly() {
      const detail = await openDetail('TSLAx', TSLAX.address);
      const ratio = `${detail} ${byTestId('token-backing-ratio')}`;
      await waitFor(popup, `${ratio}[data-ratio-bps]`);
      await shot('chain1-tslax-backing');
      expect(await attributeOf(popup, ratio, 'data-status')).toBe('under-backed');
      const bps = Number(await attributeOf(popup, ratio, 'data-ratio-bps'));
      expect(bps).toBeGreaterThanOrEqual(9799);
      expect(bps).toBeLessThanOrEqual(9800);
      const supply = await chain.client.readContract({ address: TSLAX.address as Address, abi: erc20Abi, functionName: 'totalSupply' });
      expect(bps).toBe(Number((((supply * 98n) / 100n / 10n ** 10n) * 10n ** 10n * 10_000n) / supply));
      const chains = `${ratio} ${byTestId('token-backing-chains')}`;
      expect(await attributeOf(popup, chains, 'data-scope')).toBe('this-chain-only');
      const others = bundled.family(TSLAX).flatMap((t) => (t.chainId === 1 ? [] : [t.chainId]));
      expect(others).toHaveLength(5);
      expect(await attributeOf(popup, chains, 'data-missing')).toBe(others.join(','));
      expect(await textOf(popup, chains)).toContain('turned off in Settings');
      expect(await countOf(popup, `${ratio} ${byTestId('feed-unverified')}[data-feed="reserve"]`)).toBe(1);

      const ondo = await openDetail('TSLAon', TSLAON.address);
      expect(await attributeOf(popup, `${ondo} ${byTestId('token-backing-ratio')}`, 'data-status')).toBe('not-verifiable');
      const nvdax = await openDetail('NVDAx', NVDAX.address);
      expect(await textOf(popup, `${nvdax} .td-position`)).toContain('No price feed or DEX pool deep enough');
    },

    /** The scheduled multiplier activates (time passes on the chain): the open popup's TSLAx balance moves without a reload, and the detail lists it as history. */
    async showsTheScheduledMultiplierOnceActive() {
      await popup.open('/popup.html#/');
      const amountOf = () => attributeOf(popup, `${byTestId('portfolio-row')}[data-symbol="TSLAx"] ${byTestId('holding-balance')}`, 'data-amount');
      const before = await until(amountOf, 'the TSLAx row');
      expect(before).toBe((await balanceOf(TSLAX.address, chain.user)).toString());
      await rpc('evm_setNextBlockTimestamp', [Number(chain.scheduledAt) + 60]);
      await rpc('evm_mine');
      const after = (await balanceOf(TSLAX.address, chain.user)).toString();
      expect(BigInt(after)).toBeGreaterThan(BigInt(before!));
      // The popup reads again on its own (no reload, no navigation) and shows the new balance.
      await until(async () => (await amountOf()) === after, `TSLAx at ${after}`, 30_000);

      const detail = await openDetail('TSLAx', TSLAX.address);
      const text = (await textOf(popup, `${detail} ${byTestId('token-corporate-actions')}`)) ?? '';
      expect(text).toMatch(/History.*Multiplier set to × 2\.02/);
      expect(text).not.toContain('Scheduled');
      expect(text).not.toContain('not active yet');
    },
  };
}
