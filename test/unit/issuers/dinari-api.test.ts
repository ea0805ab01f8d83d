import { type Address, getAddress } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { describe, expect, it } from 'vitest';
import { checkFeeQuote, createDinariApi, feeQuoteBody, feeQuoteTypes, fromDinariError } from '../../../lib/issuers/dinari-api';

const operator = privateKeyToAccount('0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d');
const stranger = privateKeyToAccount('0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a');
const USER = getAddress('0x70997970c51812dc3a010c7d01b50e0d17dc79c8');
const CONTRACT = getAddress('0x5fbdb2315678afecb367f032d93f642f64180aa3');
const USDC = getAddress('0xe7f1725e7734ce288f8367e1bb143e90bb3f0512');
const NOW = 1_800_000_000n;
const want = { issuerName: 'Dinari', chainId: 31337, contract: CONTRACT, signers: [operator.address], user: USER, paymentToken: USDC, now: NOW };

async function answer(opts: { signer?: typeof operator; contract?: Address; requester?: Address; fee?: bigint; deadline?: bigint } = {}) {
  const feeQuote = { orderId: 7n, requester: opts.requester ?? USER, fee: 1_250_000n, timestamp: NOW - 5n, deadline: opts.deadline ?? NOW + 120n };
  const signature = await (opts.signer ?? operator).signTypedData({
    domain: { name: 'OrderProcessor', version: '1', chainId: 31337, verifyingContract: opts.contract ?? CONTRACT },
    types: feeQuoteTypes,
    primaryType: 'FeeQuote',
    message: feeQuote,
  });
  return {
    chain_id: 'eip155:31337',
    fee: 1.25,
    order_fee_contract_object: {
      chain_id: 31337,
      fee_quote: {
        orderId: '7',
        requester: feeQuote.requester,
        fee: String(opts.fee ?? feeQuote.fee),
        timestamp: Number(feeQuote.timestamp),
        deadline: Number(feeQuote.deadline),
      },
      fee_quote_signature: signature,
      fees: [{ fee_in_eth: 1.25, fee_in_wei: '1250000', type: 'ORDER' }],
      payment_token: USDC,
    },
  };
}

describe('Dinari fee quote', () => {
  it('builds the market-order body in decimal units: a buy names the payment, a sell the shares', () => {
    const common = { chainId: 8453, stockId: 'stock-1', paymentToken: USDC, paymentDecimals: 6, tokenDecimals: 18 };
    expect(feeQuoteBody({ ...common, side: 'mint', paymentAmount: 100_500_000n })).toEqual({
      chain_id: 'eip155:8453',
      order_side: 'BUY',
      order_tif: 'DAY',
      order_type: 'MARKET',
      stock_id: 'stock-1',
      payment_token: USDC,
      payment_token_quantity: 100.5,
    });
    const sell = feeQuoteBody({ ...common, side: 'redeem', tokenAmount: 2_500_000_000_000_000_000n });
    expect(sell.order_side).toBe('SELL');
    expect(sell.asset_token_quantity).toBe(2.5);
    expect(sell.payment_token_quantity).toBeUndefined();
  });

  it('accepts a quote signed by the registry signer for the registry contract', async () => {
    const { feeQuote } = await checkFeeQuote(await answer(), want);
    expect(feeQuote).toEqual({ orderId: 7n, requester: USER, fee: 1_250_000n, timestamp: NOW - 5n, deadline: NOW + 120n });
  });

  it.each([
    ['another signer', { signer: stranger }, /registered signer/],
    ['another contract', { contract: USDC }, /registered signer/],
    ['another requester', { requester: stranger.address }, /another account/],
    ['an altered fee', { fee: 1n }, /registered signer/],
    ['an expired deadline', { deadline: NOW }, /expired/],
  ] as const)('refuses a quote with %s', async (_, opts, message) => {
    await expect(checkFeeQuote(await answer(opts), want)).rejects.toMatchObject({
      code: 'issuer.bad_answer',
      message: expect.stringMatching(message),
    });
  });

  it('refuses a malformed answer, naming the field', async () => {
    const bad = await answer();
    (bad.order_fee_contract_object.fee_quote as { fee: unknown }).fee = -1;
    await expect(checkFeeQuote(bad, want)).rejects.toMatchObject({ code: 'issuer.bad_answer', message: expect.stringContaining('fee') });
  });

  it('refuses a quote for another chain', async () => {
    const bad = await answer();
    bad.chain_id = 'eip155:1';
    await expect(checkFeeQuote(bad, want)).rejects.toMatchObject({ message: expect.stringContaining('another chain') });
  });
});

