import { type Address, erc20Abi, maxUint256 } from 'viem';
import { describe, expect, inject, it } from 'vitest';
import { identityRegistryAbi, modularComplianceAbi, trexTokenAbi, uniswapV2RouterAbi } from '../../devnet/abis.ts';
import { accountOf, contractOf, devnetClients, tokenOf } from '../../devnet/test-kit.ts';
import { revertChainAfterEachTest } from './isolate.ts';

const deployment = inject('deployment');
const { publicClient, testClient, write } = devnetClients(deployment);
const user = accountOf(deployment, 'user');
const E18 = 10n ** 18n;

revertChainAfterEachTest(testClient);

const balanceOf = (token: Address, account: Address) =>
  publicClient.readContract({ address: token, abi: erc20Abi, functionName: 'balanceOf', args: [account] });

describe('ERC-3643 token from the T-REX artifacts', () => {
  const amzn = tokenOf(deployment, 'AMZNr');
  const registry = contractOf(deployment, 'IdentityRegistry');

  it.each([
    { role: 'de-investor', country: 276, accepted: true },
    { role: 'us-investor', country: 840, accepted: false },
  ])('a transfer to the $role (country $country) is accepted: $accepted', async ({ role, country, accepted }) => {
    const to = accountOf(deployment, role);
    expect(await publicClient.readContract({ address: registry, abi: identityRegistryAbi, functionName: 'investorCountry', args: [to] })).toBe(
      country,
    );
    expect(await publicClient.readContract({ address: registry, abi: identityRegistryAbi, functionName: 'isVerified', args: [to] })).toBe(true);
    const canTransfer = await publicClient.readContract({
      address: contractOf(deployment, 'ModularCompliance'),
      abi: modularComplianceAbi,
      functionName: 'canTransfer',
      args: [user, to, E18],
    });
    expect(canTransfer).toBe(accepted);

    const transfer = { address: amzn.address, abi: trexTokenAbi, functionName: 'transfer', args: [to, E18] } as const;
    if (accepted) {
      expect((await write('user', transfer)).status).toBe('success');
      expect(await balanceOf(amzn.address, to)).toBe(E18);
    } else {
      await expect(write('user', transfer)).rejects.toThrow(/Transfer not possible/);
      expect(await balanceOf(amzn.address, to)).toBe(0n);
    }
  });

  it('a transfer to an address without an identity is refused', async () => {
    const transfer = write('user', {
      address: amzn.address,
      abi: trexTokenAbi,
      functionName: 'transfer',
      args: [accountOf(deployment, 'unverified'), E18],
    });
    await expect(transfer).rejects.toThrow(/Transfer not possible/);
  });
});

describe('Uniswap V2 pools against USDC', () => {
  const router = contractOf(deployment, 'UniswapV2Router02');
  const usdc = contractOf(deployment, 'USDC');

  async function swap(from: Address, to: Address, amountIn: bigint) {
    await write('user', { address: from, abi: erc20Abi, functionName: 'approve', args: [router, maxUint256] });
    const [, quoted] = await publicClient.readContract({
      address: router,
      abi: uniswapV2RouterAbi,
      functionName: 'getAmountsOut',
      args: [amountIn, [from, to]],
    });
    const before = await balanceOf(to, user);
    const { timestamp } = await publicClient.getBlock();
    const receipt = await write('user', {
      address: router,
      abi: uniswapV2RouterAbi,
      functionName: 'swapExactTokensForTokens',
      args: [amountIn, quoted, [from, to], user, timestamp + 600n],
    });
    expect(receipt.status).toBe('success');
    return { quoted, received: (await balanceOf(to, user)) - before };
  }

  it.each(deployment.tokens.filter((t) => t.pair).map((t) => [t.symbol]))('%s can be bought with USDC and sold back', async (symbol) => {
    const token = tokenOf(deployment, symbol);
    const bought = await swap(usdc, token.address, 1_000_000_000n);
    // balances of share-based tokens round to whole shares: allow a couple of wei
    expect(bought.received - bought.quoted).toBeGreaterThanOrEqual(-2n);
    expect(bought.received - bought.quoted).toBeLessThanOrEqual(2n);
    expect(bought.received).toBeGreaterThan(E18); // $1,000 buys more than one share of any stock here (SPYx is $600)

    const sold = await swap(token.address, usdc, E18);
    expect(sold.received).toBe(sold.quoted);
    expect(sold.received).toBeGreaterThan(100_000_000n);
  });
});
