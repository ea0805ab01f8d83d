// Tokens outside the registry that imitate a registry token or a well-known symbol, through the
// wallet's real request path: what the approval names them and what its verdict says.
import { type Address, encodeFunctionData, encodeFunctionResult, erc20Abi } from 'viem';
import { describe, expect, it } from 'vitest';
import { approvalVerdict } from '../../../lib/compliance';
import type { SigningView } from '../../../lib/signing';
import { issuer, registryData, token } from '../registry/fixtures';
import { ACCOUNT_0, ACCOUNT_1, connect, createTestWallet, type TestWallet } from './harness';

const REAL_TSLA = '0x8888888888888888888888888888888888888888';
const IMPOSTOR = '0x5FbDB2315678afecb367f032d93F642f64180aa3';
const tesla = token({ chainId: 31337, address: REAL_TSLA, symbol: 'TSLAx', name: 'Tesla xStock' });
const registry = registryData([tesla], [issuer({ contracts: [] })]);

/** A node where each token contract answers symbol(), name() and decimals(). */
function withTokens(t: TestWallet, tokens: Record<string, { symbol: string; name: string }>) {
  t.node.answers.eth_call = (params) => {
    const { to, data } = params[0] as { to: string; data: string };
    const entry = Object.entries(tokens).find(([address]) => address.toLowerCase() === to.toLowerCase())?.[1];
    if (!entry) throw new Error('execution reverted');
    if (data.startsWith('0x95d89b41')) return encodeFunctionResult({ abi: erc20Abi, functionName: 'symbol', result: entry.symbol });
    if (data.startsWith('0x06fdde03')) return encodeFunctionResult({ abi: erc20Abi, functionName: 'name', result: entry.name });
    if (data.startsWith('0x313ce567')) return encodeFunctionResult({ abi: erc20Abi, functionName: 'decimals', result: 18 });
    throw new Error('execution reverted');
  };
}

async function watchRequest(symbol: string, name = 'Some token') {
  const t = await createTestWallet({ registry });
  withTokens(t, { [IMPOSTOR]: { symbol, name } });
  const pending = t.request('wallet_watchAsset', { type: 'ERC20', options: { address: IMPOSTOR } });
  const approval = await t.nextApproval();
  return { t, pending, approval, verdict: approvalVerdict(approval) };
}

describe('wallet_watchAsset of a look-alike token', () => {
  it.each([
    ['Cyrillic Т', '\u0422SLAx'],
    ['full-width letters', '\uff34\uff33\uff2c\uff21x'],
    ['a zero-width space', 'TS\u200bLAx'],
    ['mixed Cyrillic, Greek and zero-width', '\u0422\u0405L\u200b\u0391x'],
    ['the plain registry symbol', 'TSLAx'],
  ])('names a token spelt with %s as a look-alike of the registry token, and warns', async (_, symbol) => {
    const { t, pending, approval, verdict } = await watchRequest(symbol);
    expect(approval.details).toMatchObject({
      symbol,
      imitation: { of: 'TSLAx', address: REAL_TSLA },
      lookalikes: [{ symbol: 'TSLAx', address: REAL_TSLA }],
    });
    const { label } = approval.details as { label: string };
    expect(label).toMatch(/\(look-alike of TSLAx, not it\)$/);
    expect(label).not.toBe('TSLAx');
    expect(verdict.verdict).toBe('warn');
    expect(verdict.reasons.map((r) => r.code)).toContain('lookalike-token');
    expect(verdict.reasons.find((r) => r.code === 'lookalike-token')?.message).toContain(REAL_TSLA);
    t.wallet.approvals.decide(approval.id, { approved: false });
    await expect(pending).rejects.toMatchObject({ code: 4001 });
  });

  it('catches a token whose name, not its symbol, reads as the registry token', async () => {
    const { approval, verdict } = await watchRequest('GIFT', 'Tesla x\u0405tock');
    expect(approval.details).toMatchObject({ imitation: { of: 'TSLAx' }, label: 'GIFT (look-alike of TSLAx, not it)' });
    expect(verdict.reasons.map((r) => r.code)).toContain('lookalike-token');
  });

  it.each([
    ['zero-width', 'US\u200bDC', 'US[U+200B]DC (look-alike of USDC, not it)'],
    ['Cyrillic', 'U\u0405DC', 'U\u0405DC (look-alike of USDC, not it)'],
    ['full-width', '\uff25\uff34\uff28', '\uff25\uff34\uff28 (look-alike of ETH, not it)'],
  ])('names a %s spelling of a well-known symbol as a look-alike', async (_, symbol, label) => {
    const { approval, verdict } = await watchRequest(symbol);
    expect(approval.details).toMatchObject({ label, lookalikes: [] });
    expect(verdict.reasons.find((r) => r.code === 'lookalike-token')?.message).toMatch(/look-alike or invisible characters/);
  });

  it('names an ordinary token as it is, with only the unverified warning', async () => {
    const { approval, verdict } = await watchRequest('MINE', 'My token');
    expect(approval.details).toMatchObject({ label: 'MINE', name: 'My token', lookalikes: [] });
    expect((approval.details as { imitation?: unknown }).imitation).toBeUndefined();
    expect(verdict.reasons.map((r) => r.code)).toEqual(['unverified-token']);
  });
});

describe('transactions that name a look-alike token', () => {
  const transfer = (tokenAddress: Address) => ({
    from: ACCOUNT_0,
    to: tokenAddress,
    data: encodeFunctionData({ abi: erc20Abi, functionName: 'transfer', args: [ACCOUNT_1, 10n ** 18n] }),
  });

  async function sendView(symbol: string, tokenAddress: Address) {
    const t = await createTestWallet({ registry });
    withTokens(t, { [IMPOSTOR]: { symbol, name: 'x' }, [REAL_TSLA]: { symbol: 'TSLAx', name: 'Tesla xStock' } });
    await connect(t);
    const pending = t.request('eth_sendTransaction', [transfer(tokenAddress)]);
    pending.catch(() => undefined);
    const approval = await t.nextApproval();
    t.wallet.approvals.decide(approval.id, { approved: false });
    return approval.details as SigningView;
  }

  it('never names the impostor as the registry token: summary, changes and verdict say look-alike', async () => {
    const view = await sendView('\u0422SLAx', IMPOSTOR);
    expect(view.summary).toContain('\u0422SLAx (look-alike of TSLAx, not it)');
    expect(view.changes.map((c) => c.symbol)).toEqual(['\u0422SLAx (look-alike of TSLAx, not it)']);
    expect(view.verdict.verdict).not.toBe('allow');
    const reason = view.verdict.reasons.find((r) => r.code === 'lookalike-token');
    expect(reason?.message).toContain(REAL_TSLA);
  });

  it('names a zero-width USDC as a look-alike and shows its hidden character', async () => {
    const view = await sendView('US\u200bDC', IMPOSTOR);
    expect(view.summary).toContain('US[U+200B]DC (look-alike of USDC, not it)');
    expect(view.verdict.reasons.map((r) => r.code)).toContain('lookalike-token');
  });

  it('names the registry token itself plainly, without a look-alike warning', async () => {
    const view = await sendView('\u0422SLAx', REAL_TSLA);
    expect(view.changes.map((c) => c.symbol)).toEqual(['TSLAx']);
    expect(view.verdict.reasons.map((r) => r.code)).not.toContain('lookalike-token');
  });
});
