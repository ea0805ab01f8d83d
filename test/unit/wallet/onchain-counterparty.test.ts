// Issue 11: an ERC-1404 token judges a transfer by both parties, so for a buy the guard asks it
// with the real counterparty where the request names it: a Uniswap V2 route's last pair (its
// address computed from the chain's V2 factory in the registry) sends, the user receives. A
// token that refuses the pair is refused although the user alone would pass; one that refuses
// only the user as sender (a lock-up) is not refused a buy.
import { type Address, encodeFunctionData, erc20Abi, getAddress, parseAbi } from 'viem';
import { describe, expect, it } from 'vitest';
import type { RegistryData } from '../../../lib/registry';
import { uniswapV2Pair, uniswapV3Pool } from '../../../lib/registry';
import { erc1404Abi } from '../../../lib/tokens';
import { A, createFakeChain, scriptStandards } from '../tokens/fake-contracts';
import { ACCOUNT_0, connect, createTestWallet } from './harness';

const ROUTER: Address = '0x7a250d5630B4cF539739dF2C5dAcb4c659F2488D';
const v2 = parseAbi(['function swapExactTokensForTokens(uint256 amountIn, uint256 amountOutMin, address[] path, address to, uint256 deadline)']);
const dex = {
  chainId: 31337,
  source: 'devnet:deployment',
  verified: true,
  uniswapV2: { factory: '0x5C69bEe701ef814a2B6a3EDD4B1652CB9cc5aA6f', pairInitCodeHash: `0x${'96'.repeat(32)}` },
  uniswapV3: { factory: '0x1F98431c8aD98523631AE4a59f267346ea31F984', poolInitCodeHash: `0x${'e3'.repeat(32)}`, fees: [500, 3000, 10000] },
  quotes: [],
};
const registry: RegistryData = { issuers: [], tokens: [], dexes: [dex] };
const PAIR = uniswapV2Pair(dex, A.plain, A.t1404)!;
const POOL = uniswapV3Pool(dex, A.plain, A.t1404, 3000)!;
const v3 = parseAbi([
  'function exactInputSingle((address tokenIn, address tokenOut, uint24 fee, address recipient, uint256 deadline, uint256 amountIn, uint256 amountOutMinimum, uint160 sqrtPriceLimitX96) params) payable',
]);
const v2Buy = encodeFunctionData({
  abi: v2,
  functionName: 'swapExactTokensForTokens',
  args: [10n ** 18n, 7n, [A.plain, A.t1404], ACCOUNT_0, 2_000_000_000n],
});
const v3Buy = encodeFunctionData({
  abi: v3,
  functionName: 'exactInputSingle',
  args: [
    {
      tokenIn: A.plain,
      tokenOut: A.t1404,
      fee: 3000,
      recipient: ACCOUNT_0,
      deadline: 2_000_000_000n,
      amountIn: 10n ** 18n,
      amountOutMinimum: 9n,
      sqrtPriceLimitX96: 0n,
    },
  ],
});

type Asked = { from: Address; to: Address; value: bigint };

/** A DE user buys the ERC-1404 token for A.plain with `data` (on V2 by default); the token answers `code(asked)`. Returns the verdict and what the token was asked. */
async function buy(code: (asked: Asked) => number, data = v2Buy) {
  const t = await createTestWallet({ jurisdiction: 'DE', registry });
  const chain = createFakeChain();
  scriptStandards(chain);
  const asked: Asked[] = [];
  chain.add(A.t1404, [...erc1404Abi, ...erc20Abi], {
    symbol: () => 'R1404',
    decimals: () => 18,
    balanceOf: () => 0n,
    detectTransferRestriction: (from: Address, to: Address, value: bigint) => {
      const question = { from: getAddress(from), to: getAddress(to), value };
      if (from !== '0x0000000000000000000000000000000000000000') asked.push(question);
      return code(question);
    },
    messageForTransferRestriction: (c: number) => (c === 5 ? 'Sender is not whitelisted' : 'Unknown'),
  });
  t.node.answers.eth_call = (params) => chain.ethCall(params);
  await connect(t);
  const pending = t.request('eth_sendTransaction', [{ from: ACCOUNT_0, to: ROUTER, data }]).catch((e: { code: number }) => e);
  const approval = await t.nextApproval();
  const { verdict } = approval.details as { verdict: { verdict: string; reasons: { severity: string; message: string }[] } };
  t.wallet.approvals.decide(approval.id, { approved: false });
  await pending;
  return { verdict, asked };
}

describe('an ERC-1404 buy on Uniswap V2 is asked about with the pair as the sender', () => {
  it('asks detectTransferRestriction(pair, user, amount bought at least)', async () => {
    const { asked } = await buy(() => 0);
    expect(asked).toEqual([{ from: PAIR, to: ACCOUNT_0, value: 7n }]);
  });

  it('a V3 SwapRouter buy asks with its pool as the sender', async () => {
    const { asked } = await buy(() => 0, v3Buy);
    expect(asked).toEqual([{ from: POOL, to: ACCOUNT_0, value: 9n }]);
  });

  it('a token that refuses the pair as sender: block, with the token’s own message', async () => {
    const { verdict } = await buy(({ from }) => (from === PAIR ? 5 : 0));
    expect(verdict.verdict).toBe('block');
    expect(verdict.reasons.find((r) => r.severity === 'block')?.message).toMatch(
      /R1404 .*detectTransferRestriction says restriction code 5: "Sender is not whitelisted"/,
    );
  });

  it('a token that refuses only the user as sender (a lock-up): the buy is not refused on chain', async () => {
    const { verdict } = await buy(({ from }) => (from === ACCOUNT_0 ? 5 : 0));
    expect(verdict.reasons.filter((r) => r.severity === 'block').map((r) => r.message)).not.toContainEqual(
      expect.stringContaining('detectTransferRestriction'),
    );
  });
});
