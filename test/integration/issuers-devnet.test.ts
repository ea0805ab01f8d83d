// Mint and redeem through the wallet's issuer service against the devnet: real HTTP to the
// issuer service, real transactions through the wallet's signing road (approvals answered
// here as a user would), settlement read from the chain.
import { type Address, decodeFunctionData, erc20Abi, type Hex, toFunctionSelector } from 'viem';
import { describe, expect, inject, it } from 'vitest';
import { accountOf, contractOf, devnetClients, tokenOf } from '../../devnet/test-kit.ts';
import { revertChainAfterEachTest } from './isolate.ts';
import { devnetWallet } from './issuer-wallet.ts';

const deployment = inject('deployment');
const { publicClient, testClient } = devnetClients(deployment);
const user = accountOf(deployment, 'user');
const usdc = contractOf(deployment, 'USDC');
const E18 = 10n ** 18n;
/** The allowance errors of the devnet's tokens (OpenZeppelin ERC-20s and the share-based tokens), by selector. */
const insufficientAllowance = new RegExp(
  ['ERC20InsufficientAllowance(address,uint256,uint256)', 'InsufficientAllowance(address,uint256,uint256)'].map(toFunctionSelector).join('|'),
);

revertChainAfterEachTest(testClient);

const balanceOf = (token: Address) => publicClient.readContract({ address: token, abi: erc20Abi, functionName: 'balanceOf', args: [user] });

describe.each([
  { symbol: 'NVDAon', issuer: 'attest' },
  { symbol: 'sMSFT', issuer: 'attest' },
  { symbol: 'AAPL.d', issuer: 'orders' },
  { symbol: 'TSLAx', issuer: 'orders' },
])('$symbol through the $issuer issuer', ({ symbol, issuer }) => {
  const token = tokenOf(deployment, symbol).address;
  const issuerName = deployment.issuers.find((i) => i.id === issuer)!.name;

  it('a mint then a redemption settle on chain for the quoted USDC, each after the allowance its contract pulls', async () => {
    const w = await devnetWallet();
    const [usdcBefore, tokensBefore] = [await balanceOf(usdc), await balanceOf(token)];

    const mint = await w.quote(symbol, 'mint', '0.5');
    expect(mint).toMatchObject({
      status: 'quote',
      issuer: { id: issuer },
      quote: { quantity: `${E18 / 2n}`, marketStatus: 'open' },
      payment: { symbol: 'USDC', decimals: 6 },
    });
    expect(BigInt(mint.quote.total)).toBe(BigInt(mint.quote.value) + BigInt(mint.quote.fee));
    expect((await w.submit(mint.id)).status).toBe('submitted');
    const minted = await w.settle(mint.id);
    expect(minted.status).toBe('settled');
    const paid = usdcBefore - (await balanceOf(usdc));
    const gained = (await balanceOf(token)) - tokensBefore;
    expect(paid).toBe(BigInt(mint.quote.total));
    expect(BigInt(minted.settlement!.paymentAmount)).toBe(paid);
    // Share-based balances (rebasing, multiplier) may round by a unit.
    expect(gained - BigInt(minted.settlement!.tokenAmount)).toBeGreaterThanOrEqual(-1n);
    expect(gained - BigInt(minted.settlement!.tokenAmount)).toBeLessThanOrEqual(1n);
    expect(gained - E18 / 2n).toBeGreaterThanOrEqual(-(E18 / 1_000_000n));

    const usdcMid = await balanceOf(usdc);
    const tokensMid = await balanceOf(token);
    const redeem = await w.quote(symbol, 'redeem', '0.25');
    expect(BigInt(redeem.quote.total)).toBe(BigInt(redeem.quote.value) - BigInt(redeem.quote.fee));
    await w.submit(redeem.id);
    const redeemed = await w.settle(redeem.id);
    expect(redeemed.status).toBe('settled');
    const payout = (await balanceOf(usdc)) - usdcMid;
    expect(payout).toBe(BigInt(redeemed.settlement!.paymentAmount));
    expect(payout).toBe(BigInt(redeem.quote.total));
    expect(tokensMid - (await balanceOf(token))).toBe(E18 / 4n);
    expect(redeemed.balances).toEqual({ token: `${await balanceOf(token)}`, payment: `${await balanceOf(usdc)}` });

    // The issuer contract pulls the tokens (Ondo's redeem, Dinari's burnFrom): the wallet first
    // approved exactly the quantity to exactly that contract, then sent the redemption.
    const contract = redeem.quote.contract as Address;
    const [approveTx, redeemTx] = await Promise.all(redeemed.transactions.map((hash) => publicClient.getTransaction({ hash: hash as Hex })));
    expect(redeemed.transactions).toHaveLength(2);
    expect(approveTx.to?.toLowerCase()).toBe(token.toLowerCase());
    expect(decodeFunctionData({ abi: erc20Abi, data: approveTx.input })).toEqual({ functionName: 'approve', args: [contract, E18 / 4n] });
    expect(redeemTx.to?.toLowerCase()).toBe(contract.toLowerCase());
    // The very redemption the wallet sent reverts on the devnet without that allowance (the state
    // before the approval) and goes through with it (the state after the approval, before the redemption).
    const replay = (blockNumber: bigint) => publicClient.call({ account: user, to: contract, data: redeemTx.input, blockNumber });
    await expect(replay(approveTx.blockNumber! - 1n)).rejects.toThrow(insufficientAllowance);
    await expect(replay(approveTx.blockNumber!)).resolves.toBeDefined();
    expect(await publicClient.readContract({ address: token, abi: erc20Abi, functionName: 'allowance', args: [user, contract] })).toBe(0n);

    // Each request was one plan, approved once in a window named after the issuer; HTTP went to the issuer only.
    expect(w.approvals.map((a) => a.kind)).toEqual(['issuer-request', 'issuer-request']);
    expect(new Set(w.approvals.map((a) => a.origin))).toEqual(new Set([`${issuerName} (${deployment.issuerServiceUrl})`]));
    expect(w.requested.every((url) => url.startsWith(`${deployment.issuerServiceUrl}/`))).toBe(true);
  });
});

describe('issuer refusals on the devnet', () => {
  it('with jurisdiction US, a mint of AMZNr is refused with nothing sent to the issuer or the chain', async () => {
    const w = await devnetWallet('US');
    const nonce = await publicClient.getTransactionCount({ address: user });
    await expect(w.quote('AMZNr', 'mint', '1')).rejects.toMatchObject({ code: 'issuer.blocked', message: expect.stringMatching(/AMZNr.*US/) });
    expect(w.requested).toEqual([]);
    expect(w.approvals).toEqual([]);
    expect(await publicClient.getTransactionCount({ address: user })).toBe(nonce);
  });

  it('a closed market is a clear error, and the wallet quotes again once it opens', async () => {
    const w = await devnetWallet();
    const market = (mode: string) =>
      fetch(`${deployment.issuerServiceUrl}/v1/market`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ mode }),
      });
    await market('closed');
    try {
      await expect(w.quote('NVDAon', 'mint', '1')).rejects.toMatchObject({
        code: 'issuer.market_closed',
        message: expect.stringMatching(/market hours/),
      });
    } finally {
      await market('open');
    }
    expect((await w.quote('NVDAon', 'mint', '1')).status).toBe('quote');
  });

  it('an amount under the issuer minimum is refused before anything is signed', async () => {
    const w = await devnetWallet();
    await expect(w.quote('NVDAon', 'mint', '0.01')).rejects.toMatchObject({ code: 'issuer.below_minimum' });
    expect(w.approvals).toEqual([]);
  });
});
