// The wallet's own price of a token: its feed in USD per share, times the shares one token is.
import { decodeFunctionData, encodeFunctionResult } from 'viem';
import { describe, expect, it } from 'vitest';
import { walletTokenPrice } from '../../../lib/portfolio';
import { aggregatorAbi } from '../../../lib/portfolio/abis';
import type { Token } from '../../../lib/registry';

const FEED = '0x2222222222222222222222222222222222222222';
const ORACLE = '0x3333333333333333333333333333333333333333';
const E18 = 10n ** 18n;

function rpcWith(answers: Partial<Record<string, { answer: bigint; decimals: number } | 'error'>>) {
  return async (_method: string, params: unknown[] = []) => {
    const { to, data } = params[0] as { to: string; data: `0x${string}` };
    const feed = answers[to];
    if (!feed || feed === 'error') throw new Error('execution reverted');
    const call = decodeFunctionData({ abi: aggregatorAbi, data });
    return call.functionName === 'decimals'
      ? encodeFunctionResult({ abi: aggregatorAbi, functionName: 'decimals', result: feed.decimals })
      : encodeFunctionResult({ abi: aggregatorAbi, functionName: 'latestRoundData', result: [1n, feed.answer, 0n, 1_700_000_000n, 1n] });
  };
}
const token = (corporateActions: Token['corporateActions'], feeds: Token['feeds'], decimals = 18) =>
  ({ chainId: 1, address: '0x1', symbol: 'TKN', decimals, corporateActions, feeds }) as unknown as Token;

describe('walletTokenPrice', () => {
  it.each([
    { case: 'a multiplier token at its share price', t: token('multiplier', { price: { address: FEED } }), usd: 250n * E18 },
    { case: 'a 6-decimal token', t: token('none', { price: { address: FEED } }, 6), usd: 250n * E18 },
    {
      case: 'an Ondo-style token worth 1.5 shares',
      t: token('oracle-multiplier', { price: { address: FEED }, multiplierOracle: { address: ORACLE } }),
      usd: 375n * E18,
    },
  ])('$case', async ({ t, usd }) => {
    const rpc = rpcWith({ [FEED]: { answer: 250n * 10n ** 8n, decimals: 8 }, [ORACLE]: { answer: 15n * 10n ** 17n, decimals: 18 } });
    expect(await walletTokenPrice(rpc, t)).toEqual({ source: 'feed', usdPerToken: usd, updatedAt: 1_700_000_000 });
  });

  it.each([
    { case: 'no feed in the registry', t: token('none', undefined), answers: {}, reason: /no price feed for TKN/ },
    {
      case: 'a feed that cannot be read',
      t: token('none', { price: { address: FEED } }),
      answers: { [FEED]: 'error' as const },
      reason: /could not be read/,
    },
    {
      case: 'a zero answer',
      t: token('none', { price: { address: FEED } }),
      answers: { [FEED]: { answer: 0n, decimals: 8 } },
      reason: /has no answer/,
    },
  ])('says why there is no price: $case', async ({ t, answers, reason }) => {
    expect(await walletTokenPrice(rpcWith(answers), t)).toEqual({ source: 'none', reason: expect.stringMatching(reason) });
  });
});
