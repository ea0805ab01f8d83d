// Issue 11, devnet: the guard fails closed on a call it cannot decode. The devnet's opaque router
// (DevnetOpaqueRouter, a function no decoder knows) buys TSLAx, NVDAon or KSTR for the caller
// through the wallet's signing road. With the node's dry run at hand, the guard sees the token
// arrive and a US resident is refused; with no dry run (the node refuses eth_simulateV1 and
// debug_traceCall), the token named in the calldata is enough to refuse; a DE resident gets a
// warning, not a block, and the call mines. And without a dry run, a call that names no token at all
// is refused when the sending account holds a token restricted for the user (a US resident holding
// TSLAx), and goes through for a resident the rules allow (DE).
import { type Address, encodeFunctionData, hexToBigInt, parseAbi } from 'viem';
import { describe, expect, inject, it } from 'vitest';
import { accountOf, devnetClients } from '../../devnet/test-kit.ts';
import type { ComplianceResult } from '../../lib/compliance';
import { createMemoryStore } from '../../lib/ports/memory';
import { systemClock } from '../../lib/ports';
import { registryFromDevnet } from '../../lib/registry/index.ts';
import type { SigningView } from '../../lib/signing';
import { createWallet } from '../../lib/wallet';
import { type GuardSymbol, guardPaths } from '../e2e/support/guard-paths.ts';
import { revertChainAfterEachTest } from './isolate.ts';

const deployment = inject('deployment');
const { testClient } = devnetClients(deployment);
const paths = guardPaths(deployment);
const user = accountOf(deployment, 'user');
const SITE = 'https://dapp.example';
const SIMULATION_METHODS = new Set(['eth_simulateV1', 'debug_traceCall']);

revertChainAfterEachTest(testClient);

type RpcBody = { id?: number; method?: string };

