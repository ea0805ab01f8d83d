// Issue 11, devnet: the guard reads the chain for permissioned tokens the registry does not list
// (an ERC-3643 suite with a country allow-list, an Ondo-GM-style compliance token, an ERC-1404
// security), and the real contracts agree with it. Each case buys the token with USDC through the
// real Uniswap V2 router twice: once through the wallet's signing road (approvals answered yes here,
// as a user would; a blocked verdict still cannot be signed), once straight from the anvil account.
// Where the guard blocks on an on-chain check, the contract reverts too; where it lets a buy through,
// the buy mines. Where it fails closed (no rule on record), the contract's own answer is shown beside it.
import { type Address, encodeFunctionData, erc20Abi, maxUint256, parseAbi } from 'viem';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { uniswapV2RouterAbi } from '../../devnet/abis.ts';
import { accountOf, contractOf, devnetClients } from '../../devnet/test-kit.ts';
import { createUiApi } from '../../lib/commands';
import type { ComplianceResult } from '../../lib/compliance';
import { createMemoryStore } from '../../lib/ports/memory';
import { systemClock } from '../../lib/ports';
import { registryFromDevnet } from '../../lib/registry/index.ts';
import type { SigningView } from '../../lib/signing';
import { createWallet } from '../../lib/wallet';
import { revertChainAfterEachTest } from './isolate.ts';

const deployment = inject('deployment');
const { publicClient, testClient, write } = devnetClients(deployment);
const router = contractOf(deployment, 'UniswapV2Router02');
const usdc = contractOf(deployment, 'USDC');
const SITE = 'https://dapp.example';
const ROLE_INDEX = { user: 0, 'us-investor': 1, unverified: 2 } as const;
type Role = keyof typeof ROLE_INDEX;
const unlisted = ['KSTR', 'OSPR', 'HRON'] as const;
/** transfer, with the Ondo-style token's errors so a revert names them. */
const tokenAbi = parseAbi([
  'function transfer(address to, uint256 amount) returns (bool)',
  'error NotCompliant(address account)',
  'error TokenPaused()',
]);
const pauseManagerAbi = parseAbi(['function setTokenPaused(address token, bool paused)']);

revertChainAfterEachTest(testClient);

const balanceOf = (token: Address, account: Address) =>
  publicClient.readContract({ address: token, abi: erc20Abi, functionName: 'balanceOf', args: [account] });

