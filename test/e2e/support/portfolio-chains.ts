// The portfolio over two chains, written once for both browsers: the devnet and a fork of it under
// chain id 31338 (the same contracts at the same addresses; account 0 gave its bCOIN away there, so
// the chains differ), added as a network by hand. The popup lists each chain's holdings, the total
// sums both, and `chain-filter` narrows rows and total to one chain.
import { type Address, erc20Abi } from 'viem';
import { expect } from 'vitest';
import { aggregatorAbi } from '../../../devnet/abis.ts';
import { accountOf, contractOf, devnetClients, tokenOf } from '../../../devnet/test-kit.ts';
import type { Deployment } from '../../../devnet/types.ts';
import { type ExpectedHolding, expectedHoldings } from '../../integration/portfolio-expected.ts';
import { attributeOf, byTestId, countOf, type UiPage, until, waitFor } from './driver.ts';
import { startOtherChain } from './other-chain.ts';
import { buildWalletFor, type WalletBuild } from './wallet-build.ts';
import { ACCOUNT_0 } from './wallet.ts';

export const FORK_CHAIN_ID = 31338;
/** The token account 0 no longer holds on the fork. */
const GIVEN_AWAY = 'bCOIN';

export interface ForkedMarket {
  forkRpcUrl: string;
  /** A wallet build that lists the devnet's tokens on the fork's chain too. */
  build: WalletBuild;
  stop(): Promise<void>;
}

/** Forks the devnet, gives account 0's bCOIN away on the fork, and builds a wallet for `browser` that knows the fork's tokens. */
export async function startForkedMarket(deployment: Deployment, browser: 'chrome' | 'firefox'): Promise<ForkedMarket> {
  const fork = await startOtherChain(FORK_CHAIN_ID, { forkUrl: deployment.rpcUrl });
  const { publicClient, write } = devnetClients({ ...deployment, chainId: FORK_CHAIN_ID, rpcUrl: fork.rpcUrl });
  const token = tokenOf(deployment, GIVEN_AWAY).address;
  const balance = await publicClient.readContract({ address: token, abi: erc20Abi, functionName: 'balanceOf', args: [ACCOUNT_0] });
  await write('user', { address: token, abi: erc20Abi, functionName: 'transfer', args: [accountOf(deployment, 'de-investor'), balance] });
  const build = buildWalletFor({ ...deployment, forks: [{ chainId: FORK_CHAIN_ID }] }, browser);
  return {
    forkRpcUrl: fork.rpcUrl,
    build,
    async stop() {
      fork.process.kill('SIGKILL');
      build.remove();
    },
  };
}

interface ShownRow {
  symbol: string | null;
  chainId: string | null;
  amount: string | null;
  value: string | null;
}

const shownRows = (popup: UiPage) =>
  popup.evaluate(
    () =>
      [...document.querySelectorAll('[data-testid="portfolio-row"]')].map((r) => ({
        symbol: r.getAttribute('data-symbol'),
        chainId: r.getAttribute('data-chain-id'),
        amount: r.querySelector('[data-testid="holding-balance"]')?.getAttribute('data-amount') ?? null,
        value: r.querySelector('[data-testid="holding-value"]')?.getAttribute('data-value') ?? null,
      })),
    undefined,
  ) as Promise<ShownRow[]>;

const sum = (holdings: readonly ExpectedHolding[]) => holdings.reduce((s, h) => s + (h.value ?? 0n), 0n);
const unpriced = (holdings: readonly ExpectedHolding[]) => holdings.filter((h) => h.value === null).length;

function expectRows(rows: readonly ShownRow[], chainId: number, expected: readonly ExpectedHolding[]) {
  const mine = rows.filter((r) => r.chainId === String(chainId));
  expect(mine.map((r) => r.symbol).sort()).toEqual(expected.map((h) => h.symbol).sort());
  for (const h of expected)
    expect(mine.find((r) => r.symbol === h.symbol)).toMatchObject({ amount: h.amount.toString(), value: h.value?.toString() ?? '' });
}

/** How many rounds the chart reads at most (lib/portfolio PRICE_HISTORY_ROUNDS). */
const CHART_ROUNDS = 24;

export interface ChainsHarness {
  deployment: Deployment;
  forkRpcUrl: string;
  /** The wallet's popup, unlocked with the test phrase (account 0). */
  popup: UiPage;
  /** Sends one UI command from an extension page, as the wallet's own pages do. */
  uiCommand(method: string, params: Record<string, unknown>): Promise<unknown>;
}

