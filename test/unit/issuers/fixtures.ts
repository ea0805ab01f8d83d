// A small devnet-shaped world for the issuer unit tests: a registry with both issuer kinds, quotes
// the way the devnet service answers them, a scripted node and a recording fetch.
import {
  type Address,
  decodeFunctionData,
  encodeAbiParameters,
  encodeEventTopics,
  encodeFunctionResult,
  getAbiItem,
  type Hex,
  hashTypedData,
  hexToBytes,
  pad,
  parseUnits,
  serializeSignature,
  toHex,
  zeroAddress,
} from 'viem';
import { secp256k1 } from '@noble/curves/secp256k1';
import { ATTESTATION_SIGNER_ROLE, type OndoQuote, QUOTE_TYPES } from '../../../lib/issuers/ondo-gm-api';
import { erc20Abi, orderProcessorAbi, attestationManagerAbi } from '../../../lib/issuers/abis';
import { privateKeyToAccount } from 'viem/accounts';
import type { AllowlistedFetch } from '../../../lib/ports';
import { feeQuoteTypes } from '../../../lib/issuers/dinari-api';
import { aggregatorAbi, MULTICALL3_ADDRESS, multicall3Abi } from '../../../lib/portfolio/abis';
import { createRegistry, registryFromDevnet } from '../../../lib/registry';

export const CHAIN_ID = 31337;
export const USER: Address = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
export const ORIGIN = 'http://127.0.0.1:8787';
export const USDC: Address = '0x5FbDB2315678afecb367f032d93F642f64180aa3';
export const PROCESSOR: Address = '0x8F3024D12c3D702930F2fF98Aa8e2261F0be490a';
export const MANAGER: Address = '0x67f65B834aaAc92C15c2EBa9FF7E81f2d33a1cFD';
export const ELSEWHERE: Address = '0x000000000000000000000000000000000000dEaD';
export const TOKENS = {
  AAPL: '0xeD1DB453C3156Ff3155a97AD217b3087D5Dc5f6E',
  NVDA: '0x05B4CB126885fb10464fdD12666FEb25E2563B76',
  AMZN: '0xcF775F73E734f13251E85f72c97c9B92d093e24B',
  LOST: '0x1111111111111111111111111111111111111111',
  SPY: '0x4444444444444444444444444444444444444444',
  BSPY: '0x6666666666666666666666666666666666666666',
} as const satisfies Record<string, Address>;
/** NVDAon's price feed (8 decimals, USD per share) and its multiplier oracle (18 decimals, shares per token). */
export const NVDA_FEED: Address = '0x2222222222222222222222222222222222222222';
export const NVDA_ORACLE: Address = '0x3333333333333333333333333333333333333333';
/** The Backed-style issuer's registered deposit and payout addresses. */
export const DEPOSIT: Address = '0x5555555555555555555555555555555555555555';
export const PAYOUT: Address = '0x7777777777777777777777777777777777777777';
export const SIGNATURE = `0x${'ab'.repeat(65)}` as Hex;
/** The Dinari-style issuer's fee-quote signer and the API keys the user saved for it. */
export const FEE_SIGNER = privateKeyToAccount('0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6');
export const DINARI_KEYS = { apiKeyId: 'kid', apiSecretKey: 'secret', accountId: 'acct-1' };
export const STOCK_ID = 'stock-aapl';
export const E18 = 10n ** 18n;
export const NOW = 1_800_000_000n;

const token = (symbol: string, address: string, issuer: string, extra: object = {}) => ({
  symbol,
  name: `${symbol} (test)`,
  address,
  decimals: 18,
  structure: 'oracle-multiplier' as const,
  issuer,
  underlying: { ticker: symbol.slice(0, 4), name: `${symbol} Inc.`, exchange: 'NASDAQ' },
  ...extra,
});

