import { type Address, erc20Abi, type Hex, keccak256, maxUint256, pad, parseEventLogs, toBytes, toFunctionSelector, toHex } from 'viem';
import { describe, expect, inject, it } from 'vitest';
import { attestationManagerAbi, orderProcessorAbi, orderStatus, usdcAbi } from '../../devnet/abis.ts';
import { accountAt, indexOfRole } from '../../devnet/catalog.ts';
import { usdcForTokens } from '../../devnet/issuer/pricing.ts';
import { attestationTypes } from '../../devnet/issuer/quotes.ts';
import { accountOf, advanceTime, contractOf, devnetClients, eventually, tokenOf } from '../../devnet/test-kit.ts';
import { revertChainAfterEachTest } from './isolate.ts';

const deployment = inject('deployment');
const { publicClient, testClient, write } = devnetClients(deployment);
const user = accountOf(deployment, 'user');
const operator = accountOf(deployment, 'issuer-operator');
const usdc = contractOf(deployment, 'USDC');
const processor = contractOf(deployment, 'OrderProcessor');
const manager = contractOf(deployment, 'AttestationManager');
const E18 = 10n ** 18n;
/**
 * How the devnet's tokens refuse a transferFrom beyond the allowance: OpenZeppelin's
 * ERC20InsufficientAllowance, the share-based tokens' InsufficientAllowance (by selector), and
 * T-REX's allowance subtraction underflowing.
 */
const allowanceRefused = new RegExp(
  [
    ...['ERC20InsufficientAllowance(address,uint256,uint256)', 'InsufficientAllowance(address,uint256,uint256)'].map(toFunctionSelector),
    'underflow or overflow',
  ].join('|'),
);

revertChainAfterEachTest(testClient);

const balanceOf = (token: Address, account: Address) =>
  publicClient.readContract({ address: token, abi: erc20Abi, functionName: 'balanceOf', args: [account] });

async function issuerApi(method: string, path: string, body?: unknown) {
  const response = await fetch(`${deployment.issuerServiceUrl}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> & { error?: { code: string } } };
}

const ondoKey = deployment.issuers.find((i) => i.id === 'attest')!.apiKeys!.apiKey;

/** POST /v1/attestations as Ondo GM's API takes it: x-api-key, chain name, symbol, side, decimal token amount. */
async function ondoApi(path: string, body: Record<string, string>, key: string | null = ondoKey) {
  const response = await fetch(`${deployment.issuerServiceUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key === null ? {} : { 'x-api-key': key }) },
    body: JSON.stringify({ chainId: `devnet-${deployment.chainId}`, ...body }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, string> };
}

/** An attestation for `tokenAmount` tokens, as the manager's Quote, its signature and what the user pays or receives. */
async function attest(symbol: string, side: 'buy' | 'sell', tokenAmount: string) {
  const { status, body: a } = await ondoApi('/v1/attestations', { symbol, side, tokenAmount });
  expect(status, JSON.stringify(a)).toBe(200);
  const quote = {
    chainId: BigInt(a.chainId),
    attestationId: BigInt(a.attestationId),
    userId: a.userId as Hex,
    asset: a.assetAddress as Address,
    price: BigInt(a.price),
    quantity: BigInt(a.tokenAmount),
    expiration: BigInt(a.expiration),
    side: Number(a.side),
    // Empty, as in Ondo's example: the zero word.
    additionalData: (a.additionalData || pad('0x', { size: 32 })) as Hex,
  };
  // The manager moves exactly quantity x price (rounded up for a buy): no fee.
  const total = usdcForTokens(quote.quantity, quote.price, side === 'buy');
  return { quote, signature: toHex(Buffer.from(a.signature, 'base64')), total };
}

const approve = (token: Address, spender: Address) =>
  write('user', { address: token, abi: usdcAbi, functionName: 'approve', args: [spender, maxUint256] });