export function portfolioChainsFlows(h: ChainsHarness) {
  const { deployment, popup } = h;
  const devnetClient = devnetClients(deployment).publicClient;
  const forkClient = devnetClients({ ...deployment, chainId: FORK_CHAIN_ID, rpcUrl: h.forkRpcUrl }).publicClient;
  const { write } = devnetClients(deployment);
  const shots = process.env.SHAREKEEP_SHOTS;
  const shot = async (name: string) => {
    if (shots) await popup.screenshot(`${shots}/${name}.png`);
  };
  const held = async (client: typeof devnetClient) => (await expectedHoldings(client, deployment, ACCOUNT_0)).filter((x) => x.amount > 0n);

  return {
    /** Adds the fork by hand; the popup then shows both chains' holdings and a total of both. */
    async listsBothChainsAndSumsThem() {
      await h.uiCommand('network.add', { chainId: FORK_CHAIN_ID, rpcUrl: h.forkRpcUrl, name: 'Devnet fork' });
      const [onDevnet, onFork] = await Promise.all([held(devnetClient), held(forkClient)]);
      expect(onFork.map((x) => x.symbol)).not.toContain(GIVEN_AWAY);
      expect(onDevnet.map((x) => x.symbol)).toContain(GIVEN_AWAY);
      await popup.open('/popup.html#/');
      const rows = await until(
        async () => {
          const shown = await shownRows(popup);
          return shown.filter((r) => r.chainId === String(FORK_CHAIN_ID)).length === onFork.length &&
            shown.filter((r) => r.chainId === String(deployment.chainId)).length === onDevnet.length
            ? shown
            : null;
        },
        'the rows of both chains',
        30_000,
      );
      await shot('portfolio-two-chains');
      expectRows(rows, deployment.chainId, onDevnet);
      expectRows(rows, FORK_CHAIN_ID, onFork);
      expect(await countOf(popup, byTestId('portfolio-chain'))).toBe(2);
      const total = byTestId('portfolio-total');
      expect(BigInt((await attributeOf(popup, total, 'data-value')) ?? '0')).toBe(sum(onDevnet) + sum(onFork));
      expect(Number(await attributeOf(popup, total, 'data-excluded'))).toBe(unpriced(onDevnet) + unpriced(onFork));
    },

    /** `chain-filter` narrows the rows and the total to one chain, and `all` brings both back. */
    async filterNarrowsToOneChain() {
      const [onDevnet, onFork] = await Promise.all([held(devnetClient), held(forkClient)]);
      const total = byTestId('portfolio-total');
      for (const [chainId, expected] of [
        [FORK_CHAIN_ID, onFork],
        [deployment.chainId, onDevnet],
      ] as const) {
        await popup.select(byTestId('chain-filter'), String(chainId));
        const rows = await until(async () => {
          const shown = await shownRows(popup);
          return shown.every((r) => r.chainId === String(chainId)) ? shown : null;
        }, `only the rows of chain ${chainId}`);
        expect(rows.length).toBe(expected.length);
        expectRows(rows, chainId, expected);
        expect(BigInt((await attributeOf(popup, total, 'data-value')) ?? '0')).toBe(sum(expected));
        expect(Number(await attributeOf(popup, total, 'data-excluded'))).toBe(unpriced(expected));
      }
      await popup.select(byTestId('chain-filter'), 'all');
      await until(async () => (await shownRows(popup)).length === onDevnet.length + onFork.length, 'the rows of both chains again');
      expect(BigInt((await attributeOf(popup, total, 'data-value')) ?? '0')).toBe(sum(onDevnet) + sum(onFork));
    },

    /**
     * The TSLAx detail draws one point per round its feed has (up to the bound), the devnet's after
     * three new rounds and the fork's (read through the fork's node) without them; bCOIN has no feed: a note, no chart.
     */
    async chartHasOnePointPerRoundRead() {
      const feed = contractOf(deployment, 'PriceFeed:TSLAx') as Address;
      for (const answer of [26_000_000_000n, 25_400_000_000n, 26_300_000_000n])
        await write('deployer', { address: feed, abi: aggregatorAbi, functionName: 'updateAnswer', args: [answer] });
      const token = tokenOf(deployment, 'TSLAx').address;
      for (const [chainId, client] of [
        [deployment.chainId, devnetClient],
        [FORK_CHAIN_ID, forkClient],
      ] as const) {
        const [roundId, answer] = await client.readContract({ address: feed, abi: aggregatorAbi, functionName: 'latestRoundData' });
        const rounds = Math.min(Number(roundId & ((1n << 64n) - 1n)), CHART_ROUNDS);
        await popup.open(`/popup.html#/token/${chainId}/${token}`);
        const chart = `${byTestId('token-detail')}[data-chain-id="${chainId}"] ${byTestId('token-price-chart')}`;
        await waitFor(popup, chart);
        await shot(`price-chart-${chainId}`);
        expect(Number(await attributeOf(popup, chart, 'data-points'))).toBe(rounds);
        expect(await countOf(popup, `${chart} circle`)).toBe(rounds);
        expect(await attributeOf(popup, `${chart} circle:last-of-type`, 'data-answer')).toBe(answer.toString());
      }
      const latestOn = async (client: typeof devnetClient) =>
        (await client.readContract({ address: feed, abi: aggregatorAbi, functionName: 'latestRoundData' }))[0];
      expect((await latestOn(devnetClient)) - (await latestOn(forkClient))).toBe(3n);

      await popup.open(`/popup.html#/token/${deployment.chainId}/${tokenOf(deployment, GIVEN_AWAY).address}`);
      await waitFor(popup, `${byTestId('token-detail')}[data-symbol="${GIVEN_AWAY}"] ${byTestId('token-price-chart-note')}`);
      expect(await attributeOf(popup, byTestId('token-price-chart-note'), 'data-reason')).toBe('no-feed');
      expect(await countOf(popup, byTestId('token-price-chart'))).toBe(0);
    },
  };
}
