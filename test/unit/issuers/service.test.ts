import { decodeFunctionData, isAddressEqual, pad, toFunctionSelector } from 'viem';
import { describe, expect, it } from 'vitest';
import { attestationManagerAbi, erc20Abi, orderProcessorAbi } from '../../../lib/issuers/abis';
import {
  askedQuantity,
  attestationQuote,
  CHAIN_ID,
  depositQuote,
  dinariRoutes,
  E18,
  ELSEWHERE,
  MANAGER,
  mintLogs,
  NOW,
  ORDER_ID,
  orderCreatedLog,
  orderFillLog,
  PROCESSOR,
  receipt,
  redeemLogs,
  setBalance,
  tradeLog,
  TOKENS,
  USDC,
  USER,
} from './fixtures';
import { createHarness } from './service-harness';

/** What the wallet asks Ondo's attestation API. */
type Asked = { side: 'buy' | 'sell'; tokenAmount: string; symbol: string };
const quoteRoute = (answer: (body: Asked) => unknown) => () => (body: unknown) => [200, answer(body as Asked)] as [number, unknown];
/** A key that is not the registry's attestation signer. */
const OTHER_KEY = '0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba' as const;

function withFunds(h: ReturnType<typeof createHarness>) {
  setBalance(h.chain, USDC, USER, 1_000_000_000n);
  setBalance(h.chain, TOKENS.NVDA, USER, 10n * E18);
  setBalance(h.chain, TOKENS.AAPL, USER, 10n * E18);
}

describe('issuer allowlist and compliance', () => {
  it('refuses a token whose issuer has no allowlisted origin before any request', async () => {
    const h = createHarness();
    await expect(h.service.quote({ chainId: CHAIN_ID, token: TOKENS.LOST, side: 'mint', quantity: E18 })).rejects.toMatchObject({
      code: 'issuer.not_allowlisted',
    });
    expect(h.http.calls).toEqual([]);
  });

  it('refuses a token no issuer of the registry mints', async () => {
    const h = createHarness();
    await expect(
      h.service.quote({ chainId: CHAIN_ID, token: '0x2222222222222222222222222222222222222222', side: 'mint', quantity: E18 }),
    ).rejects.toMatchObject({
      code: 'issuer.unsupported',
    });
    expect(h.http.calls).toEqual([]);
  });

  it.each(['mint', 'redeem'] as const)('with jurisdiction US, a %s of a US-restricted token sends nothing at all', async (side) => {
    const h = createHarness({ jurisdiction: 'US' });
    const error = await h.service.quote({ chainId: CHAIN_ID, token: TOKENS.AMZN, side, quantity: E18 }).catch((e) => e);
    expect(error).toMatchObject({ code: 'issuer.blocked' });
    expect(error.message).toMatch(/AMZNr.*US/);
    expect(h.http.calls).toEqual([]);
    expect(h.sent).toEqual([]);
  });

  it('refuses a quote asking the user to send tokens to an address outside the allowlist', async () => {
    const h = createHarness();
    h.http.routes['POST /v1/quotes'] = () => [200, { ...depositQuote(E18), contract: PROCESSOR, depositAddress: PROCESSOR }];
    await expect(h.service.quote({ chainId: CHAIN_ID, token: TOKENS.SPY, side: 'redeem', quantity: E18 })).rejects.toMatchObject({
      code: 'issuer.not_allowlisted',
    });
    expect(h.sent).toEqual([]);
  });

  it('offers mint and redeem only where the issuer is allowlisted, with the reason a jurisdiction forbids it', async () => {
    const de = createHarness();
    expect(await de.service.options(CHAIN_ID, TOKENS.NVDA)).toMatchObject({
      mint: true,
      redeem: true,
      blocked: {},
      issuer: { id: 'attest', origin: 'http://127.0.0.1:8787' },
    });
    expect(await de.service.options(CHAIN_ID, TOKENS.LOST)).toMatchObject({ mint: false, redeem: false });
    const us = createHarness({ jurisdiction: 'US' });
    const amzn = await us.service.options(CHAIN_ID, TOKENS.AMZN);
    expect(amzn.blocked.mint).toMatch(/may not be held or traded by residents of US/);
    expect(us.http.calls).toEqual([]);
  });
});

