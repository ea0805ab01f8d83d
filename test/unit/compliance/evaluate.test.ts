import { type Address, encodeFunctionData, getAddress, parseAbi } from 'viem';
import { describe, expect, it } from 'vitest';
import { evaluate, evaluateIssuerRequest, type Rule, type TokenPolicy } from '../../../lib/compliance';
import { decodeTransaction, decodeTypedData, type SimulationResult } from '../../../lib/intent';

const CHAIN = 31337;
const USER: Address = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
const OTHER: Address = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const ROUTER: Address = '0x7a250d5630B4cF539739dF2C5dAcb4c659F2488D';
const XSTOCK: Address = '0x8aD3c73F833d3F9A523aB01476625F269aEB7Cf0'; // excluded for US persons
const EU_ONLY: Address = '0x1111111111111111111111111111111111111111'; // allowed only in DE and FR
const USDC: Address = '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48'; // no restriction
const UNVERIFIED: Address = '0x2222222222222222222222222222222222222222';
const NOT_LISTED: Address = '0x3333333333333333333333333333333333333333';
const ACQUIRE_ONLY: Address = '0x4444444444444444444444444444444444444444'; // US may not acquire; may sell
const REDEEM_ONLY: Address = '0x5555555555555555555555555555555555555555'; // US may not redeem with the issuer
const NO_RULE: Address = '0x6666666666666666666666666666666666666666'; // a security with no rule on record
const GM_TERMS = 'https://example.test/gm/eligibility';

const XSTOCKS_TERMS = 'https://example.test/xstocks/terms';
const rule = (kind: Rule['kind'], places: string[], source: string): Rule => ({ kind, places, forbids: ['all'], source, read: '2026-12-01' });
const policy = (symbol: string, issuerName: string, r: Rule | null, extra: Partial<TokenPolicy> = {}): TokenPolicy => ({
  symbol,
  issuerName,
  security: true,
  rule: r,
  terms: r?.source ?? null,
  verified: true,
  ...extra,
});
const policies: Record<string, TokenPolicy> = {
  [XSTOCK]: policy('TSLAx', 'Backed Assets (JE) Limited', rule('excluded', ['US'], XSTOCKS_TERMS)),
  [EU_ONLY]: policy('EUSTK', 'EU Issuer', rule('allowed-only', ['DE', 'FR'], 'https://example.test/eu/prospectus')),
  // Listed, but not a security: no rule, nothing restricted.
  [USDC]: policy('USDC', 'Circle', null, { security: false, terms: 'https://example.test/usdc' }),
  // A security whose terms state no restriction.
  [UNVERIFIED]: policy('NEW', 'Someone', rule('excluded', [], 'https://example.test/new'), { verified: false }),
  [ACQUIRE_ONLY]: policy('AAPLx', 'Backed', { ...rule('excluded', ['US'], XSTOCKS_TERMS), forbids: ['acquire'] }),
  [REDEEM_ONLY]: policy('RDMx', 'Redeemer', { ...rule('excluded', ['US'], XSTOCKS_TERMS), forbids: ['redeem'] }),
  [NO_RULE]: policy('MYSTon', 'Mystery Markets', null, { terms: GM_TERMS }),
};
const lookupToken = (chainId: number, address: string) => (chainId === CHAIN ? policies[getAddress(address)] : undefined);

const router = parseAbi([
  'function swapExactTokensForTokens(uint256 amountIn, uint256 amountOutMin, address[] path, address to, uint256 deadline)',
  'function approve(address spender, uint256 amount)',
  'function transfer(address to, uint256 amount)',
]);
const swap = (from: Address, to: Address) =>
  decodeTransaction({
    from: USER,
    to: ROUTER,
    chainId: CHAIN,
    data: encodeFunctionData({ abi: router, functionName: 'swapExactTokensForTokens', args: [1n, 1n, [from, to], USER, 1n] }),
  });
const approveTx = (token: `0x${string}`, amount: bigint) =>
  decodeTransaction({
    from: USER,
    to: token,
    chainId: CHAIN,
    data: encodeFunctionData({ abi: router, functionName: 'approve', args: [ROUTER, amount] }),
  });
const transferTx = (token: `0x${string}`) =>
  decodeTransaction({
    from: USER,
    to: token,
    chainId: CHAIN,
    data: encodeFunctionData({ abi: router, functionName: 'transfer', args: [OTHER, 1n] }),
  });
const judge = (intent: Parameters<typeof evaluate>[0]['intent'], jurisdiction: string | undefined, simulation?: SimulationResult) =>
  evaluate({ intent, jurisdiction, lookupToken, chainId: CHAIN, simulation });