describe('attestation issuer (Ondo GM model)', () => {
  it.each(['NVDAon', 'sMSFT', 'AMZNr'])('a %s mint and redeem settle for the attested price', async (symbol) => {
    const token = tokenOf(deployment, symbol);
    await approve(usdc, manager);
    const [usdcBefore, tokensBefore] = [await balanceOf(usdc, user), await balanceOf(token.address, user)];

    const buy = await attest(symbol, 'buy', '2.5');
    expect(buy.quote).toMatchObject({ chainId: BigInt(deployment.chainId), asset: token.address, quantity: (25n * E18) / 10n, side: 0 });
    const minted = await write('user', {
      address: manager,
      abi: attestationManagerAbi,
      functionName: 'mintWithAttestation',
      args: [buy.quote, buy.signature, usdc, buy.total],
    });
    expect(usdcBefore - (await balanceOf(usdc, user))).toBe(buy.total);
    const [bought] = parseEventLogs({ abi: attestationManagerAbi, eventName: 'TradeExecuted', logs: minted.logs });
    expect(bought.args).toMatchObject({ attestationId: buy.quote.attestationId, side: 0, asset: token.address, quantity: buy.quote.quantity });
    expect((await balanceOf(token.address, user)) - tokensBefore).toBe(buy.quote.quantity);

    const sell = await attest(symbol, 'sell', '1');
    const usdcMid = await balanceOf(usdc, user);
    const redeem = {
      address: manager,
      abi: attestationManagerAbi,
      functionName: 'redeemWithAttestation',
      args: [sell.quote, sell.signature, usdc, sell.total],
    } as const;
    // Like Ondo's manager, the redemption pulls the tokens: without the user's allowance it reverts.
    await expect(write('user', redeem)).rejects.toThrow(allowanceRefused);
    await write('user', { address: token.address, abi: erc20Abi, functionName: 'approve', args: [manager, E18] });
    const receipt = await write('user', redeem);
    expect((await balanceOf(usdc, user)) - usdcMid).toBe(sell.total);
    expect(await publicClient.readContract({ address: token.address, abi: erc20Abi, functionName: 'allowance', args: [user, manager] })).toBe(0n);

    // TradeExecuted is the one settlement event, for both sides, as on Ondo's GMTokenManager.
    const trades = parseEventLogs({ abi: attestationManagerAbi, eventName: 'TradeExecuted', logs: receipt.logs });
    expect(trades.map((t) => t.args)).toEqual([
      expect.objectContaining({
        attestationId: sell.quote.attestationId,
        chainId: BigInt(deployment.chainId),
        userId: sell.quote.userId,
        side: 1,
        asset: token.address,
        quantity: E18,
      }),
    ]);
  });

  it('answers gmTokenAccepted for the GM tokens it issues and no other', async () => {
    const accepted = (token: Address) =>
      publicClient.readContract({ address: manager, abi: attestationManagerAbi, functionName: 'gmTokenAccepted', args: [token] });
    for (const symbol of ['NVDAon', 'sMSFT', 'AMZNr']) expect(await accepted(tokenOf(deployment, symbol).address)).toBe(true);
    expect(await accepted(tokenOf(deployment, 'AAPL.d').address)).toBe(false);
    expect(await accepted(usdc)).toBe(false);
  });

  it('refuses an attestation used twice', async () => {
    await approve(usdc, manager);
    const buy = await attest('NVDAon', 'buy', '1');
    const mint = {
      address: manager,
      abi: attestationManagerAbi,
      functionName: 'mintWithAttestation',
      args: [buy.quote, buy.signature, usdc, buy.total],
    } as const;
    await write('user', mint);
    await expect(write('user', mint)).rejects.toThrow(/AttestationAlreadyUsed/);
  });

  it('refuses an expired attestation', async () => {
    await approve(usdc, manager);
    const buy = await attest('NVDAon', 'buy', '1');
    const { timestamp } = await publicClient.getBlock();
    await advanceTime(testClient, Number(buy.quote.expiration - timestamp) + 1);
    await expect(
      write('user', {
        address: manager,
        abi: attestationManagerAbi,
        functionName: 'mintWithAttestation',
        args: [buy.quote, buy.signature, usdc, buy.total],
      }),
    ).rejects.toThrow(/AttestationExpired/);
  });

  it('takes attestations only from keys holding ATTESTATION_SIGNER_ROLE, as the real manager does', async () => {
    const role = keccak256(toBytes('ATTESTATION_SIGNER_ROLE'));
    const hasRole = (account: Address) =>
      publicClient.readContract({ address: manager, abi: attestationManagerAbi, functionName: 'hasRole', args: [role, account] });
    expect(await hasRole(operator)).toBe(true);
    expect(await hasRole(user)).toBe(false);
    await approve(usdc, manager);
    const buy = await attest('NVDAon', 'buy', '1');
    // The same quote signed by a key without the role (the user's own) is refused on chain.
    const forged = await accountAt(indexOfRole('user')).signTypedData({
      domain: { name: 'OndoGMTokenManager', version: '1', chainId: deployment.chainId, verifyingContract: manager },
      types: attestationTypes,
      primaryType: 'Quote',
      message: buy.quote,
    });
    await expect(
      write('user', {
        address: manager,
        abi: attestationManagerAbi,
        functionName: 'mintWithAttestation',
        args: [buy.quote, forged, usdc, buy.total],
      }),
    ).rejects.toThrow(/InvalidAttestationSignature/);
  });

  it("refuses another wallet using the user's attestation", async () => {
    const buy = await attest('NVDAon', 'buy', '1');
    await expect(
      write('unverified', {
        address: manager,
        abi: attestationManagerAbi,
        functionName: 'mintWithAttestation',
        args: [buy.quote, buy.signature, usdc, buy.total],
      }),
    ).rejects.toThrow(/UserNotVerified/);
  });

  it('serves a soft quote at the same price, unsigned', async () => {
    const signed = await attest('sMSFT', 'buy', '1');
    const { status, body } = await ondoApi('/v1/attestations/soft', { symbol: 'sMSFT', side: 'buy', tokenAmount: '1' });
    expect(status).toBe(200);
    expect(BigInt(body.price)).toBe(signed.quote.price);
    expect(body).not.toHaveProperty('signature');
  });

  it.each([
    { name: 'no API key', body: { symbol: 'NVDAon', side: 'buy', tokenAmount: '1' }, key: null, status: 401, code: 'MISSING_API_KEY' },
    { name: 'another API key', body: { symbol: 'NVDAon', side: 'buy', tokenAmount: '1' }, key: 'not-the-key', status: 401, code: 'INVALID_API_KEY' },
    {
      name: 'an amount below the minimum',
      body: { symbol: 'NVDAon', side: 'buy', tokenAmount: '0.0001' },
      key: ondoKey,
      status: 422,
      code: 'BELOW_MINIMUM',
    },
    { name: 'an unknown symbol', body: { symbol: 'NOPEon', side: 'buy', tokenAmount: '1' }, key: ondoKey, status: 404, code: 'ASSET_NOT_FOUND' },
    { name: 'a bad side', body: { symbol: 'NVDAon', side: 'hold', tokenAmount: '1' }, key: ondoKey, status: 400, code: 'INVALID_REQUEST' },
  ])("refuses $name with Ondo's $code", async ({ body, key, status, code }) => {
    const response = await ondoApi('/v1/attestations', body, key);
    expect(response.status).toBe(status);
    expect(response.body.code).toBe(code);
  });

  it('answers MARKET_CLOSED while the market is closed', async () => {
    await issuerApi('PUT', '/v1/market', { mode: 'closed' });
    try {
      const response = await ondoApi('/v1/attestations', { symbol: 'NVDAon', side: 'buy', tokenAmount: '1' });
      expect(response.status).toBe(409);
      expect(response.body.code).toBe('MARKET_CLOSED');
    } finally {
      await issuerApi('PUT', '/v1/market', { mode: 'open' });
    }
  });

  it("is not quoted at the devnet's own /v1/quotes", async () => {
    const response = await issuerApi('POST', '/v1/quotes', { token: 'NVDAon', side: 'buy', amount: '100000000', address: user });
    expect(response.status).toBe(404);
    expect(response.body.error?.code).toBe('not_found');
  });
});

