// Issue 11 through the wallet's real request path: a site's eth_sendTransaction of a call no decoder
// knows, on a node that cannot simulate (the scripted node has no eth_simulateV1), from an account
// holding a restricted token, is refused and never signed. The balances come from a recent portfolio
// snapshot, else from balanceOf in the guard's one Multicall3 batch.
import { type Address, encodeFunctionData, erc20Abi, getAddress, type Hex } from 'viem';
import { describe, expect, it } from 'vitest';
import { PORTFOLIO_CACHE_PREFIX } from '../../../lib/holdings';
import type { PortfolioSnapshot } from '../../../lib/portfolio';
import { issuer, registryData, token } from '../registry/fixtures';
import { A, createFakeChain, MULTICALL3, scriptStandards } from '../tokens/fake-contracts';
import { ACCOUNT_0, connect, createTestWallet, type TestWallet } from './harness';

const TSLAX: Address = getAddress('0x1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d');
const TERMS = 'https://example.test/xstocks/terms';
const OPAQUE: Address = getAddress('0x6666666666666666666666666666666666666666');
const registry = registryData(
  [token({ chainId: 31337, address: TSLAX, symbol: 'TSLAx', issuer: 'acme' })],
  [issuer({ rule: { kind: 'excluded', places: ['US'], forbids: ['acquire'], source: TERMS, read: '2026-12-02' }, terms: TERMS })],
);
/** A selector no decoder knows, with nothing in it that reads as a token address. */
const OPAQUE_DATA: Hex = '0xdeadbeef0000000000000000000000000000000000000000000000000000000000000001';

async function walletOn(jurisdiction: string, balances: { tsla?: bigint; kstr?: bigint } = {}) {
  const t = await createTestWallet({ jurisdiction, registry });
  const chain = createFakeChain();
  scriptStandards(chain);
  const asked = { tsla: 0 };
  chain.add(TSLAX, erc20Abi, {
    symbol: () => 'TSLAx',
    decimals: () => 18,
    balanceOf: (who: Address) => {
      asked.tsla++;
      return who === ACCOUNT_0 ? (balances.tsla ?? 0n) : 0n;
    },
  });
  const kstr = chain.contracts.get(A.t3643)!;
  kstr.fns.balanceOf = ((who: Address) => (who === ACCOUNT_0 ? (balances.kstr ?? 0n) : 0n)) as never;
  t.node.answers.eth_call = (params) => chain.ethCall(params);
  await connect(t);
  return { t, chain, asked };
}

type Verdict = { verdict: string; reasons: { code: string; severity: string; message: string; source?: string }[] };

async function approveAndSee(t: TestWallet, tx: Record<string, unknown>) {
  const pending = t.request('eth_sendTransaction', [{ from: ACCOUNT_0, ...tx }]).then(
    () => 'resolved' as const,
    (err: { code: number; message: string }) => err,
  );
  const approval = await t.nextApproval();
  const verdict = (approval.details as { verdict: Verdict }).verdict;
  t.wallet.approvals.decide(approval.id, { approved: true });
  return { verdict, answer: await pending };
}

const blocks = (v: Verdict) => v.reasons.filter((r) => r.severity === 'block');

function snapshotHolding(address: Address, symbol: string, amount: bigint) {
  return {
    token: { chainId: 31337, address, symbol, decimals: 18 },
    amount: amount.toString(),
    underlyingAmount: null,
    corporateActions: 'none' as const,
    factor: null,
    price: null,
    value: null,
    valueDecimals: 8 as const,
    backing: null,
    unavailable: [],
  };
}

/** A portfolio snapshot of the chain as the portfolio service caches it in storage.local. */
async function cacheSnapshot(t: TestWallet, fetchedAt: number, held: bigint) {
  const snapshot: PortfolioSnapshot = {
    chainId: 31337,
    fetchedAt,
    blockNumber: '16',
    status: 'ok',
    market: { status: 'open', nextOpen: null },
    accounts: [{ address: ACCOUNT_0, holdings: held > 0n ? [snapshotHolding(TSLAX, 'TSLAx', held)] : [] }],
    errors: [],
  };
  await t.local.set({ [`${PORTFOLIO_CACHE_PREFIX}31337`]: { coverage: 'an older token list', snapshot } });
}

const multicallsDuring = async (chain: ReturnType<typeof createFakeChain>, run: () => Promise<unknown>) => {
  const before = chain.calls.length;
  await run();
  return chain.calls.slice(before).filter((to) => to === MULTICALL3).length;
};
const opaqueCall = { to: OPAQUE, data: OPAQUE_DATA };