/** The devnet issuers; `lost` has a token but no origin, so nothing is allowlisted for it. */
export function testRegistry(options: { noFeeQuoteSigner?: boolean; noAttestationSigner?: boolean } = {}) {
  return createRegistry(
    registryFromDevnet({
      chainId: CHAIN_ID,
      tokens: [
        // Priced by the wallet from a feed (Dinari quotes no price for a market order): NVDAon's, for brevity.
        token('AAPL.d', TOKENS.AAPL, 'orders', { priceFeed: NVDA_FEED, multiplierOracle: NVDA_ORACLE }),
        token('NVDAon', TOKENS.NVDA, 'attest', { priceFeed: NVDA_FEED, multiplierOracle: NVDA_ORACLE }),
        token('AMZNr', TOKENS.AMZN, 'attest', { restrictions: { excluded: ['US'] } }),
        token('LOSTx', TOKENS.LOST, 'lost'),
        token('SPYx', TOKENS.SPY, 'backed', { structure: 'multiplier' }),
        token('bSPY', TOKENS.BSPY, 'backed-unknown', { structure: 'multiplier' }),
      ],
      issuers: [
        {
          id: 'orders',
          name: 'Devnet Orders',
          origin: ORIGIN,
          kind: 'order-processor',
          contracts: [PROCESSOR],
          ...(options.noFeeQuoteSigner ? {} : { feeQuoteSigner: FEE_SIGNER.address }),
          paymentTokens: [USDC],
        },
        {
          id: 'attest',
          name: 'Devnet Attest',
          origin: ORIGIN,
          kind: 'attestation',
          contracts: [MANAGER],
          ...(options.noAttestationSigner ? {} : { attestationSigner: ATTEST_SIGNER.address }),
          paymentTokens: [USDC],
        },
        { id: 'lost', name: 'Nowhere Issuer', origin: null, kind: 'attestation', contracts: [ELSEWHERE] },
        { id: 'backed', name: 'Devnet Backed', origin: ORIGIN, kind: 'deposit', contracts: [], depositAddress: DEPOSIT, payoutAddress: PAYOUT },
        // A deposit issuer whose deposit address is not sourced.
        { id: 'backed-unknown', name: 'Backed Elsewhere', origin: ORIGIN, kind: 'deposit', contracts: [] },
      ],
    }),
  );
}

const price = 120n * E18;

/** The Ondo-style issuer's attestation signer, and the API key the user saved for it. */
export const ATTEST_SIGNER_KEY = '0x47e179ec197488593b187f80a00eb0da91f1b9d0b13f8733639f19c30a34926a' as const;
export const ATTEST_SIGNER = privateKeyToAccount(ATTEST_SIGNER_KEY);
export const ONDO_KEYS = { apiKey: 'ondo-test-key' };

/** Signs an attestation Quote at once (the fake fetch answers synchronously). */
export function signAttestation(quote: OndoQuote, signerKey: Hex = ATTEST_SIGNER_KEY, manager: Address = MANAGER): Hex {
  const hash = hashTypedData({
    domain: { name: 'OndoGMTokenManager', version: '1', chainId: CHAIN_ID, verifyingContract: manager },
    types: QUOTE_TYPES,
    primaryType: 'Quote',
    message: quote,
  });
  const sig = secp256k1.sign(hash.slice(2), signerKey.slice(2));
  return serializeSignature({ r: toHex(sig.r, { size: 32 }), s: toHex(sig.s, { size: 32 }), yParity: sig.recovery });
}

/** An attestation as Ondo GM's API answers it (the devnet's Ondo-style issuer's too), signed by ATTEST_SIGNER. */
export function attestationQuote(
  side: 'buy' | 'sell',
  quantity: bigint,
  token: Address = TOKENS.NVDA,
  o: { signerKey?: Hex; price?: bigint; symbol?: string } = {},
) {
  const quote: OndoQuote = {
    chainId: BigInt(CHAIN_ID),
    attestationId: 12345n,
    userId: pad('0x01', { size: 32 }),
    asset: token,
    price: o.price ?? price,
    quantity,
    expiration: NOW + 120n,
    side: side === 'buy' ? 0 : 1,
    additionalData: pad('0x', { size: 32 }),
  };
  const signature = signAttestation(quote, o.signerKey);
  return {
    attestationId: `${quote.attestationId}`,
    userId: quote.userId,
    chainId: `${CHAIN_ID}`,
    symbol: o.symbol ?? 'NVDAon',
    assetAddress: token,
    side: `${quote.side}`,
    tokenAmount: `${quantity}`,
    price: `${quote.price}`,
    expiration: Number(quote.expiration),
    signature: btoa(String.fromCharCode(...hexToBytes(signature))),
    additionalData: '',
  };
}

/** The quantity (18 decimals) an Ondo attestation request asks for. */
export const askedQuantity = (body: unknown) => parseUnits((body as { tokenAmount: string }).tokenAmount, 18);

export const ORDER_ID = 777n;

/** A quote as the devnet's order-processor issuer answers it. */
export interface FakeFetch {
  fetch: AllowlistedFetch;
  calls: { url: string; method: string; body?: unknown }[];
  /** The headers of each call, in the same order. */
  headers: Record<string, string>[];
  /** Answer for a path: [status, json]. */
  routes: Record<string, (body: unknown) => [number, unknown]>;
}

