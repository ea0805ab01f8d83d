// Issue 10, item 13: the approval view of a Uniswap V2 swap says who receives what is bought.
// Router02 pays `to` as given, so `to = 0x…01` is address 1, not "you".
import { encodeFunctionData, parseAbi } from 'viem';
import { describe, expect, it } from 'vitest';
import type { SigningView } from '../../../lib/signing';
import { ACCOUNT_0, ACCOUNT_1, connect, createTestWallet } from '../wallet/harness';

const ROUTER = '0x7a250d5630B4cF539739dF2C5dAcb4c659F2488D';
const USDC = '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48';
const TSLA = '0x8aD3c73F833d3F9A523aB01476625F269aEB7Cf0';
const ADDRESS_1 = '0x0000000000000000000000000000000000000001';
const abi = parseAbi(['function swapExactTokensForTokens(uint256 amountIn, uint256 amountOutMin, address[] path, address to, uint256 deadline)']);

async function viewOfSwapTo(to: string): Promise<SigningView> {
  const t = await createTestWallet();
  await connect(t);
  const data = encodeFunctionData({
    abi,
    functionName: 'swapExactTokensForTokens',
    args: [100n, 200n, [USDC, TSLA], to as `0x${string}`, 2_000_000_000n],
  });
  void t.request('eth_sendTransaction', [{ from: ACCOUNT_0, to: ROUTER, data }]).catch(() => undefined);
  const approval = await t.nextApproval();
  t.wallet.approvals.rejectAll();
  return approval.details as SigningView;
}

describe('who receives a V2 swap, as the approval window shows it', () => {
  it.each([
    ['address 1', ADDRESS_1],
    ["the user's second account", ACCOUNT_1],
  ])('a swap paying %s shows that address as the receiver, no "you receive", and warns', async (_name, to) => {
    const view = await viewOfSwapTo(to);
    const bought = view.changes.filter((c) => c.direction === 'in');
    expect(bought).toEqual([expect.objectContaining({ token: TSLA, amount: expect.stringContaining('200'), bound: 'min', recipient: to })]);
    expect(view.summary).toContain(to);
    expect(view.verdict.verdict).not.toBe('allow');
    expect(view.verdict.reasons.map((r) => r.code)).toContain('recipient-not-sender');
  });

  it('a swap paying the signer shows "you receive" with no recipient and no warning', async () => {
    const view = await viewOfSwapTo(ACCOUNT_0);
    expect(view.changes.filter((c) => c.direction === 'in')).toEqual([expect.not.objectContaining({ recipient: expect.anything() })]);
    expect(view.verdict.reasons.map((r) => r.code)).not.toContain('recipient-not-sender');
  });
});
