// The token detail's newer sections on the devnet, written once for both browsers, on the two-chain
// devnet of portfolio-chains.ts (the devnet and its fork under chain id 31338, added by hand):
// - a dShare's distributions as Dinari's distributor announced them: currency, amount, window,
//   state and what is left to pay;
// - the backing of AAPL.d, issued on both chains, measured against the supply of both, each chain
//   named with its supply (`data-scope` all-chains), and "this chain only" once the fork is turned off.
import { type Address, erc20Abi } from 'viem';
import { expect } from 'vitest';
import { aggregatorAbi, dividendDistributionAbi, usdcAbi } from '../../../devnet/abis.ts';
import { reserveAnswer } from '../../../devnet/deploy/market.ts';
import { accountOf, contractOf, devnetClients, tokenOf } from '../../../devnet/test-kit.ts';
import type { Deployment } from '../../../devnet/types.ts';
import { computeBackingRatio } from '../../../lib/portfolio/index.ts';
import { attributeOf, byTestId, countOf, textOf, type UiPage, until, waitFor } from './driver.ts';
import { FORK_CHAIN_ID } from './portfolio-chains.ts';
import { ACCOUNT_0 } from './wallet.ts';

export interface TokenDetailHarness {
  deployment: Deployment;
  forkRpcUrl: string;
  /** The wallet's popup, unlocked with the test phrase (account 0). */
  popup: UiPage;
  uiCommand(method: string, params: Record<string, unknown>): Promise<unknown>;
}

interface ShownDistribution {
  id: string | null;
  state: string | null;
  start: string | null;
  end: string | null;
  text: string;
}