export function createFakeFetch(): FakeFetch {
  const calls: FakeFetch['calls'] = [];
  const headers: FakeFetch['headers'] = [];
  const routes: FakeFetch['routes'] = {
    [`GET /v1/kyc/${USER}`]: () => [200, { address: USER, verified: true, userId: pad('0x01', { size: 32 }), issuers: ['orders', 'attest'] }],
    'POST /v1/attestations': (body) => {
      const b = body as { side: 'buy' | 'sell'; symbol: string };
      const token = b.symbol === 'AMZNr' ? TOKENS.AMZN : TOKENS.NVDA;
      return [200, attestationQuote(b.side, askedQuantity(body), token, { symbol: b.symbol })];
    },
  };
  return {
    calls,
    headers,
    routes,
    fetch: async (url, init = {}) => {
      const method = init.method ?? 'GET';
      const body = init.body === undefined ? undefined : JSON.parse(init.body);
      calls.push({ url, method, body });
      headers.push({ ...(init.headers as Record<string, string> | undefined) });
      const route = routes[`${method} ${new URL(url).pathname}`];
      const [status, json] = route ? route(body) : [404, { error: { code: 'not_found', message: 'no route' } }];
      return { status, json: async () => json };
    },
  };
}

export interface FakeChain {
  rpc: (method: string, params?: unknown[]) => Promise<unknown>;
  calls: { method: string; params: unknown[] }[];
  balances: Map<string, bigint>;
  allowances: Map<string, bigint>;
  receipts: Map<Hex, unknown>;
  /** Sent transactions the node no longer knows (replaced by a speed-up or cancel, or dropped). */
  gone: Set<Hex>;
  orderStatus: number;
  fillLogs: unknown[];
  time: bigint;
  /** Tokens the attestation manager's gmTokenAccepted says no to (lowercase). */
  refusedTokens: Set<string>;
  /** NVDAon's feed answer (8 decimals; $120 by default, the quotes' price) and oracle sValue (18 decimals). */
  feedAnswer: bigint;
  sValue: bigint;
}

const key = (a: string, b: string) => `${a.toLowerCase()}:${b.toLowerCase()}`;
export const setBalance = (chain: FakeChain, token: Address, account: Address, amount: bigint) => chain.balances.set(key(token, account), amount);

/** A node that answers the calls the issuer service makes, from maps a test fills. */
export function createFakeChain(): FakeChain {
  const chain: FakeChain = {
    calls: [],
    balances: new Map(),
    allowances: new Map(),
    receipts: new Map(),
    gone: new Set(),
    orderStatus: 1,
    fillLogs: [],
    time: NOW,
    refusedTokens: new Set(),
    feedAnswer: 120n * 10n ** 8n,
    sValue: E18,
    async rpc(method, params = []) {
      chain.calls.push({ method, params });
      if (method === 'eth_getBlockByNumber') return { timestamp: toHex(chain.time) };
      if (method === 'eth_getTransactionReceipt') return chain.receipts.get(params[0] as Hex) ?? null;
      if (method === 'eth_getLogs') return chain.fillLogs;
      if (method === 'eth_getTransactionByHash') return chain.gone.has(params[0] as Hex) ? null : { hash: params[0] };
      if (method !== 'eth_call') throw new Error(`unexpected ${method}`);
      const { to, data } = params[0] as { to: Address; data: Hex };
      // Multicall3: each inner call answered as its own eth_call would be; one that throws fails alone.
      if (to.toLowerCase() === MULTICALL3_ADDRESS.toLowerCase()) {
        const call = decodeFunctionData({ abi: multicall3Abi, data });
        if (call.functionName === 'getBlockNumber') return encodeFunctionResult({ abi: multicall3Abi, functionName: 'getBlockNumber', result: 1n });
        if (call.functionName !== 'aggregate3') throw new Error(`unexpected call ${call.functionName}`);
        const results = await Promise.all(
          call.args[0].map(({ target, callData }) =>
            chain.rpc('eth_call', [{ to: target, data: callData }, 'latest']).then(
              (returnData) => ({ success: true, returnData: returnData as Hex }),
              () => ({ success: false, returnData: '0x' as Hex }),
            ),
          ),
        );
        return encodeFunctionResult({ abi: multicall3Abi, functionName: 'aggregate3', result: results });
      }
      const feed = [NVDA_FEED, NVDA_ORACLE].find((f) => f.toLowerCase() === to.toLowerCase());
      if (feed) {
        const call = decodeFunctionData({ abi: aggregatorAbi, data });
        const answer = feed === NVDA_FEED ? chain.feedAnswer : chain.sValue;
        return call.functionName === 'decimals'
          ? encodeFunctionResult({ abi: aggregatorAbi, functionName: 'decimals', result: feed === NVDA_FEED ? 8 : 18 })
          : encodeFunctionResult({ abi: aggregatorAbi, functionName: 'latestRoundData', result: [1n, answer, NOW, NOW, 1n] });
      }
      try {
        const call = decodeFunctionData({ abi: erc20Abi, data });
        const answer = (value: unknown) => encodeFunctionResult({ abi: erc20Abi, functionName: call.functionName, result: value } as never);
        if (call.functionName === 'balanceOf') return answer(chain.balances.get(key(to, call.args[0] as string)) ?? 0n);
        if (call.functionName === 'allowance') return answer(chain.allowances.get(key(to, call.args[1] as string)) ?? 0n);
        if (call.functionName === 'symbol') return answer(to.toLowerCase() === USDC.toLowerCase() ? 'USDC' : 'TKN');
        if (call.functionName === 'decimals') return answer(to.toLowerCase() === USDC.toLowerCase() ? 6 : 18);
      } catch {
        // not an ERC-20 call
      }
      if (to.toLowerCase() === MANAGER.toLowerCase()) {
        const call = decodeFunctionData({ abi: attestationManagerAbi, data });
        if (call.functionName === 'hasRole')
          return encodeFunctionResult({
            abi: attestationManagerAbi,
            functionName: 'hasRole',
            // The manager's ATTESTATION_SIGNER_ROLE is held by ATTEST_SIGNER alone.
            result: call.args[0] === ATTESTATION_SIGNER_ROLE && call.args[1].toLowerCase() === ATTEST_SIGNER.address.toLowerCase(),
          });
        if (call.functionName === 'gmTokenAccepted')
          return encodeFunctionResult({
            abi: attestationManagerAbi,
            functionName: 'gmTokenAccepted',
            result: !chain.refusedTokens.has(call.args[0].toLowerCase()),
          });
        throw new Error(`unexpected call ${call.functionName}`);
      }
      const call = decodeFunctionData({ abi: orderProcessorAbi, data });
      if (call.functionName === 'getOrderStatus')
        return encodeFunctionResult({ abi: orderProcessorAbi, functionName: 'getOrderStatus', result: chain.orderStatus });
      throw new Error(`unexpected call ${call.functionName}`);
    },
  };
  return chain;
}