/** Account 0's wallet connected to SITE; every transaction approval is answered yes, as a user would (a block still cannot be signed). */
async function guardedWallet(jurisdiction: string, options: { simulation: boolean }) {
  const registryData = registryFromDevnet(deployment);
  const verdicts: ComplianceResult[] = [];
  const asked: string[] = [];
  const node = async (url: string, body: unknown) =>
    (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json();
  const wallet = createWallet({
    local: createMemoryStore(),
    session: createMemoryStore(),
    clock: systemClock,
    rpc: async (url, body) => {
      const { id, method } = body as RpcBody;
      asked.push(method ?? '');
      if (!options.simulation && method && SIMULATION_METHODS.has(method)) {
        return { jsonrpc: '2.0', id, error: { code: -32601, message: `the method ${method} does not exist/is not available` } };
      }
      return node(url, body);
    },
    openApproval: async () => undefined,
    emit: () => undefined,
    stateChanged: () => {
      for (const pending of wallet.approvals.list()) {
        if (pending.kind === 'transaction') verdicts.push((pending.details as SigningView).verdict);
        wallet.approvals.decide(pending.id, { approved: true });
      }
    },
    loadRegistry: async () => registryData,
    kdfIterations: 1000,
    initialSettings: { activeChainId: deployment.chainId, rpcOverrides: { [deployment.chainId]: deployment.rpcUrl } },
  });
  await wallet.keys.createFromMnemonic(deployment.mnemonic, 'correct horse battery');
  await wallet.settings.update({ jurisdiction });
  const request = (method: string, params?: unknown[]) => wallet.handleProviderRequest({ origin: SITE }, { method, params });
  expect(await request('eth_requestAccounts')).toEqual([user]);
  return { request, verdicts, asked };
}

const symbols: GuardSymbol[] = ['TSLAx', 'NVDAon', 'KSTR'];

describe.each([
  { simulation: true, why: 'with a dry run', code: 'restricted-token', says: /buy or receive it/ },
  { simulation: false, why: 'without a dry run', code: 'restricted-token-unconfirmed', says: /names it in data Sharekeep cannot read/ },
])('an opaque router buy $why', ({ simulation, code, says }) => {
  it.each(symbols)('of %s by a US resident is refused: nothing is sent', async (symbol) => {
    await paths.allowUsdc('user');
    const w = await guardedWallet('US', { simulation });
    const { tx } = await paths.opaqueBuy(user, symbol, 250_000_000n);
    const [nonce, before] = [await paths.nonceOf(user), await paths.balanceOf(paths.tokenOf(symbol), user)];
    await expect(w.request('eth_sendTransaction', [tx])).rejects.toMatchObject({ code: 4001, message: expect.stringContaining(symbol) });
    expect(w.verdicts).toHaveLength(1);
    const [verdict] = w.verdicts;
    expect(verdict.verdict).toBe('block');
    const blocks = verdict.reasons.filter((r) => r.severity === 'block');
    expect(blocks.map((r) => r.code)).toContain(code);
    expect(blocks.find((r) => r.code === code)?.message).toMatch(says);
    expect(blocks.find((r) => r.code === code)?.message).toContain(symbol);
    if (!simulation) expect(verdict.reasons.map((r) => r.code)).toContain('simulation-unavailable');
    expect(w.asked).not.toContain('eth_sendRawTransaction');
    expect(await paths.nonceOf(user)).toBe(nonce);
    expect(await paths.balanceOf(paths.tokenOf(symbol), user)).toBe(before);
  });

  it.each(symbols)('of %s by a DE resident is not blocked, and it mines', async (symbol) => {
    await paths.allowUsdc('user');
    const w = await guardedWallet('DE', { simulation });
    const { tx, minOut } = await paths.opaqueBuy(user, symbol, 250_000_000n);
    const token: Address = paths.tokenOf(symbol);
    const before = await paths.balanceOf(token, user);
    const hash = (await w.request('eth_sendTransaction', [tx])) as `0x${string}`;
    expect(w.verdicts.map((v) => v.verdict)).toEqual(['warn']);
    expect(w.verdicts[0].reasons.filter((r) => r.severity === 'block')).toEqual([]);
    expect((await paths.waitForReceipt(hash)).status).toBe('success');
    expect((await paths.balanceOf(token, user)) - before).toBeGreaterThanOrEqual(minOut);
    expect(hexToBigInt(hash)).toBeGreaterThan(0n);
  });
});

describe('an undecodable call that names no token, without a dry run', () => {
  // Multicall3's getBlockNumber(): a contract function no decoder knows, harmless to send, moving nothing.
  const call = {
    from: user,
    to: deployment.contracts.Multicall3 as Address,
    data: encodeFunctionData({ abi: parseAbi(['function getBlockNumber() view returns (uint256)']), functionName: 'getBlockNumber' }),
  };

  it('from a US resident whose account holds TSLAx is refused, naming TSLAx, its rule and its source: nothing is sent', async () => {
    expect(await paths.balanceOf(paths.tokenOf('TSLAx'), user)).toBeGreaterThan(0n);
    const w = await guardedWallet('US', { simulation: false });
    const nonce = await paths.nonceOf(user);
    await expect(w.request('eth_sendTransaction', [call])).rejects.toMatchObject({ code: 4001, message: expect.stringMatching(/holds it/) });
    const [verdict] = w.verdicts;
    expect(verdict.verdict).toBe('block');
    const held = verdict.reasons.filter((r) => r.code === 'restricted-token-held');
    expect(held.find((r) => r.message.startsWith('TSLAx '))).toMatchObject({
      severity: 'block',
      message: expect.stringMatching(/may not be acquired by residents of US\..*holds it.*could not be simulated/),
      source: 'devnet:terms/xstocks-style',
    });
    // Nothing in the call names a token: every block is about what the account holds.
    expect(verdict.reasons.filter((r) => r.severity === 'block').every((r) => r.code === 'restricted-token-held')).toBe(true);
    expect(w.asked).not.toContain('eth_sendRawTransaction');
    expect(await paths.nonceOf(user)).toBe(nonce);
  });

  it('from a DE resident holding the same tokens is warned about, not blocked, and it mines', async () => {
    const w = await guardedWallet('DE', { simulation: false });
    const hash = (await w.request('eth_sendTransaction', [call])) as `0x${string}`;
    expect(w.verdicts.map((v) => v.verdict)).toEqual(['warn']);
    expect(w.verdicts[0].reasons.filter((r) => r.severity === 'block')).toEqual([]);
    expect(w.verdicts[0].reasons.map((r) => r.code)).toContain('simulation-unavailable');
    expect((await paths.waitForReceipt(hash)).status).toBe('success');
  });

  it('from a US resident with a dry run at hand is not blocked for what the account holds', async () => {
    const w = await guardedWallet('US', { simulation: true });
    const hash = (await w.request('eth_sendTransaction', [call])) as `0x${string}`;
    expect(w.verdicts[0].reasons.filter((r) => r.severity === 'block')).toEqual([]);
    expect((await paths.waitForReceipt(hash)).status).toBe('success');
  });
});