describe('an undecoded call the node cannot simulate, from an account holding a restricted token', () => {
  it('US, holding TSLAx: refused with the token, its rule and its source; nothing is sent; one batch read the balance', async () => {
    const { t, asked } = await walletOn('US', { tsla: 5n });
    const { verdict, answer } = await approveAndSee(t, opaqueCall);
    expect(asked.tsla).toBe(1);
    expect(verdict.verdict).toBe('block');
    expect(blocks(verdict)).toEqual([
      expect.objectContaining({
        code: 'restricted-token-held',
        message: expect.stringMatching(/^TSLAx .*acquired by residents of US.*holds it/),
        source: TERMS,
      }),
    ]);
    expect(answer).toMatchObject({ code: 4001, message: expect.stringContaining('TSLAx') });
    expect((answer as { message: string }).message).toContain(TERMS);
    expect(t.node.sent).toEqual([]);
  });

  it('US, holding the ERC-3643 token found on chain earlier (its module restricts the US): refused, naming it', async () => {
    const { t } = await walletOn('US', { kstr: 5n });
    // A plain transfer of it makes the wallet detect its standard (no trade: not refused).
    const transfer = encodeFunctionData({ abi: erc20Abi, functionName: 'transfer', args: [OPAQUE, 1n] });
    expect(blocks((await approveAndSee(t, { to: A.t3643, data: transfer })).verdict)).toEqual([]);
    const { verdict, answer } = await approveAndSee(t, opaqueCall);
    expect(blocks(verdict)).toEqual([
      expect.objectContaining({ code: 'restricted-token-held', message: expect.stringMatching(/^SEC .*refuses you on chain/) }),
    ]);
    expect(answer).toMatchObject({ code: 4001 });
  });

  it('a recent portfolio snapshot that shows TSLAx held is enough: refused with no balance read', async () => {
    const { t, asked } = await walletOn('US', { tsla: 0n });
    await cacheSnapshot(t, t.clock.now(), 5n);
    const { verdict } = await approveAndSee(t, opaqueCall);
    expect(blocks(verdict).map((r) => r.code)).toEqual(['restricted-token-held']);
    expect(asked.tsla).toBe(0);
  });
});

describe('not refused for what the account holds', () => {
  it.each([
    ['US holding no TSLAx', 'US', { tsla: 0n }],
    ['DE holding TSLAx', 'DE', { tsla: 5n }],
    ['DE holding the ERC-3643 token (known or not)', 'DE', { tsla: 5n, kstr: 5n }],
  ] as const)('%s: the undecoded call is warned about, not blocked, and sent', async (_name, jurisdiction, balances) => {
    const { t } = await walletOn(jurisdiction, balances);
    const { verdict, answer } = await approveAndSee(t, opaqueCall);
    expect(verdict.verdict).toBe('warn');
    expect(blocks(verdict)).toEqual([]);
    expect(answer).toBe('resolved');
    expect(t.node.sent).toHaveLength(1);
  });

  it('US holding TSLAx, a decoded transfer of a plain token: not blocked, and no balance is read', async () => {
    const { t, asked } = await walletOn('US', { tsla: 5n });
    const transfer = encodeFunctionData({ abi: erc20Abi, functionName: 'transfer', args: [OPAQUE, 1n] });
    const { verdict, answer } = await approveAndSee(t, { to: A.plain, data: transfer });
    expect(blocks(verdict)).toEqual([]);
    expect(answer).toBe('resolved');
    expect(asked.tsla).toBe(0);
  });

  it('a snapshot older than the block window is not trusted: the balance is read again (TSLAx sold since), and the call goes', async () => {
    const { t, asked } = await walletOn('US', { tsla: 0n });
    await cacheSnapshot(t, t.clock.now(), 5n);
    t.clock.advance(13_000);
    const { verdict, answer } = await approveAndSee(t, opaqueCall);
    expect(asked.tsla).toBe(1);
    expect(blocks(verdict)).toEqual([]);
    expect(answer).toBe('resolved');
  });
});

describe('RPC round trips the holding check adds', () => {
  it('once the called contract is probed, an undecoded request reads the balances in exactly one eth_call (one aggregate3)', async () => {
    const { t, chain, asked } = await walletOn('US', { tsla: 0n });
    await approveAndSee(t, opaqueCall);
    expect(await multicallsDuring(chain, () => approveAndSee(t, opaqueCall))).toBe(1);
    expect(asked.tsla).toBe(2);
  });

  it('a resident no registry token restricts reads no balance at all', async () => {
    const { t, chain, asked } = await walletOn('DE', { tsla: 5n });
    await approveAndSee(t, opaqueCall);
    expect(await multicallsDuring(chain, () => approveAndSee(t, opaqueCall))).toBe(0);
    expect(asked.tsla).toBe(0);
  });
});