export function receipt(success: boolean, logs: unknown[] = [], blockNumber = 100n) {
  return { status: success ? '0x1' : '0x0', blockNumber: toHex(blockNumber), logs };
}

type TradeOverrides = { attestationId?: bigint; userId?: Hex; asset?: Address; chainId?: bigint; manager?: Address };

/** The manager's TradeExecuted, encoded with viem from the real event ABI (side BUY=0, SELL=1). */
export function tradeLog(side: 0 | 1, quantity: bigint, o: TradeOverrides = {}) {
  const event = getAbiItem({ abi: attestationManagerAbi, name: 'TradeExecuted' });
  const topics = encodeEventTopics({ abi: attestationManagerAbi, eventName: 'TradeExecuted' });
  const data = encodeAbiParameters(event.inputs, [
    1n,
    o.attestationId ?? 12345n,
    o.chainId ?? BigInt(CHAIN_ID),
    o.userId ?? pad('0x01', { size: 32 }),
    side,
    o.asset ?? TOKENS.NVDA,
    price,
    quantity,
    NOW + 120n,
    pad('0x01', { size: 32 }),
  ]);
  return { address: o.manager ?? MANAGER, topics, data, blockNumber: '0x64' };
}

/** An ERC-20 Transfer, encoded from the event ABI. */
export function transferLog(token: Address, from: Address, to: Address, value: bigint) {
  const topics = encodeEventTopics({ abi: erc20Abi, eventName: 'Transfer', args: { from, to } });
  return { address: token, topics, data: encodeAbiParameters([{ type: 'uint256' }], [value]), blockNumber: '0x64' };
}

/** A mint's receipt logs: the user's USDC goes to the manager, then TradeExecuted (BUY). */
export function mintLogs(quantity: bigint, paid: bigint, o: TradeOverrides = {}) {
  return [transferLog(USDC, USER, MANAGER, paid), transferLog(o.asset ?? TOKENS.NVDA, zeroAddress, USER, quantity), tradeLog(0, quantity, o)];
}