describe('order processor issuer (Dinari model)', () => {
  const waitForStatus = (id: bigint, status: number) =>
    eventually(async () => {
      const current = await publicClient.readContract({
        address: processor,
        abi: orderProcessorAbi,
        functionName: 'getOrderStatus',
        args: [id],
      });
      return current === status ? current : undefined;
    });

  const keys = deployment.issuers.find((i) => i.id === 'orders')!.apiKeys!;
  /** Dinari API v2 on the devnet: the stock id of a token, then an operator-signed fee quote for a market buy. */
  async function feeQuoteFor(symbol: string, usdcAmount: number) {
    const headers = { 'content-type': 'application/json', 'X-API-Key-Id': keys.apiKeyId, 'X-API-Secret-Key': keys.apiSecretKey };
    const token = tokenOf(deployment, symbol);
    const ticker = token.underlying?.ticker ?? symbol;
    const stocks = (await (await fetch(`${deployment.issuerServiceUrl}/api/v2/market_data/stocks/?symbols=${ticker}`, { headers })).json()) as {
      id: string;
      tokens: string[];
    }[];
    const stock = stocks.find((s) => s.tokens.includes(`eip155:${deployment.chainId}:${token.address}`))!;
    const response = await fetch(`${deployment.issuerServiceUrl}/api/v2/accounts/${keys.accountId}/orders/stocks/eip155/fee_quote`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        chain_id: `eip155:${deployment.chainId}`,
        order_side: 'BUY',
        order_tif: 'DAY',
        order_type: 'MARKET',
        stock_id: stock.id,
        payment_token: usdc,
        payment_token_quantity: usdcAmount,
      }),
    });
    expect(response.status).toBe(200);
    const answer = (await response.json()) as {
      order_fee_contract_object: {
        fee_quote: { orderId: string; requester: Address; fee: string; timestamp: number; deadline: number };
        fee_quote_signature: Hex;
      };
    };
    const fq = answer.order_fee_contract_object.fee_quote;
    return {
      feeQuote: {
        orderId: BigInt(fq.orderId),
        requester: fq.requester,
        fee: BigInt(fq.fee),
        timestamp: BigInt(fq.timestamp),
        deadline: BigInt(fq.deadline),
      },
      signature: answer.order_fee_contract_object.fee_quote_signature,
    };
  }

  it.each(['AAPL.d', 'TSLAx'])('a %s buy with a signed fee quote escrows USDC and mints on fill', async (symbol) => {
    const token = tokenOf(deployment, symbol);
    await approve(usdc, processor);
    const spend = 1_000_000_000n; // $1,000
    const { feeQuote, signature } = await feeQuoteFor(symbol, 1000);
    expect(feeQuote.requester.toLowerCase()).toBe(user.toLowerCase());
    const [usdcBefore, tokensBefore, operatorBefore] = await Promise.all([
      balanceOf(usdc, user),
      balanceOf(token.address, user),
      balanceOf(usdc, operator),
    ]);
    const order = {
      requestTimestamp: feeQuote.timestamp,
      recipient: user,
      assetToken: token.address,
      paymentToken: usdc,
      sell: false,
      orderType: 0,
      assetTokenQuantity: 0n,
      paymentTokenQuantity: spend,
      price: 0n,
      tif: 0,
    };
    await write('user', { address: processor, abi: orderProcessorAbi, functionName: 'createOrder', args: [order, feeQuote, signature] });
    expect(usdcBefore - (await balanceOf(usdc, user))).toBe(spend + feeQuote.fee);
    await waitForStatus(feeQuote.orderId, orderStatus.fulfilled);
    const minted = (await balanceOf(token.address, user)) - tokensBefore;
    expect(minted).toBeGreaterThan(0n);
    expect((await balanceOf(usdc, operator)) - operatorBefore).toBe(spend + feeQuote.fee);
  });

  it('a sell needs an allowance for the shares, burns them at once and pays the proceeds minus the standard fee on fill', async () => {
    const token = tokenOf(deployment, 'AAPL.d');
    const quantity = 2n * E18;
    const id = await publicClient.readContract({ address: processor, abi: orderProcessorAbi, functionName: 'nextOrderId', args: [user] });
    const [usdcBefore, tokensBefore] = [await balanceOf(usdc, user), await balanceOf(token.address, user)];
    const sell = {
      address: processor,
      abi: orderProcessorAbi,
      functionName: 'createOrderStandardFees',
      args: [
        {
          requestTimestamp: 0n,
          recipient: user,
          assetToken: token.address,
          paymentToken: usdc,
          sell: true,
          orderType: 0,
          assetTokenQuantity: quantity,
          paymentTokenQuantity: 0n,
          price: 0n,
          tif: 0,
        },
      ],
    } as const;
    // Like Dinari's burnFrom, the sell needs the user's allowance for the shares.
    await expect(write('user', sell)).rejects.toThrow(allowanceRefused);
    await write('user', { address: token.address, abi: erc20Abi, functionName: 'approve', args: [processor, quantity] });
    await write('user', sell);
    expect(tokensBefore - (await balanceOf(token.address, user))).toBe(quantity);
    await waitForStatus(id, orderStatus.fulfilled);
    const proceeds = 400_000_000n; // 2 x $200
    const fee = 1_000_000n + (proceeds * 50n) / 10_000n; // $1 flat + 0.5%
    expect((await balanceOf(usdc, user)) - usdcBefore).toBe(proceeds - fee);
  });

  it('a cancel requested before the fill returns the escrowed USDC', async () => {
    await approve(usdc, processor);
    const id = await publicClient.readContract({ address: processor, abi: orderProcessorAbi, functionName: 'nextOrderId', args: [user] });
    const usdcBefore = await balanceOf(usdc, user);
    const { wallet } = devnetClients(deployment);
    const order = {
      requestTimestamp: 0n,
      recipient: user,
      assetToken: tokenOf(deployment, 'AAPL.d').address,
      paymentToken: usdc,
      sell: false,
      orderType: 0,
      assetTokenQuantity: 0n,
      paymentTokenQuantity: 500_000_000n,
      price: 0n,
      tif: 0,
    };
    // create and cancel in one block, so the operator sees the cancel request before it could fill
    await testClient.setAutomine(false);
    try {
      await wallet('user').writeContract({
        address: processor,
        abi: orderProcessorAbi,
        functionName: 'createOrderStandardFees',
        args: [order],
        gas: 1_000_000n,
      });
      await wallet('user').writeContract({ address: processor, abi: orderProcessorAbi, functionName: 'requestCancel', args: [id], gas: 200_000n });
      await testClient.mine({ blocks: 1 });
    } finally {
      await testClient.setAutomine(true);
    }
    await waitForStatus(id, orderStatus.cancelled);
    expect(await balanceOf(usdc, user)).toBe(usdcBefore);
  });
});