describe('jurisdiction rules', () => {
  it('blocks a US user buying a US-excluded token, naming token, country and source', () => {
    const result = judge(swap(USDC, XSTOCK), 'US');
    expect(result.verdict).toBe('block');
    const reason = result.reasons.find((r) => r.code === 'restricted-token')!;
    expect(reason).toMatchObject({ severity: 'block', source: XSTOCKS_TERMS });
    expect(reason.message).toContain('TSLAx');
    expect(reason.message).toContain('residents of US');
  });

  it.each([
    ['selling it', () => swap(XSTOCK, USDC)],
    ['approving it', () => approveTx(XSTOCK, 5n)],
  ])('also blocks %s', (_name, intent) => {
    expect(judge(intent(), 'us').verdict).toBe('block');
  });

  it('allows a DE user the same trade', () => {
    expect(judge(swap(USDC, XSTOCK), 'DE')).toEqual({ verdict: 'allow', reasons: [] });
  });

  it.each([
    ['DE', 'allow'],
    ['FR', 'allow'],
    ['US', 'block'],
    ['GB', 'block'],
    [undefined, 'block'],
    ['not-a-country', 'block'],
  ])('an allowedOnly [DE, FR] token bought by %s -> %s', (jurisdiction, verdict) => {
    expect(judge(swap(USDC, EU_ONLY), jurisdiction).verdict).toBe(verdict);
  });

  it('only warns when a restricted token is merely transferred, so a holder is never trapped', () => {
    const result = judge(transferTx(XSTOCK), 'US');
    expect(result.verdict).toBe('warn');
    expect(result.reasons.map((r) => r.code)).toEqual(['restricted-token-transfer']);
  });

  it('blocks a restricted token acquired through a router it cannot decode, seen by the simulation', () => {
    const unknown = decodeTransaction({ from: USER, to: ROUTER, chainId: CHAIN, data: '0xdeadbeef' });
    const simulation: SimulationResult = {
      ok: true,
      method: 'eth_simulateV1',
      gasUsed: 1n,
      changes: [
        { token: USDC, delta: -5n },
        { token: XSTOCK, delta: 3n },
      ],
    };
    const result = judge(unknown, 'US', simulation);
    expect(result.verdict).toBe('block');
    expect(result.reasons.map((r) => r.code)).toEqual(['restricted-token', 'unknown-method']);
  });

  it('blocks a signed order or permit for a restricted token', () => {
    const cow = JSON.stringify({
      domain: { name: 'Gnosis Protocol', version: 'v2', chainId: CHAIN, verifyingContract: '0x9008D19f58AAbD9eD0D60971565AA8510560ab41' },
      primaryType: 'Order',
      types: {
        EIP712Domain: [
          { name: 'name', type: 'string' },
          { name: 'version', type: 'string' },
          { name: 'chainId', type: 'uint256' },
          { name: 'verifyingContract', type: 'address' },
        ],
        Order:
          'address sellToken,address buyToken,address receiver,uint256 sellAmount,uint256 buyAmount,uint32 validTo,bytes32 appData,uint256 feeAmount,string kind,bool partiallyFillable,string sellTokenBalance,string buyTokenBalance'
            .split(',')
            .map((s) => ({ type: s.split(' ')[0], name: s.split(' ')[1] })),
      },
      message: {
        sellToken: USDC,
        buyToken: XSTOCK,
        receiver: USER,
        sellAmount: '1',
        buyAmount: '1',
        validTo: 1,
        appData: `0x${'00'.repeat(32)}`,
        feeAmount: '0',
        kind: 'sell',
        partiallyFillable: false,
        sellTokenBalance: 'erc20',
        buyTokenBalance: 'erc20',
      },
    });
    expect(judge(decodeTypedData(cow, { activeChainId: CHAIN, account: USER }), 'US').verdict).toBe('block');
  });

  it('does not apply one chain’s registry entry to another chain', () => {
    expect(evaluate({ intent: swap(USDC, XSTOCK), jurisdiction: 'US', lookupToken, chainId: 1 }).verdict).toBe('allow');
  });
});

