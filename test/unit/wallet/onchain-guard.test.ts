// The on-chain standards through the wallet's real request path: a site's eth_sendTransaction or
// eth_signTypedData_v4 that buys a token outside the registry is judged by what the token's own
// contracts say about the user, read from the (scripted) node, and a refused one is never signed.
import { type Address, encodeFunctionData, type Hex, parseAbi } from 'viem';
import { describe, expect, it } from 'vitest';
import { A, createFakeChain, type FakeChain, MULTICALL3, type Scenario, scriptStandards } from '../tokens/fake-contracts';
import { ACCOUNT_0, connect, createTestWallet, type TestWallet } from './harness';

const ROUTER: Address = '0x7a250d5630B4cF539739dF2C5dAcb4c659F2488D';
/** A second plain token to pay with (no contract: it answers no probe), so a buy of the plain token has two distinct tokens. */
const USDC_LIKE: Address = '0x0000000000000000000000000000000000000e21';
const v2 = parseAbi(['function swapExactTokensForTokens(uint256 amountIn, uint256 amountOutMin, address[] path, address to, uint256 deadline)']);
const swapData = (buy: Address, sell: Address = A.plain): Hex =>
  encodeFunctionData({ abi: v2, functionName: 'swapExactTokensForTokens', args: [10n ** 18n, 1n, [sell, buy], ACCOUNT_0, 2_000_000_000n] });

async function walletOn(jurisdiction: string, scenario: Scenario = {}): Promise<{ t: TestWallet; chain: FakeChain }> {
  const t = await createTestWallet({ jurisdiction });
  const chain = createFakeChain();
  scriptStandards(chain, scenario);
  t.node.answers.eth_call = (params) => chain.ethCall(params);
  await connect(t);
  return { t, chain };
}

async function outcome(promise: Promise<unknown>): Promise<number | 'resolved'> {
  try {
    await promise;
    return 'resolved';
  } catch (err) {
    return (err as { code: number }).code;
  }
}

type Verdict = { verdict: string; reasons: { severity: string; message: string }[] };

/** Sends the request, approves whatever window opens, and reports the verdict shown and the dApp's answer. */
async function approveAndSee(t: TestWallet, method: string, params: unknown[]) {
  const pending = outcome(t.request(method, params));
  const approval = await t.nextApproval();
  const verdict = (approval.details as { verdict: Verdict }).verdict;
  t.wallet.approvals.decide(approval.id, { approved: true });
  return { verdict, answer: await pending };
}

const cowOrder = (buyToken: Address, sellToken: Address = USDC_LIKE) => ({
  types: {
    EIP712Domain: [
      { name: 'name', type: 'string' },
      { name: 'version', type: 'string' },
      { name: 'chainId', type: 'uint256' },
      { name: 'verifyingContract', type: 'address' },
    ],
    Order: [
      ['address', 'sellToken'],
      ['address', 'buyToken'],
      ['address', 'receiver'],
      ['uint256', 'sellAmount'],
      ['uint256', 'buyAmount'],
      ['uint32', 'validTo'],
      ['bytes32', 'appData'],
      ['uint256', 'feeAmount'],
      ['string', 'kind'],
      ['bool', 'partiallyFillable'],
      ['string', 'sellTokenBalance'],
      ['string', 'buyTokenBalance'],
    ].map(([type, name]) => ({ name, type })),
  },
  primaryType: 'Order',
  domain: { name: 'Gnosis Protocol', version: 'v2', chainId: 31337, verifyingContract: '0x9008D19f58AAbD9eD0D60971565AA8510560ab41' },
  message: {
    sellToken,
    buyToken,
    receiver: ACCOUNT_0,
    sellAmount: '100000000',
    buyAmount: '1000000000000000000',
    validTo: 1_900_000_000,
    appData: `0x${'00'.repeat(32)}`,
    feeAmount: '0',
    kind: 'sell',
    partiallyFillable: false,
    sellTokenBalance: 'erc20',
    buyTokenBalance: 'erc20',
  },
});

describe('a non-registry ERC-3643 token restricted for country 840, through the real request path', () => {
  it('a US user buying it with eth_sendTransaction is shown a block and gets 4001; nothing is broadcast', async () => {
    const { t } = await walletOn('US', { restricted: [840] });
    const { verdict, answer } = await approveAndSee(t, 'eth_sendTransaction', [{ from: ACCOUNT_0, to: ROUTER, data: swapData(A.t3643) }]);
    expect(verdict.verdict).toBe('block');
    expect(verdict.reasons.find((r) => r.severity === 'block')?.message).toContain('ERC-3643 check CountryRestrictModule.isCountryRestricted');
    expect(answer).toBe(4001);
    expect(t.node.sent).toEqual([]);
  });

  it('a DE user buying it is not blocked and the transaction is sent', async () => {
    const { t } = await walletOn('DE', { restricted: [840] });
    const { verdict, answer } = await approveAndSee(t, 'eth_sendTransaction', [{ from: ACCOUNT_0, to: ROUTER, data: swapData(A.t3643) }]);
    expect(verdict.verdict).not.toBe('block');
    expect(answer).toBe('resolved');
    expect(t.node.sent).toHaveLength(1);
  });

  it.each([
    ['US', 'block'],
    ['DE', 'not-block'],
  ])('a %s user signing a CoW order that buys it: %s', async (jurisdiction, expected) => {
    const { t } = await walletOn(jurisdiction, { restricted: [840] });
    const { verdict, answer } = await approveAndSee(t, 'eth_signTypedData_v4', [ACCOUNT_0, JSON.stringify(cowOrder(A.t3643))]);
    expect(verdict.verdict === 'block' ? 'block' : 'not-block').toBe(expected);
    expect(answer).toBe(expected === 'block' ? 4001 : 'resolved');
  });
});

