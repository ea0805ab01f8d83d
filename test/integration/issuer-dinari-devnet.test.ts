// The Dinari-style issuer through Dinari API v2 on the devnet: real HTTP at Dinari's paths with
// the key headers, the wallet's own market order sent with the operator-signed fee quote, and
// the devnet OrderProcessor verifying that signature.
import { type Address, decodeFunctionData, erc20Abi, type Hex, toFunctionSelector } from 'viem';
import { describe, expect, inject, it } from 'vitest';
import { orderProcessorAbi } from '../../devnet/abis.ts';
import { accountOf, contractOf, devnetClients, tokenOf } from '../../devnet/test-kit.ts';
import { checkFeeQuote, createDinariApi, feeQuoteBody } from '../../lib/issuers/dinari-api.ts';
import { revertChainAfterEachTest } from './isolate.ts';
import { devnetWallet } from './issuer-wallet.ts';

const deployment = inject('deployment');
const { publicClient, testClient } = devnetClients(deployment);
const user = accountOf(deployment, 'user');
const usdc = contractOf(deployment, 'USDC');
const processor = contractOf(deployment, 'OrderProcessor');
const orders = deployment.issuers.find((i) => i.id === 'orders')!;
const keys = orders.apiKeys!;
const aapl = tokenOf(deployment, 'AAPL.d').address;
const E18 = 10n ** 18n;
const invalidFeeQuote = new RegExp(toFunctionSelector('InvalidFeeQuote()'));

revertChainAfterEachTest(testClient);

const api = (signerOk = true) =>
  createDinariApi(
    (url, init) => fetch(url, init),
    { name: 'Devnet Orders', origin: deployment.issuerServiceUrl },
    () => signerOk,
    keys,
  );

async function post(
  path: string,
  body: unknown,
  headers: Record<string, string> = { 'X-API-Key-Id': keys.apiKeyId, 'X-API-Secret-Key': keys.apiSecretKey },
) {
  const response = await fetch(`${deployment.issuerServiceUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('Dinari API v2 on the devnet', () => {
  it('a mint and a redemption go through the fee quote, and the wallet sends its own createOrder', async () => {
    const w = await devnetWallet();
    const mint = await w.quote('AAPL.d', 'mint', '0.5');
    // No price comes from the issuer: the plan says the price is the wallet's own.
    expect(mint.priceCheck?.message).toMatch(/quotes no price for a market order/);
    expect(w.requested.some((u) => u.includes('/api/v2/market_data/stocks/?symbols=AAPL'))).toBe(true);
    expect(w.requested.some((u) => u.endsWith(`/api/v2/accounts/${keys.accountId}/orders/stocks/eip155/fee_quote`))).toBe(true);
    expect(w.requested.some((u) => u.includes('/v1/'))).toBe(false);
    await w.submit(mint.id);
    const minted = await w.settle(mint.id);
    expect(minted.status).toBe('settled');
    const sent = await publicClient.getTransaction({ hash: minted.transactions.at(-1) as Hex });
    const call = decodeFunctionData({ abi: orderProcessorAbi, data: sent.input });
    expect(call.functionName).toBe('createOrder');
    const [order, feeQuote] = call.args as unknown as [
      { paymentTokenQuantity: bigint; recipient: Address; sell: boolean },
      { fee: bigint; requester: Address },
    ];
    // What the user was shown is what went on chain.
    expect(order).toMatchObject({ paymentTokenQuantity: BigInt(mint.quote.value), sell: false });
    expect(order.recipient.toLowerCase()).toBe(user.toLowerCase());
    expect(feeQuote.fee).toBe(BigInt(mint.quote.fee));

    const tokensBefore = await publicClient.readContract({ address: aapl, abi: erc20Abi, functionName: 'balanceOf', args: [user] });
    const redeem = await w.quote('AAPL.d', 'redeem', '0.25');
    await w.submit(redeem.id);
    const redeemed = await w.settle(redeem.id);
    expect(redeemed.status).toBe('settled');
    // The sell burned exactly the quantity, after an exact approval to the processor.
    const tokensAfter = await publicClient.readContract({ address: aapl, abi: erc20Abi, functionName: 'balanceOf', args: [user] });
    expect(tokensBefore - tokensAfter).toBe(E18 / 4n);
    expect(await publicClient.readContract({ address: aapl, abi: erc20Abi, functionName: 'allowance', args: [user, processor] })).toBe(0n);
  });

  it('without saved API keys nothing is sent and the user is told to add them', async () => {
    const bare = await devnetWallet('DE', { credentials: false });
    await expect(bare.quote('AAPL.d', 'mint', '0.5')).rejects.toMatchObject({
      code: 'issuer.no_account',
      message: expect.stringMatching(/Settings/),
    });
    expect(bare.requested).toEqual([]);
  });

  it('refuses missing keys (401), an unknown account (404) and a malformed body (422) with a detail', async () => {
    const path = `/api/v2/accounts/${keys.accountId}/orders/stocks/eip155/fee_quote`;
    expect(await post(path, {}, {})).toMatchObject({ status: 401, body: { detail: expect.any(String) } });
    expect((await post('/api/v2/accounts/someone-else/orders/stocks/eip155/fee_quote', {})).status).toBe(404);
    expect(await post(path, { chain_id: 'eip155:1' })).toMatchObject({ status: 422, body: { detail: expect.any(String) } });
  });

  it('the fee quote is signed for the devnet processor by its operator, and the processor refuses an altered one', async () => {
    const stockId = await api().stockId(deployment.chainId, aapl, 'AAPL');
    const body = feeQuoteBody({
      chainId: deployment.chainId,
      side: 'mint',
      stockId,
      paymentToken: usdc,
      paymentDecimals: 6,
      tokenDecimals: 18,
      paymentAmount: 100_000_000n,
    });
    const answer = await api().feeQuote(body);
    const now = (await publicClient.getBlock()).timestamp;
    const want = { issuerName: 'Devnet Orders', chainId: deployment.chainId, contract: processor, user, paymentToken: usdc, now };
    const { feeQuote, signature } = await checkFeeQuote(answer, { ...want, signers: [orders.feeQuoteSigner as Address] });
    await expect(checkFeeQuote(answer, { ...want, signers: [user] })).rejects.toMatchObject({ code: 'issuer.bad_answer' });
    const order = {
      requestTimestamp: now,
      recipient: user,
      assetToken: aapl,
      paymentToken: usdc,
      sell: false,
      orderType: 0,
      assetTokenQuantity: 0n,
      paymentTokenQuantity: 100_000_000n,
      price: 0n,
      tif: 0,
    };
    const simulate = (quote: typeof feeQuote) =>
      publicClient.simulateContract({
        account: user,
        address: processor,
        abi: orderProcessorAbi,
        functionName: 'createOrder',
        args: [order, quote, signature],
      });
    // The signature check comes before any payment is pulled: the altered fee is refused outright.
    await expect(simulate({ ...feeQuote, fee: feeQuote.fee - 1n })).rejects.toThrow(invalidFeeQuote);
    await expect(simulate({ ...feeQuote, deadline: feeQuote.deadline + 1n })).rejects.toThrow(invalidFeeQuote);
    // The quote as signed passes that check (it fails later only for want of a USDC allowance).
    const asSigned = await simulate(feeQuote).catch((error: Error) => error);
    expect(String(asSigned)).not.toMatch(invalidFeeQuote);
  });
});