describe('what a rule forbids, and failing closed', () => {
  it.each([
    ['buying an acquire-only token', () => swap(USDC, ACQUIRE_ONLY), 'block'],
    ['selling an acquire-only token', () => swap(ACQUIRE_ONLY, USDC), 'allow'],
    ['approving an acquire-only token', () => approveTx(ACQUIRE_ONLY, 5n), 'allow'],
    ['buying a redeem-only token', () => swap(USDC, REDEEM_ONLY), 'allow'],
    ['selling a redeem-only token', () => swap(REDEEM_ONLY, USDC), 'allow'],
  ])('a US resident %s -> %s', (_name, intent, verdict) => {
    expect(judge(intent(), 'US').verdict).toBe(verdict);
  });

  it.each([
    ['mint', ACQUIRE_ONLY, 'block'],
    ['redeem', ACQUIRE_ONLY, 'allow'],
    ['mint', REDEEM_ONLY, 'allow'],
    ['redeem', REDEEM_ONLY, 'block'],
  ] as const)('a US resident asking the issuer to %s %s -> %s', (action, token, verdict) => {
    expect(evaluateIssuerRequest({ request: { action, token, paymentToken: USDC }, jurisdiction: 'US', lookupToken, chainId: CHAIN }).verdict).toBe(
      verdict,
    );
  });

  it('refuses to acquire a security with no rule on record, for any country, linking the issuer terms', () => {
    for (const jurisdiction of ['DE', 'US', undefined]) {
      const result = judge(swap(USDC, NO_RULE), jurisdiction);
      expect(result.verdict).toBe('block');
      const reason = result.reasons.find((r) => r.severity === 'block')!;
      expect(reason).toMatchObject({ code: 'unconfirmed-rule', source: GM_TERMS });
      expect(reason.message).toContain(`Sharekeep cannot confirm that residents of ${jurisdiction ?? 'your country'} may hold this token`);
      expect(reason.message).toContain('MYSTon');
    }
  });

  it('lets a holder sell or send a security with no rule on record', () => {
    expect(judge(swap(NO_RULE, USDC), 'DE').verdict).toBe('allow');
    expect(judge(transferTx(NO_RULE), 'DE').verdict).toBe('allow');
  });

  it('never blocks a plain ERC-20 the registry does not know as a security', () => {
    for (const jurisdiction of ['US', 'DE', undefined]) {
      expect(judge(swap(USDC, NOT_LISTED), jurisdiction)).toEqual({ verdict: 'allow', reasons: [] });
    }
  });
});

describe('warnings', () => {
  it('warns about an unlimited approval of an unrestricted token', () => {
    const result = judge(approveTx(USDC, 2n ** 256n - 1n), 'US');
    expect(result).toMatchObject({ verdict: 'warn', reasons: [{ code: 'unlimited-approval', severity: 'warn' }] });
  });

  it('warns about an unverified token', () => {
    expect(judge(swap(USDC, UNVERIFIED), 'DE').reasons).toMatchObject([{ code: 'unverified-token', severity: 'warn' }]);
  });

  it('warns about typed data it cannot describe', () => {
    const raw = {
      domain: { chainId: CHAIN },
      primaryType: 'X',
      types: { EIP712Domain: [{ name: 'chainId', type: 'uint256' }], X: [{ name: 'a', type: 'string' }] },
      message: { a: 'b' },
    };
    expect(judge(decodeTypedData(raw, { activeChainId: CHAIN }), 'DE')).toMatchObject({ verdict: 'warn', reasons: [{ code: 'unknown-typed-data' }] });
  });

  it.each([
    [{ ok: false, reason: 'reverted', revertReason: 'EXPIRED' } as const, 'simulation-reverted'],
    [{ ok: false, reason: 'unsupported', message: 'no tracing' } as const, 'simulation-unavailable'],
  ])('warns when the simulation %j', (simulation, code) => {
    expect(judge(swap(USDC, NOT_LISTED), 'DE', simulation)).toMatchObject({ verdict: 'warn', reasons: [{ code }] });
  });

  it('blocks malformed calldata outright', () => {
    const short = decodeTransaction({ from: USER, to: USDC, chainId: CHAIN, data: '0xa9059cbb0000' });
    expect(judge(short, 'DE')).toMatchObject({ verdict: 'block', reasons: [{ code: 'malformed-calldata', severity: 'block' }] });
  });

  it('survives a registry lookup that throws', () => {
    const result = evaluate({
      intent: swap(USDC, XSTOCK),
      jurisdiction: 'US',
      chainId: CHAIN,
      lookupToken: () => {
        throw new Error('boom');
      },
    });
    expect(result.verdict).toBe('allow');
  });
});

describe('evaluateIssuerRequest', () => {
  it.each([
    ['mint', 'US', 'block'],
    ['redeem', 'US', 'block'],
    ['mint', 'DE', 'allow'],
  ] as const)('%s of a US-excluded token by a %s user -> %s', (action, jurisdiction, verdict) => {
    const result = evaluateIssuerRequest({ request: { action, token: XSTOCK, paymentToken: USDC }, jurisdiction, lookupToken, chainId: CHAIN });
    expect(result.verdict).toBe(verdict);
  });
});