describe('what the dApp hears when the user rejects a refused request (the only choice the window leaves)', () => {
  it.each([
    ['a V2 buy (eth_sendTransaction)', 'eth_sendTransaction', [{ from: ACCOUNT_0, to: ROUTER, data: swapData(A.t3643) }]],
    ['a CoW order (eth_signTypedData_v4)', 'eth_signTypedData_v4', [ACCOUNT_0, JSON.stringify(cowOrder(A.t3643))]],
  ])('%s: 4001 with the refusal, naming the token and the check that refused it', async (_name, method, params) => {
    const { t } = await walletOn('US', { restricted: [840] });
    const pending = t.request(method, params).catch((err: { code: number; message: string }) => err);
    const approval = await t.nextApproval();
    t.wallet.approvals.decide(approval.id, { approved: false });
    const answer = (await pending) as { code: number; message: string };
    expect(answer.code).toBe(4001);
    expect(answer.message).toMatch(
      /^Sharekeep refused to sign: .*refuses you on chain: its ERC-3643 check CountryRestrictModule\.isCountryRestricted/,
    );
    expect(t.node.sent).toEqual([]);
  });

  it('a request the verdict allows, rejected, is only "rejected"', async () => {
    const { t } = await walletOn('DE', { restricted: [840] });
    const pending = t.request('eth_sendTransaction', [{ from: ACCOUNT_0, to: ROUTER, data: swapData(A.t3643) }]).catch((err) => err);
    t.wallet.approvals.decide((await t.nextApproval()).id, { approved: false });
    expect(await pending).toMatchObject({ code: 4001, message: 'User rejected the request.' });
  });
});

describe('calldata Sharekeep cannot decode, naming the non-registry ERC-3643 token', () => {
  // An unknown function of an unknown contract, whose argument is the token; the node cannot dry-run it.
  const data = `0xdeadbeef${A.t3643.slice(2).toLowerCase().padStart(64, '0')}` as Hex;
  it.each([
    ['US', 'block'],
    ['DE', 'not-block'],
  ])('a %s user: %s', async (jurisdiction, expected) => {
    const { t } = await walletOn(jurisdiction, { restricted: [840] });
    const { verdict, answer } = await approveAndSee(t, 'eth_sendTransaction', [{ from: ACCOUNT_0, to: ROUTER, data }]);
    expect(verdict.verdict === 'block' ? 'block' : 'not-block').toBe(expected);
    expect(answer).toBe(expected === 'block' ? 4001 : 'resolved');
  });

  it('the first such request names the token by the symbol its contract answers, in the reason and the 4001', async () => {
    const { t } = await walletOn('US', { restricted: [840] });
    const pending = t.request('eth_sendTransaction', [{ from: ACCOUNT_0, to: ROUTER, data }]).catch((err: { code: number; message: string }) => err);
    const approval = await t.nextApproval();
    const { verdict } = approval.details as { verdict: Verdict };
    expect(verdict.reasons.find((r) => r.severity === 'block')?.message).toMatch(
      /^SEC \(issued by an issuer not in Sharekeep's registry\) refuses you on chain/,
    );
    t.wallet.approvals.decide(approval.id, { approved: false });
    expect(await pending).toMatchObject({ code: 4001, message: expect.stringMatching(/^Sharekeep refused to sign: SEC \(issued by/) });
  });
});

describe('the false-block table on the wallet paths', () => {
  it.each<[string, string, Scenario, Address]>([
    ['a plain ERC-20, US user', 'US', {}, A.plain],
    ['an allowed-only DE ERC-3643, DE user', 'DE', { restricted: [], allowOnly: [276] }, A.t3643],
    ['a verified DE user of an 840-restricted ERC-3643', 'DE', { restricted: [840] }, A.t3643],
  ])('%s: eth_sendTransaction and a CoW order are not blocked', async (_name, jurisdiction, scenario, token) => {
    const { t } = await walletOn(jurisdiction, scenario);
    const sent = await approveAndSee(t, 'eth_sendTransaction', [{ from: ACCOUNT_0, to: ROUTER, data: swapData(token, USDC_LIKE) }]);
    expect(sent.verdict.reasons.filter((r) => r.severity === 'block')).toEqual([]);
    expect(sent.answer).toBe('resolved');
    const signed = await approveAndSee(t, 'eth_signTypedData_v4', [ACCOUNT_0, JSON.stringify(cowOrder(token))]);
    expect(signed.verdict.reasons.filter((r) => r.severity === 'block')).toEqual([]);
    expect(signed.answer).toBe('resolved');
  });
});

describe('RPC round trips the guard adds', () => {
  it('once the tokens are detected, a request adds exactly one eth_call (one aggregate3) for the standards', async () => {
    const { t, chain } = await walletOn('DE', { restricted: [840] });
    const send = () => approveAndSee(t, 'eth_sendTransaction', [{ from: ACCOUNT_0, to: ROUTER, data: swapData(A.t3643) }]);
    await send();
    const before = chain.calls.length;
    await send();
    const added = chain.calls.slice(before);
    expect(added.filter((to) => to === MULTICALL3)).toHaveLength(1);
    // The other eth_call of the request is the dry run's (to the router), not the guard's.
    expect(added.filter((to) => to !== MULTICALL3 && to !== ROUTER)).toEqual([]);
  });
});