/** A redemption's receipt logs: the manager pulls and burns the tokens, pays USDC, then TradeExecuted (SELL). */
export function redeemLogs(quantity: bigint, received: bigint, o: TradeOverrides = {}) {
  const asset = o.asset ?? TOKENS.NVDA;
  return [
    transferLog(asset, USER, MANAGER, quantity),
    transferLog(asset, MANAGER, zeroAddress, quantity),
    transferLog(USDC, MANAGER, USER, received),
    tradeLog(1, quantity, o),
  ];
}

export function orderCreatedLog(id: bigint = ORDER_ID, sell = false) {
  const topics = encodeEventTopics({ abi: orderProcessorAbi, eventName: 'OrderCreated', args: { id, requester: USER } });
  const data = encodeAbiParameters(
    [
      {
        type: 'tuple',
        components: [
          { type: 'uint64' },
          { type: 'address' },
          { type: 'address' },
          { type: 'address' },
          { type: 'bool' },
          { type: 'uint8' },
          { type: 'uint256' },
          { type: 'uint256' },
          { type: 'uint256' },
          { type: 'uint8' },
        ],
      },
      { type: 'uint256' },
    ],
    [[NOW, USER, TOKENS.AAPL, USDC, sell, 0, 0n, 0n, 0n, 0], 0n],
  );
  return { address: PROCESSOR, topics, data, blockNumber: '0x64' };
}

export function orderFillLog(assetAmount: bigint, paymentAmount: bigint, feesTaken: bigint, sell: boolean, id: bigint = ORDER_ID) {
  const topics = encodeEventTopics({ abi: orderProcessorAbi, eventName: 'OrderFill', args: { id, paymentToken: USDC, assetToken: TOKENS.AAPL } });
  const data = encodeAbiParameters(
    [{ type: 'address' }, { type: 'uint256' }, { type: 'uint256' }, { type: 'uint256' }, { type: 'bool' }],
    [USER, assetAmount, paymentAmount, feesTaken, sell],
  );
  return { address: PROCESSOR, topics, data, blockNumber: '0x65' };
}

/** A quote as the devnet's deposit (Backed-style) issuer answers a redemption. */
export function depositQuote(quantity: bigint, o: { depositAddress?: Address; payoutAddress?: Address } = {}) {
  const value = (quantity * price) / 10n ** 30n;
  const fee = (value * 50n + 9_999n) / 10_000n;
  const depositAddress = o.depositAddress ?? DEPOSIT;
  return {
    issuer: 'backed',
    kind: 'deposit',
    token: TOKENS.SPY,
    symbol: 'SPYx',
    side: 'sell',
    quantity: `${quantity}`,
    price: `${price}`,
    value: `${value}`,
    fee: `${fee}`,
    total: `${value - fee}`,
    paymentToken: USDC,
    expiry: `${NOW + 120n}`,
    marketStatus: 'open',
    contract: depositAddress,
    method: 'transfer',
    depositAddress,
    payoutAddress: o.payoutAddress ?? PAYOUT,
    settlementDays: 3,
  };
}

/** Dinari API v2 routes over the fake fetch: the stock list and a fee quote signed by FEE_SIGNER. */
export function dinariRoutes(http: FakeFetch, fee = 1_500_000n) {
  http.routes['GET /api/v2/market_data/stocks/'] = () => [
    200,
    [{ id: STOCK_ID, symbol: 'AAPL', name: 'Apple', is_fractionable: true, is_tradable: true, tokens: [`eip155:${CHAIN_ID}:${TOKENS.AAPL}`] }],
  ];
  const feeQuote = { orderId: ORDER_ID, requester: USER, fee, timestamp: NOW, deadline: NOW + 120n };
  const signed = FEE_SIGNER.signTypedData({
    domain: { name: 'OrderProcessor', version: '1', chainId: CHAIN_ID, verifyingContract: PROCESSOR },
    types: feeQuoteTypes,
    primaryType: 'FeeQuote',
    message: feeQuote,
  });
  let signature: Hex | undefined;
  void signed.then((s) => {
    signature = s;
  });
  http.routes[`POST /api/v2/accounts/${DINARI_KEYS.accountId}/orders/stocks/eip155/fee_quote`] = () => [
    200,
    {
      chain_id: `eip155:${CHAIN_ID}`,
      fee: Number(fee) / 1e6,
      order_fee_contract_object: {
        chain_id: CHAIN_ID,
        fee_quote: { ...feeQuote, orderId: `${ORDER_ID}`, fee: `${fee}`, timestamp: Number(NOW), deadline: Number(NOW + 120n) },
        fee_quote_signature: signature,
        fees: [{ fee_in_eth: Number(fee) / 1e6, fee_in_wei: `${fee}`, type: 'ORDER' }],
        payment_token: USDC,
      },
    },
  ];
  return signed;
}