export function tokenDetailFlows(h: TokenDetailHarness) {
  const { deployment, popup } = h;
  const { publicClient, write } = devnetClients(deployment);
  const forkClient = devnetClients({ ...deployment, chainId: FORK_CHAIN_ID, rpcUrl: h.forkRpcUrl }).publicClient;
  const aapl = tokenOf(deployment, 'AAPL.d');
  const shots = process.env.SHAREKEEP_SHOTS;
  const shot = async (name: string) => {
    if (shots) await popup.screenshot(`${shots}/${name}.png`);
  };
  const detailOf = `${byTestId('token-detail')}[data-symbol="AAPL.d"][data-chain-id="${deployment.chainId}"]`;
  const openAaplDetail = async () => {
    await popup.open('/popup.html#/');
    await popup.open(`/popup.html#/token/${deployment.chainId}/${aapl.address}`);
    await waitFor(popup, `${detailOf} ${byTestId('token-corporate-actions')}`);
  };
  /** The portfolio has read both chains: AAPL.d shows on each. */
  const bothChainsRead = async () => {
    await popup.open('/popup.html#/');
    await until(
      async () =>
        (await countOf(popup, `${byTestId('portfolio-row')}[data-symbol="AAPL.d"][data-chain-id="${FORK_CHAIN_ID}"]`)) === 1 &&
        (await countOf(popup, `${byTestId('portfolio-row')}[data-symbol="AAPL.d"][data-chain-id="${deployment.chainId}"]`)) === 1,
      'AAPL.d on both chains',
      30_000,
    );
  };

  return {
    /** The admin announces a USDC distribution and pays part of it; the AAPL.d detail shows it open with its amount, window and what is left. */
    async showsAnnouncedDistribution() {
      const distribution = contractOf(deployment, 'DividendDistribution');
      const usdc = contractOf(deployment, 'USDC');
      await write('deployer', { address: usdc, abi: usdcAbi, functionName: 'mint', args: [accountOf(deployment, 'deployer'), 3_000_000_000n] });
      await write('deployer', { address: usdc, abi: usdcAbi, functionName: 'approve', args: [distribution, 3_000_000_000n] });
      const { timestamp } = await publicClient.getBlock();
      const endTime = timestamp + 30n * 86_400n;
      const created = await write('deployer', {
        address: distribution,
        abi: dividendDistributionAbi,
        functionName: 'createDistribution',
        args: [usdc, 3_000_000_000n, endTime],
      });
      const id = (await publicClient.readContract({ address: distribution, abi: dividendDistributionAbi, functionName: 'nextDistributionId' })) - 1n;
      await write('deployer', { address: distribution, abi: dividendDistributionAbi, functionName: 'distribute', args: [id, ACCOUNT_0, 1_000_000n] });
      const startTime = (await publicClient.getBlock({ blockNumber: created.blockNumber })).timestamp;

      await openAaplDetail();
      const shown = await until(async () => {
        const list = (await popup.evaluate(
          (selector) =>
            [...document.querySelectorAll(selector)].map((d) => ({
              id: d.getAttribute('data-distribution-id'),
              state: d.getAttribute('data-state'),
              start: d.getAttribute('data-start'),
              end: d.getAttribute('data-end'),
              text: d.textContent ?? '',
            })),
          `${detailOf} [data-testid="announced-distribution"]`,
        )) as ShownDistribution[];
        return list.some((d) => d.id === id.toString()) ? list : null;
      }, `announced distribution ${id}`);
      await shot('announced-distribution');
      // Newest first; the deployment's own distribution 0 is listed too.
      expect(shown.map((d) => d.id)).toEqual([id.toString(), '0']);
      const mine = shown[0];
      expect(mine).toMatchObject({ state: 'open', start: startTime.toString(), end: endTime.toString() });
      expect(mine.text).toContain('3,000 USDC');
      expect(mine.text).toContain('open now');
      expect(mine.text).toContain('2,999 USDC left to pay');
      expect(mine.text).toContain(`distribution ${id}`);
      expect(shown[1].state).toBe('open');
      expect(await textOf(popup, `${detailOf} ${byTestId('token-corporate-actions')}`)).toContain('Dividends announced');
    },

    /** With the fork added, AAPL.d's reserves are measured against both chains' supply, each named; with the fork off, this chain only. */
    async showsBackingOverBothChains() {
      await h.uiCommand('network.add', { chainId: FORK_CHAIN_ID, rpcUrl: h.forkRpcUrl, name: 'Devnet fork' });
      const [here, there] = await Promise.all(
        [publicClient, forkClient].map((c) => c.readContract({ address: aapl.address, abi: erc20Abi, functionName: 'totalSupply' })),
      );
      // The devnet's reserve feed reports the whole issue, 92% of both chains' supply, as a feed for the whole issue does.
      const feed = aapl.reserveFeed as Address;
      await write('deployer', { address: feed, abi: aggregatorAbi, functionName: 'updateAnswer', args: [reserveAnswer(9200n, here + there)] });
      const [, reserves] = await publicClient.readContract({ address: feed, abi: aggregatorAbi, functionName: 'latestRoundData' });
      await bothChainsRead();

      await openAaplDetail();
      const ratio = `${detailOf} ${byTestId('token-backing-ratio')}`;
      const chains = `${ratio} ${byTestId('token-backing-chains')}`;
      const expected = computeBackingRatio(reserves, 8, here + there, 18)!.toString();
      await until(async () => (await attributeOf(popup, ratio, 'data-ratio-bps')) === expected, `AAPL.d backing at ${expected} bps`);
      await shot('backing-two-chains');
      expect(Number(expected)).toBeGreaterThanOrEqual(9199);
      expect(await attributeOf(popup, ratio, 'data-status')).toBe('under-backed');
      expect(await attributeOf(popup, chains, 'data-scope')).toBe('all-chains');
      expect(await attributeOf(popup, chains, 'data-missing')).toBeNull();
      const text = (await textOf(popup, chains)) ?? '';
      expect(text).toContain('Supply of every chain it is on:');
      expect(text).toContain('Devnet fork');

      // The fork turned off: the ratio counts the devnet's supply only, and says which chain it leaves out.
      await h.uiCommand('network.setPortfolio', { chainId: FORK_CHAIN_ID, enabled: false });
      await openAaplDetail();
      await until(async () => (await attributeOf(popup, chains, 'data-scope')) === 'this-chain-only', 'this chain only');
      expect(await attributeOf(popup, chains, 'data-missing')).toBe(String(FORK_CHAIN_ID));
      expect(await textOf(popup, chains)).toContain('Devnet fork (turned off in Settings)');
      expect(await attributeOf(popup, ratio, 'data-ratio-bps')).toBe(computeBackingRatio(reserves, 8, here, 18)!.toString());
      expect(await textOf(popup, ratio)).toContain('at most');
      await h.uiCommand('network.setPortfolio', { chainId: FORK_CHAIN_ID, enabled: true });
    },
  };
}