describe('issuer service', () => {
  it.each([
    {
      name: 'an unverified user',
      body: { token: 'SPYx', side: 'sell', amount: '100000000', address: '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC' },
      status: 403,
      code: 'kyc_required',
    },
    {
      name: 'an amount below the minimum',
      body: { token: 'SPYx', side: 'sell', amount: '1000000', address: user },
      status: 422,
      code: 'amount_below_minimum',
    },
    { name: 'an unknown token', body: { token: 'NOPE', side: 'sell', amount: '100000000', address: user }, status: 404, code: 'unknown_token' },
    { name: 'a bad side', body: { token: 'SPYx', side: 'hold', amount: '100000000', address: user }, status: 400, code: 'bad_request' },
    {
      name: 'both quantity and amount',
      body: { token: 'SPYx', side: 'sell', amount: '1', quantity: '1', address: user },
      status: 400,
      code: 'bad_request',
    },
  ])('refuses $name with $code', async ({ body, status, code }) => {
    const response = await issuerApi('POST', '/v1/quotes', body);
    expect(response.status).toBe(status);
    expect(response.body.error?.code).toBe(code);
  });

  it('refuses quotes while the market is closed', async () => {
    expect((await issuerApi('PUT', '/v1/market', { mode: 'closed' })).body).toEqual({ mode: 'closed', status: 'closed' });
    try {
      const response = await issuerApi('POST', '/v1/quotes', { token: 'SPYx', side: 'sell', amount: '100000000', address: user });
      expect(response.status).toBe(409);
      expect(response.body.error?.code).toBe('market_closed');
    } finally {
      await issuerApi('PUT', '/v1/market', { mode: 'open' });
    }
  });

  it('reports KYC status per address', async () => {
    expect((await issuerApi('GET', `/v1/kyc/${user}`)).body.verified).toBe(true);
    expect((await issuerApi('GET', `/v1/kyc/${accountOf(deployment, 'unverified')}`)).body.verified).toBe(false);
  });
});