describe('issuer errors leave the wallet usable', () => {
  it.each([
    // Ondo GM's error bodies are { code, message } (https://docs.ondo.finance/api-reference/error-codes).
    { name: 'an address not whitelisted', status: 403, code: 'FORBIDDEN', message: 'address not whitelisted', expected: 'issuer.kyc_required' },
    { name: 'market closed', status: 409, code: 'MARKET_CLOSED', message: 'closed', expected: 'issuer.market_closed' },
    { name: 'below the minimum', status: 422, code: 'BELOW_MINIMUM', message: 'below the minimum', expected: 'issuer.below_minimum' },
    { name: 'an unknown token', status: 404, code: 'ASSET_NOT_FOUND', message: 'no asset', expected: 'issuer.unknown_token' },
    { name: 'a refused key', status: 401, code: 'INVALID_API_KEY', message: 'bad key', expected: 'issuer.bad_credentials' },
    { name: 'a rate limit', status: 429, code: 'RATE_LIMITED', message: 'slow down', expected: 'issuer.unavailable' },
    { name: 'an internal error', status: 500, code: 'INTERNAL', message: 'oops', expected: 'issuer.unavailable' },
    { name: 'a gateway page', status: 502, code: undefined, message: undefined, expected: 'issuer.unavailable' },
  ])('$name becomes $expected, and the next quote still works', async ({ status, code, message, expected }) => {
    const h = createHarness();
    h.http.routes['POST /v1/attestations'] = () => [status, code ? { code, message } : '<html>bad gateway</html>'];
    await expect(h.service.quote({ chainId: CHAIN_ID, token: TOKENS.NVDA, side: 'mint', quantity: E18 })).rejects.toMatchObject({ code: expected });
    h.http.routes['POST /v1/attestations'] = quoteRoute((b) => attestationQuote(b.side, askedQuantity(b)))();
    expect(await h.service.quote({ chainId: CHAIN_ID, token: TOKENS.NVDA, side: 'mint', quantity: E18 })).toMatchObject({ status: 'quote' });
  });

  it("an address Ondo has not whitelisted is sent to the issuer's onboarding, with nothing signed", async () => {
    const h = createHarness();
    h.http.routes['POST /v1/attestations'] = () => [403, { code: 'FORBIDDEN', message: 'the address is not whitelisted (KYC)' }];
    const error = await h.service.quote({ chainId: CHAIN_ID, token: TOKENS.NVDA, side: 'mint', quantity: E18 }).catch((e) => e);
    expect(error).toMatchObject({ code: 'issuer.kyc_required' });
    expect(error.message).toMatch(/Complete Ondo's KYC and have this address whitelisted: devnet:deployment/);
    expect(h.sent).toEqual([]);
  });

  it("asks Ondo's attestation API as documented: the key in x-api-key, chain name, symbol, side and a decimal amount", async () => {
    const h = createHarness();
    await h.service.quote({ chainId: CHAIN_ID, token: TOKENS.NVDA, side: 'redeem', quantity: (3n * E18) / 2n });
    expect(h.http.calls).toEqual([
      {
        url: 'http://127.0.0.1:8787/v1/attestations',
        method: 'POST',
        body: { chainId: `devnet-${CHAIN_ID}`, symbol: 'NVDAon', side: 'sell', tokenAmount: '1.5' },
      },
    ]);
    expect(h.http.headers[0]).toMatchObject({ 'x-api-key': 'ondo-test-key' });
  });

  it("without a signer on record, the manager's ATTESTATION_SIGNER_ROLE decides who may sign", async () => {
    const h = createHarness({ noAttestationSigner: true });
    expect(await h.service.quote({ chainId: CHAIN_ID, token: TOKENS.NVDA, side: 'mint', quantity: E18 })).toMatchObject({ status: 'quote' });
    h.http.routes['POST /v1/attestations'] = (body) => [200, attestationQuote('buy', askedQuantity(body), TOKENS.NVDA, { signerKey: OTHER_KEY })];
    await expect(h.service.quote({ chainId: CHAIN_ID, token: TOKENS.NVDA, side: 'mint', quantity: E18 })).rejects.toMatchObject({
      code: 'issuer.bad_answer',
      message: expect.stringMatching(/not signed by Devnet Attest's signer on record/),
    });
    const asked = h.chain.calls.filter((c) => c.method === 'eth_call').map((c) => (c.params[0] as { data: string }).data.slice(0, 10));
    expect(asked).toContain(toFunctionSelector('function hasRole(bytes32,address)'));
    expect(h.sent).toEqual([]);
  });

  it('without a saved Ondo API key the user is sent to Settings and nothing is asked', async () => {
    const h = createHarness({ credentials: null });
    const error = await h.service.quote({ chainId: CHAIN_ID, token: TOKENS.NVDA, side: 'mint', quantity: E18 }).catch((e) => e);
    expect(error).toMatchObject({ code: 'issuer.no_account' });
    expect(error.message).toMatch(/Add it in Settings → Issuer access/);
    expect(h.http.calls).toEqual([]);
  });

  it('an issuer that cannot be reached is unavailable', async () => {
    const h = createHarness();
    h.http.routes['POST /v1/attestations'] = () => {
      throw new TypeError('Failed to fetch');
    };
    await expect(h.service.quote({ chainId: CHAIN_ID, token: TOKENS.NVDA, side: 'mint', quantity: E18 })).rejects.toMatchObject({
      code: 'issuer.unavailable',
    });
  });

  it.each([
    [
      'signed by another key',
      (b: Asked) => attestationQuote(b.side, askedQuantity(b), TOKENS.NVDA, { signerKey: OTHER_KEY }),
      /not signed by Devnet Attest's signer on record/,
    ],
    ['changed after signing (price)', (b: Asked) => ({ ...attestationQuote(b.side, askedQuantity(b)), price: `${121n * E18}` }), /not signed by/],
    ['for another amount', (b: Asked) => attestationQuote(b.side, askedQuantity(b) * 2n), /another amount/],
    ['for another token', (b: Asked) => attestationQuote(b.side, askedQuantity(b), TOKENS.AMZN), /another token/],
    ['for the other side', (b: Asked) => attestationQuote(b.side === 'buy' ? 'sell' : 'buy', askedQuantity(b)), /redemption, not what was asked/],
  ])('an attestation %s is refused and nothing is signed', async (_name, answer, said) => {
    const h = createHarness();
    withFunds(h);
    h.http.routes['POST /v1/attestations'] = (body) => [200, answer(body as Asked)];
    const error = await h.service.quote({ chainId: CHAIN_ID, token: TOKENS.NVDA, side: 'mint', quantity: E18 }).catch((e) => e);
    expect(error).toMatchObject({ code: 'issuer.bad_answer', message: expect.stringMatching(said) });
    expect(h.sent).toEqual([]);
    expect(h.plans).toEqual([]);
  });

  it('a redemption whose fee (additionalData) takes the whole payout is refused', async () => {
    const h = createHarness();
    h.http.routes['POST /v1/attestations'] = (body) => [
      200,
      { ...attestationQuote('sell', askedQuantity(body)), additionalData: `0x${'ff'.repeat(32)}` },
    ];
    await expect(h.service.quote({ chainId: CHAIN_ID, token: TOKENS.NVDA, side: 'redeem', quantity: E18 })).rejects.toMatchObject({
      code: 'issuer.bad_answer',
    });
  });

  it('a quote that lapsed before submit is refused without sending anything', async () => {
    const h = createHarness();
    withFunds(h);
    h.http.routes['POST /v1/attestations'] = quoteRoute((b) => attestationQuote(b.side, askedQuantity(b)))();
    const quote = await h.service.quote({ chainId: CHAIN_ID, token: TOKENS.NVDA, side: 'mint', quantity: E18 });
    h.chain.time = NOW + 200n;
    await expect(h.service.submit(quote.id)).rejects.toMatchObject({ code: 'issuer.quote_expired' });
    expect(h.sent).toEqual([]);
    expect(await h.service.status(quote.id)).toMatchObject({ status: 'failed', error: { code: 'issuer.quote_expired' } });
  });

  it('a mint the account cannot pay for is refused before any approval', async () => {
    const h = createHarness();
    h.http.routes['POST /v1/attestations'] = quoteRoute((b) => attestationQuote(b.side, askedQuantity(b)))();
    const quote = await h.service.quote({ chainId: CHAIN_ID, token: TOKENS.NVDA, side: 'mint', quantity: E18 });
    await expect(h.service.submit(quote.id)).rejects.toMatchObject({ code: 'issuer.bad_amount' });
    expect(h.sent).toEqual([]);
  });
});

describe('attestation issuer', () => {
  it('mints: USDC approval for the exact total, then mintWithAttestation, settled by TradeExecuted', async () => {
    const h = createHarness();
    withFunds(h);
    h.http.routes['POST /v1/attestations'] = quoteRoute((b) => attestationQuote(b.side, askedQuantity(b)))();
    const quote = await h.service.quote({ chainId: CHAIN_ID, token: TOKENS.NVDA, side: 'mint', quantity: 2n * E18 });
    expect(quote).toMatchObject({
      status: 'quote',
      side: 'mint',
      protocol: 'attestation',
      payment: { symbol: 'USDC', decimals: 6 },
      quote: { quantity: `${2n * E18}`, marketStatus: 'open' },
    });
    expect(h.http.calls.map((c) => c.body)).toEqual([{ chainId: `devnet-${CHAIN_ID}`, symbol: 'NVDAon', side: 'buy', tokenAmount: '2' }]);

    h.setReceipt((tx) => (isAddressEqual(tx.to, MANAGER) ? receipt(true, mintLogs(2n * E18, BigInt(quote.quote.total))) : receipt(true)));
    const submitted = await h.service.submit(quote.id);
    expect(submitted.status).toBe('submitted');
    expect(h.sent.map((s) => s.origin)).toEqual(['Devnet Attest (http://127.0.0.1:8787)', 'Devnet Attest (http://127.0.0.1:8787)']);
    const approve = decodeFunctionData({ abi: erc20Abi, data: h.sent[0].tx.data });
    expect([h.sent[0].tx.to, approve.functionName, approve.args]).toEqual([USDC, 'approve', [MANAGER, BigInt(quote.quote.total)]]);
    const mint = decodeFunctionData({ abi: attestationManagerAbi, data: h.sent[1].tx.data });
    expect(mint.functionName).toBe('mintWithAttestation');
    expect(mint.args.slice(2)).toEqual([USDC, BigInt(quote.quote.total)]);

    const settled = await h.service.status(quote.id);
    expect(settled).toMatchObject({ status: 'settled', settlement: { tokenAmount: `${2n * E18}`, paymentAmount: quote.quote.total } });
  });

  it('skips the approval when the allowance already covers the total', async () => {
    const h = createHarness();
    withFunds(h);
    h.chain.allowances.set(`${USDC.toLowerCase()}:${MANAGER.toLowerCase()}`, 10n ** 12n);
    h.http.routes['POST /v1/attestations'] = quoteRoute((b) => attestationQuote(b.side, askedQuantity(b)))();
    const quote = await h.service.quote({ chainId: CHAIN_ID, token: TOKENS.NVDA, side: 'mint', quantity: E18 });
    await h.service.submit(quote.id);
    expect(h.sent.map((s) => s.tx.to)).toEqual([MANAGER]);
  });

  it('redeems: approves the manager to pull exactly the tokens redeemed, then redeemWithAttestation, settled by TradeExecuted', async () => {
    const h = createHarness();
    withFunds(h);
    h.http.routes['POST /v1/attestations'] = quoteRoute((b) => attestationQuote(b.side, askedQuantity(b)))();
    const quote = await h.service.quote({ chainId: CHAIN_ID, token: TOKENS.NVDA, side: 'redeem', quantity: E18 });
    h.setReceipt((tx) => (isAddressEqual(tx.to, MANAGER) ? receipt(true, redeemLogs(E18, BigInt(quote.quote.total))) : receipt(true)));
    await h.service.submit(quote.id);
    expect(h.sent.map((s) => s.tx.to)).toEqual([TOKENS.NVDA, MANAGER]);
    const approve = decodeFunctionData({ abi: erc20Abi, data: h.sent[0].tx.data });
    expect([approve.functionName, approve.args]).toEqual(['approve', [MANAGER, E18]]);
    const call = decodeFunctionData({ abi: attestationManagerAbi, data: h.sent[1].tx.data });
    expect([call.functionName, call.args[2], call.args[3]]).toEqual(['redeemWithAttestation', USDC, BigInt(quote.quote.total)]);
    expect(await h.service.status(quote.id)).toMatchObject({
      status: 'settled',
      settlement: { tokenAmount: `${E18}`, paymentAmount: quote.quote.total },
    });
  });

  it('a redemption skips the approval when the token allowance already covers the quantity', async () => {
    const h = createHarness();
    withFunds(h);
    h.chain.allowances.set(`${TOKENS.NVDA.toLowerCase()}:${MANAGER.toLowerCase()}`, E18);
    h.http.routes['POST /v1/attestations'] = quoteRoute((b) => attestationQuote(b.side, askedQuantity(b)))();
    const quote = await h.service.quote({ chainId: CHAIN_ID, token: TOKENS.NVDA, side: 'redeem', quantity: E18 });
    h.setReceipt(() => receipt(true, redeemLogs(E18, BigInt(quote.quote.total))));
    await h.service.submit(quote.id);
    expect(h.sent.map((s) => s.tx.to)).toEqual([MANAGER]);
    expect((await h.service.status(quote.id)).status).toBe('settled');
  });

  it('a redemption whose token approval fails on chain sends no redeem', async () => {
    const h = createHarness();
    withFunds(h);
    h.http.routes['POST /v1/attestations'] = quoteRoute((b) => attestationQuote(b.side, askedQuantity(b)))();
    const quote = await h.service.quote({ chainId: CHAIN_ID, token: TOKENS.NVDA, side: 'redeem', quantity: E18 });
    h.setReceipt(() => receipt(false));
    await expect(h.service.submit(quote.id)).rejects.toMatchObject({
      code: 'issuer.failed',
      message: expect.stringMatching(/approval failed.*redemption was not sent/),
    });
    expect(h.sent.map((s) => s.tx.to)).toEqual([TOKENS.NVDA]);
  });

  it('a token the manager no longer accepts (gmTokenAccepted false) is refused before anything is signed', async () => {
    const h = createHarness();
    withFunds(h);
    h.chain.refusedTokens.add(TOKENS.NVDA.toLowerCase());
    h.http.routes['POST /v1/attestations'] = quoteRoute((b) => attestationQuote(b.side, askedQuantity(b)))();
    await expect(h.service.quote({ chainId: CHAIN_ID, token: TOKENS.NVDA, side: 'redeem', quantity: E18 })).rejects.toMatchObject({
      code: 'issuer.unknown_token',
      message: expect.stringMatching(/does not mint or redeem this token.*Nothing was signed/),
    });
    expect(h.sent).toEqual([]);
  });

  it('a reverted issuer transaction is failed, not settled', async () => {
    const h = createHarness();
    withFunds(h);
    h.chain.allowances.set(`${TOKENS.NVDA.toLowerCase()}:${MANAGER.toLowerCase()}`, E18);
    h.http.routes['POST /v1/attestations'] = quoteRoute((b) => attestationQuote(b.side, askedQuantity(b)))();
    const quote = await h.service.quote({ chainId: CHAIN_ID, token: TOKENS.NVDA, side: 'redeem', quantity: E18 });
    h.setReceipt(() => receipt(false));
    await h.service.submit(quote.id);
    expect(await h.service.status(quote.id)).toMatchObject({ status: 'failed' });
  });

  it.each([
    ['another attestation', { attestationId: 999n }],
    ["another user's KYC id", { userId: pad('0x02', { size: 32 }) }],
    ['another asset', { asset: TOKENS.AMZN }],
    ['another chain', { chainId: 1n }],
    ['another contract', { manager: ELSEWHERE }],
  ])('a mined transaction whose TradeExecuted is for %s is not taken as settled', async (_name, o) => {
    const h = createHarness();
    withFunds(h);
    h.chain.allowances.set(`${TOKENS.NVDA.toLowerCase()}:${MANAGER.toLowerCase()}`, E18);
    h.http.routes['POST /v1/attestations'] = quoteRoute((b) => attestationQuote(b.side, askedQuantity(b)))();
    const quote = await h.service.quote({ chainId: CHAIN_ID, token: TOKENS.NVDA, side: 'redeem', quantity: E18 });
    h.setReceipt(() => receipt(true, redeemLogs(E18, 1n, o)));
    await h.service.submit(quote.id);
    expect((await h.service.status(quote.id)).status).toBe('failed');
  });

  it('a BUY TradeExecuted does not settle a redemption', async () => {
    const h = createHarness();
    withFunds(h);
    h.chain.allowances.set(`${TOKENS.NVDA.toLowerCase()}:${MANAGER.toLowerCase()}`, E18);
    h.http.routes['POST /v1/attestations'] = quoteRoute((b) => attestationQuote(b.side, askedQuantity(b)))();
    const quote = await h.service.quote({ chainId: CHAIN_ID, token: TOKENS.NVDA, side: 'redeem', quantity: E18 });
    h.setReceipt(() => receipt(true, [tradeLog(0, E18)]));
    await h.service.submit(quote.id);
    expect((await h.service.status(quote.id)).status).toBe('failed');
  });
});

describe('order-processor issuer', () => {
  it('without a fee-quote signer on record the wallet refuses before asking Dinari anything', async () => {
    const h = createHarness({ noFeeQuoteSigner: true });
    await dinariRoutes(h.http);
    await expect(h.service.quote({ chainId: CHAIN_ID, token: TOKENS.AAPL, side: 'mint', quantity: E18 })).rejects.toMatchObject({
      code: 'issuer.unsupported',
      message: expect.stringMatching(/fee-quote signer.*Nothing was sent/),
    });
    expect(h.http.calls).toEqual([]);
  });

  it('without saved API keys the user is sent to Settings and nothing is asked', async () => {
    const h = createHarness({ credentials: null });
    await dinariRoutes(h.http);
    await expect(h.service.quote({ chainId: CHAIN_ID, token: TOKENS.AAPL, side: 'mint', quantity: E18 })).rejects.toMatchObject({
      code: 'issuer.no_account',
      message: expect.stringMatching(/Settings/),
    });
    expect(h.http.calls).toEqual([]);
  });

  it('a fee quote signed by someone else is refused and nothing is signed', async () => {
    const h = createHarness();
    await dinariRoutes(h.http);
    const route = `POST /api/v2/accounts/${'acct-1'}/orders/stocks/eip155/fee_quote`;
    const honest = h.http.routes[route];
    h.http.routes[route] = (b) => {
      const [status, json] = honest(b) as [number, { order_fee_contract_object: { fee_quote: { fee: string } } }];
      json.order_fee_contract_object.fee_quote.fee = '1';
      return [status, json];
    };
    await expect(h.service.quote({ chainId: CHAIN_ID, token: TOKENS.AAPL, side: 'mint', quantity: E18 })).rejects.toMatchObject({
      code: 'issuer.bad_answer',
      message: expect.stringMatching(/registered signer/),
    });
    expect(h.plans).toEqual([]);
  });

  it('a buy approves USDC, creates the order, waits while it is open and settles from OrderFill', async () => {
    const h = createHarness();
    withFunds(h);
    await dinariRoutes(h.http);
    const quote = await h.service.quote({ chainId: CHAIN_ID, token: TOKENS.AAPL, side: 'mint', quantity: E18 });
    h.setReceipt((tx) => (isAddressEqual(tx.to, PROCESSOR) ? receipt(true, [orderCreatedLog()]) : receipt(true)));
    await h.service.submit(quote.id);
    expect(h.sent.map((s) => s.tx.to)).toEqual([USDC, PROCESSOR]);
    expect(decodeFunctionData({ abi: orderProcessorAbi, data: h.sent[1].tx.data }).functionName).toBe('createOrder');

    expect(await h.service.status(quote.id)).toMatchObject({ status: 'submitted', note: expect.stringMatching(/waiting for the issuer to fill/) });
    // Activity: the buy order is not done when mined; its tokens are pending until the fill, then the amount received.
    const order = h.sent[1].hash;
    expect(h.payouts.at(-1)).toEqual({
      hash: order,
      payout: { state: 'pending', symbol: 'AAPL.d', decimals: 18, when: expect.stringMatching(/fills the order/) },
    });
    h.chain.orderStatus = 2;
    const value = BigInt(quote.quote.value);
    const fee = BigInt(quote.quote.fee);
    h.chain.fillLogs = [orderFillLog(E18, value, fee, false)];
    expect(await h.service.status(quote.id)).toMatchObject({
      status: 'settled',
      settlement: { tokenAmount: `${E18}`, paymentAmount: `${value + fee}`, fee: `${fee}` },
    });
    expect(h.payouts.at(-1)).toEqual({ hash: order, payout: { state: 'received', symbol: 'AAPL.d', decimals: 18, amount: `${E18}` } });
  });

  it('a sell first approves the processor to burn exactly the shares sold (burnFrom), then is paid the fill less its fee', async () => {
    const h = createHarness();
    withFunds(h);
    await dinariRoutes(h.http);
    const quote = await h.service.quote({ chainId: CHAIN_ID, token: TOKENS.AAPL, side: 'redeem', quantity: E18 });
    h.setReceipt((tx) => (isAddressEqual(tx.to, PROCESSOR) ? receipt(true, [orderCreatedLog(ORDER_ID, true)]) : receipt(true)));
    await h.service.submit(quote.id);
    expect(h.sent.map((s) => s.tx.to)).toEqual([TOKENS.AAPL, PROCESSOR]);
    const approve = decodeFunctionData({ abi: erc20Abi, data: h.sent[0].tx.data });
    expect([approve.functionName, approve.args]).toEqual(['approve', [PROCESSOR, E18]]);
    h.chain.orderStatus = 2;
    h.chain.fillLogs = [orderFillLog(E18, 120_000_000n, 1_600_000n, true)];
    expect(await h.service.status(quote.id)).toMatchObject({ status: 'settled', settlement: { paymentAmount: '118400000' } });
  });

  it('a sell skips the approval when the share allowance already covers it', async () => {
    const h = createHarness();
    withFunds(h);
    h.chain.allowances.set(`${TOKENS.AAPL.toLowerCase()}:${PROCESSOR.toLowerCase()}`, 2n * E18);
    await dinariRoutes(h.http);
    const quote = await h.service.quote({ chainId: CHAIN_ID, token: TOKENS.AAPL, side: 'redeem', quantity: E18 });
    h.setReceipt(() => receipt(true, [orderCreatedLog(ORDER_ID, true)]));
    await h.service.submit(quote.id);
    expect(h.sent.map((s) => s.tx.to)).toEqual([PROCESSOR]);
  });

  it('a cancelled order is failed with the escrow returned', async () => {
    const h = createHarness();
    withFunds(h);
    await dinariRoutes(h.http);
    const quote = await h.service.quote({ chainId: CHAIN_ID, token: TOKENS.AAPL, side: 'mint', quantity: E18 });
    h.setReceipt(() => receipt(true, [orderCreatedLog()]));
    await h.service.submit(quote.id);
    h.chain.orderStatus = 3;
    expect(await h.service.status(quote.id)).toMatchObject({ status: 'failed', error: { message: expect.stringMatching(/cancelled/) } });
  });
});
