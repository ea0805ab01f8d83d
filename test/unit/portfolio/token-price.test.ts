// The wallet's own price of a token: its feed in USD per share, times the shares one token is.
import { describe, expect, it } from 'vitest';
import { walletTokenPrice } from '../../../lib/portfolio';
import type { Token } from '../../../lib/registry';
import { fakeChain, feed } from './fake-chain';

const FEED = '0x2222222222222222222222222222222222222222';
const ORACLE = '0x3333333333333333333333333333333333333333';
const E18 = 10n ** 18n;

/** A node running Multicall3 whose feeds answer as given ('error': the feed reverts). */
function rpcWith(answers: Partial<Record<string, { answer: bigint; decimals: number } | 'error'>>) {
  const contracts = Object.fromEntries(
    Object.entries(answers).map(([address, a]) => [address, a === 'error' || !a ? {} : feed(a.answer, a.decimals, 1_700_000_000)]),
  );
  const chain = fakeChain(1, contracts);
  return (method: string, params: unknown[] = []) => chain.request({ method, params });
}
const token = (corporateActions: Token['corporateActions'], feeds: Token['feeds'], decimals = 18) =>
  ({ chainId: 1, address: '0x1111111111111111111111111111111111111111', symbol: 'TKN', decimals, corporateActions, feeds }) as unknown as Token;

describe('walletTokenPrice', () => {
  it.each([
    { case: 'a multiplier token at its share price', t: token('multiplier', { price: { address: FEED } }), usd: 250n * E18 },
    { case: 'a 6-decimal token', t: token('none', { price: { address: FEED } }, 6), usd: 250n * E18 },
    {
      case: 'an Ondo-style token worth 1.5 shares',
      t: token('oracle-multiplier', { price: { address: FEED }, multiplierOracle: { address: ORACLE } }),
      usd: 375n * E18,
    },
    {
      // Chainlink's Ondo GM "total return value" feed: the token's own price, sValue in it, so no oracle is read.
      case: 'an Ondo-style token priced by its own token-price feed',
      t: token('oracle-multiplier', { tokenPrice: { address: FEED } }),
      usd: 250n * E18,
    },
    {
      case: "a share feed wins over a token-price feed (one rule, the share's price times the shares)",
      t: token('oracle-multiplier', { price: { address: FEED }, multiplierOracle: { address: ORACLE }, tokenPrice: { address: ORACLE } }),
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