/** A wallet with the test phrase, `role`'s account selected and connected to SITE, its dApp transactions approved. */
async function guardedWallet(role: Role, jurisdiction: string) {
  const registryData = registryFromDevnet(deployment);
  const verdicts: ComplianceResult[] = [];
  const wallet = createWallet({
    local: createMemoryStore(),
    session: createMemoryStore(),
    clock: systemClock,
    rpc: async (url, body) =>
      (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json(),
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
  const ui = createUiApi(wallet, { schedule: () => undefined }, systemClock);
  const account = accountOf(deployment, role);
  for (let i = 0; i < ROLE_INDEX[role]; i++) await ui.handle('accounts.add', {});
  await ui.handle('accounts.select', { address: account });
  const request = (method: string, params?: unknown[]) => wallet.handleProviderRequest({ origin: SITE }, { method, params });
  expect(await request('eth_requestAccounts')).toEqual([account]);
  return { request, verdicts, account };
}

async function buyCalldata(token: Address, to: Address, amountIn: bigint) {
  const { timestamp } = await publicClient.getBlock();
  return encodeFunctionData({
    abi: uniswapV2RouterAbi,
    functionName: 'swapExactTokensForTokens',
    args: [amountIn, 1n, [usdc, token], to, timestamp + 600n],
  });
}

type Case = {
  symbol: (typeof unlisted)[number];
  role: Role;
  jurisdiction: string;
  /** What the wallet's verdict says, and why. */
  guard: { verdict: 'block' | 'not-block'; reason?: RegExp };
  /** What the token's own contracts do with the same buy sent straight from the account (a revert: the token's reason). */
  chain: { mines: true } | { revert: RegExp };
  /** The issuer's move before the buy, sent from the deployer (the devnet's issuer admin). */
  before?: 'pause-ospr';
};

const cases: Case[] = [
  { symbol: 'KSTR', role: 'user', jurisdiction: 'DE', guard: { verdict: 'not-block' }, chain: { mines: true } },
  {
    symbol: 'KSTR',
    role: 'us-investor',
    jurisdiction: 'US',
    guard: { verdict: 'block', reason: /ERC-3643 check CountryAllowModule\.isCountryAllowed says US \(840\) is not among the allowed countries/ },
    chain: { revert: /Transfer not possible/ },
  },
  {
    symbol: 'KSTR',
    role: 'unverified',
    jurisdiction: 'DE',
    guard: { verdict: 'block', reason: /ERC-3643 check IdentityRegistry\.isVerified says your address is not verified/ },
    chain: { revert: /Transfer not possible/ },
  },
  {
    symbol: 'OSPR',
    role: 'us-investor',
    jurisdiction: 'US',
    guard: { verdict: 'block', reason: /Ondo-GM-style compliance check compliance\.checkIsCompliant says your address is not compliant/ },
    chain: { revert: /NotCompliant/ },
  },
  {
    // The declared country does not help an address the issuer has denied.
    symbol: 'OSPR',
    role: 'us-investor',
    jurisdiction: 'DE',
    guard: { verdict: 'block', reason: /refuses you on chain: its Ondo-GM-style compliance check/ },
    chain: { revert: /NotCompliant/ },
  },
  {
    symbol: 'HRON',
    role: 'us-investor',
    jurisdiction: 'US',
    guard: {
      verdict: 'block',
      reason:
        /ERC-1404 check detectTransferRestriction says restriction code 3: "Receiver resides in a country whose residents may not hold this security"/,
    },
    chain: { revert: /Receiver resides in a country whose residents may not hold this security/ },
  },
  {
    symbol: 'HRON',
    role: 'unverified',
    jurisdiction: 'DE',
    guard: {
      verdict: 'block',
      // Asked with the real counterparty (the pair sends, the buyer receives), the token's answer is the revert's.
      reason: /ERC-1404 check detectTransferRestriction says restriction code 2: "Receiver is not on the transfer agent's investor allowlist"/,
    },
    chain: { revert: /Receiver is not on the transfer agent's investor allowlist/ },
  },
  {
    // Ondo's token pause manager stops every transfer: the guard reads it beside the compliance check.
    symbol: 'OSPR',
    role: 'user',
    jurisdiction: 'DE',
    before: 'pause-ospr',
    guard: {
      verdict: 'block',
      reason: /refuses you on chain: its Ondo-GM-style compliance check TokenPauseManager\.isTokenPaused says the token is paused/,
    },
    chain: { revert: /TokenPaused/ },
  },
  // Compliant on chain, but no rule on record for the country: the guard fails closed, the contract would take it.
  ...(['OSPR', 'HRON'] as const).map(
    (symbol): Case => ({
      symbol,
      role: 'user',
      jurisdiction: 'DE',
      guard: { verdict: 'block', reason: /Sharekeep cannot confirm that residents of DE may hold this token/ },
      chain: { mines: true },
    }),
  ),
];

describe('permissioned tokens outside the registry, on the devnet', () => {
  beforeAll(async () => {
    const listed = new Set(registryFromDevnet(deployment).tokens.map((t) => t.address.toLowerCase()));
    for (const symbol of unlisted) expect(listed.has(contractOf(deployment, symbol).toLowerCase())).toBe(false);
  });

  it.each(cases)('$symbol bought by $role declaring $jurisdiction: the guard says $guard.verdict, and the contracts agree', async (c) => {
    const token = contractOf(deployment, c.symbol);
    if (c.before === 'pause-ospr') {
      await write('deployer', {
        address: contractOf(deployment, 'GMStylePauseManager:OSPR'),
        abi: pauseManagerAbi,
        functionName: 'setTokenPaused',
        args: [token, true],
      });
    }
    const { request, verdicts, account } = await guardedWallet(c.role, c.jurisdiction);
    if ((await balanceOf(usdc, account)) < 1_000_000_000n) {
      await write('user', { address: usdc, abi: erc20Abi, functionName: 'transfer', args: [account, 1_000_000_000n] });
    }
    await write(c.role, { address: usdc, abi: erc20Abi, functionName: 'approve', args: [router, maxUint256] });
    const amountIn = 500_000_000n;
    const data = await buyCalldata(token, account, amountIn);
    const before = await balanceOf(token, account);
    const nonce = await publicClient.getTransactionCount({ address: account });

    const sent = request('eth_sendTransaction', [{ from: account, to: router, data }]).then(
      (hash) => ({ hash: hash as `0x${string}` }),
      (error: { code: number; message: string }) => ({ error }),
    );
    const outcome = await sent;
    expect(verdicts).toHaveLength(1);
    const [verdict] = verdicts;
    const blocking = verdict.reasons.filter((r) => r.severity === 'block').map((r) => r.message);
    if (c.guard.verdict === 'block') {
      expect(verdict.verdict).toBe('block');
      expect(blocking.join('\n')).toMatch(c.guard.reason!);
      expect(outcome).toMatchObject({ error: { code: 4001 } });
      expect(await publicClient.getTransactionCount({ address: account })).toBe(nonce);
    } else {
      expect(verdict.verdict).not.toBe('block');
      expect(blocking).toEqual([]);
      expect(outcome).toHaveProperty('hash');
      const receipt = await publicClient.waitForTransactionReceipt({ hash: (outcome as { hash: `0x${string}` }).hash });
      expect(receipt.status).toBe('success');
      expect(await balanceOf(token, account)).toBeGreaterThan(before);
      return;
    }

    // The same buy, straight from the account, judged by the token's own contracts.
    const direct = write(c.role, {
      address: router,
      abi: uniswapV2RouterAbi,
      functionName: 'swapExactTokensForTokens',
      args: [amountIn, 1n, [usdc, token], account, (await publicClient.getBlock()).timestamp + 600n],
    });
    if ('revert' in c.chain) {
      // The pair's transfer of the token fails, and the pair reports only that; the token's own reason
      // is what the same transfer from the pair says.
      await expect(direct).rejects.toThrow(/UniswapV2: TRANSFER_FAILED/);
      expect(await balanceOf(token, account)).toBe(before);
      const fromPair = publicClient.simulateContract({
        account: contractOf(deployment, `UniswapV2Pair:${c.symbol}`),
        address: token,
        abi: tokenAbi,
        functionName: 'transfer',
        args: [account, 10n ** 18n],
      });
      await expect(fromPair).rejects.toThrow(c.chain.revert);
    } else {
      expect((await direct).status).toBe('success');
      expect(await balanceOf(token, account)).toBeGreaterThan(before);
    }
  });

  it.each(unlisted)('%s has a USDC pool account 0 can buy from and sell back to, straight through the router', async (symbol) => {
    const token = contractOf(deployment, symbol);
    const user = accountOf(deployment, 'user');
    const swap = async (from: Address, to: Address, amountIn: bigint) => {
      await write('user', { address: from, abi: erc20Abi, functionName: 'approve', args: [router, maxUint256] });
      const before = await balanceOf(to, user);
      const { timestamp } = await publicClient.getBlock();
      const receipt = await write('user', {
        address: router,
        abi: uniswapV2RouterAbi,
        functionName: 'swapExactTokensForTokens',
        args: [amountIn, 1n, [from, to], user, timestamp + 600n],
      });
      expect(receipt.status).toBe('success');
      return (await balanceOf(to, user)) - before;
    };
    const bought = await swap(usdc, token, 500_000_000n);
    expect(bought).toBeGreaterThan(10n ** 18n); // $500 buys more than one share at $25-$60
    expect(await swap(token, usdc, bought)).toBeGreaterThan(490_000_000n);
  });
});