describe('Dinari errors', () => {
  it.each([
    [401, 'issuer.no_account', /API keys/],
    [403, 'issuer.no_account', /Settings/],
    [404, 'issuer.unknown_token', /account or stock/],
    [422, 'issuer.bad_request', /amount/],
    [429, 'issuer.unavailable', /wait a minute/],
    [503, 'issuer.unavailable', /HTTP 503/],
  ])('HTTP %i becomes %s with a sentence the user can act on', (status, code, message) => {
    const error = fromDinariError('Dinari', status, { detail: 'said by Dinari' });
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
    expect(error.message).toContain('said by Dinari');
  });
});

describe('Dinari HTTP client', () => {
  const creds = { apiKeyId: 'kid', apiSecretKey: 'secret', accountId: 'acc/1' };
  it('posts to the fee-quote path of the account with both key headers', async () => {
    const seen: { url: string; headers?: Record<string, string> }[] = [];
    const api = createDinariApi(
      async (url, init) => {
        seen.push({ url, headers: init?.headers });
        return { status: 200, json: async () => ({ ok: 1 }) };
      },
      { name: 'Dinari', origin: 'https://api-enterprise.sbt.dinari.com' },
      () => true,
      creds,
    );
    expect(
      await api.feeQuote(
        feeQuoteBody({ chainId: 1, side: 'mint', stockId: 's', paymentToken: USDC, paymentDecimals: 6, tokenDecimals: 18, paymentAmount: 1n }),
      ),
    ).toEqual({ ok: 1 });
    expect(seen[0].url).toBe('https://api-enterprise.sbt.dinari.com/api/v2/accounts/acc%2F1/orders/stocks/eip155/fee_quote');
    expect(seen[0].headers).toMatchObject({ 'X-API-Key-Id': 'kid', 'X-API-Secret-Key': 'secret' });
  });

  it('sends nothing without credentials or to an origin off the allowlist', async () => {
    let calls = 0;
    const fetch = async () => {
      calls++;
      return { status: 200, json: async () => ({}) };
    };
    const body = feeQuoteBody({
      chainId: 1,
      side: 'mint',
      stockId: 's',
      paymentToken: USDC,
      paymentDecimals: 6,
      tokenDecimals: 18,
      paymentAmount: 1n,
    });
    await expect(
      createDinariApi(fetch, { name: 'Dinari', origin: 'https://x.example' }, () => true, { apiKeyId: 'k' }).feeQuote(body),
    ).rejects.toMatchObject({
      code: 'issuer.no_account',
    });
    await expect(createDinariApi(fetch, { name: 'Dinari', origin: 'https://x.example' }, () => false, creds).feeQuote(body)).rejects.toMatchObject({
      code: 'issuer.not_allowlisted',
    });
    expect(calls).toBe(0);
  });

  it('maps a refusal to the issuer error', async () => {
    const api = createDinariApi(
      async () => ({ status: 401, json: async () => ({ detail: 'bad key' }) }),
      { name: 'Dinari', origin: 'https://x.example' },
      () => true,
      creds,
    );
    await expect(api.feeQuote({} as never)).rejects.toMatchObject({ code: 'issuer.no_account', message: expect.stringContaining('bad key') });
  });
});
