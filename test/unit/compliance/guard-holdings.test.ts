// Issue 11, every path: a transaction the guard cannot follow (not decoded, no successful dry run)
// from an account holding a restricted token is refused; the false-block table beside it holds the
// cases that must stay open (allowed residents, plain or unconfirmed tokens, decoded calls, a dry run).
import { type Address, encodeFunctionData, getAddress, parseAbi } from 'viem';
import { describe, expect, it } from 'vitest';
import { type ComplianceResult, evaluate, type OnchainFindings, type SenderHoldings, type TokenPolicy, withFindings } from '../../../lib/compliance';
import { decodeTransaction, type SimulationResult } from '../../../lib/intent';
import {
  AGGREGATOR,
  CHAIN,
  lookupToken,
  NOT_LISTED,
  okSimulation,
  REVERTED,
  UNAVAILABLE,
  USDC,
  USER,
  V2_ROUTER,
  XSTOCK,
  XSTOCKS_TERMS,
} from './fixtures';

const ACQUIRE_ONLY: Address = getAddress('0x7777777777777777777777777777777777777777'); // xStocks-like: US may not acquire
const NO_RULE: Address = getAddress('0x8888888888888888888888888888888888888888'); // a registry stock with no rule on record
const CRIMEA_ONLY: Address = getAddress('0x9999999999999999999999999999999999999999'); // excludes UA-43 only
const DETECTED: Address = getAddress('0x5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a3643'); // ERC-3643 found on chain, not in the registry
const ACQUIRE_TERMS = 'https://example.test/acquire-only/terms';
const CRIMEA_TERMS = 'https://example.test/crimea/terms';

const stock = (symbol: string, rule: TokenPolicy['rule'], terms: string | null): TokenPolicy => ({
  symbol,
  issuerName: 'Example Issuer',
  security: true,
  rule,
  terms,
  verified: true,
});
const extra: Record<string, TokenPolicy> = {
  [ACQUIRE_ONLY]: stock(
    'NVDAx',
    { kind: 'excluded', places: ['US'], forbids: ['acquire'], source: ACQUIRE_TERMS, read: '2026-12-02' },
    ACQUIRE_TERMS,
  ),
  [NO_RULE]: stock('AMZNon', null, 'https://example.test/no-rule'),
  [CRIMEA_ONLY]: stock('CRMx', { kind: 'excluded', places: ['UA-43'], forbids: ['all'], source: CRIMEA_TERMS, read: '2026-12-02' }, CRIMEA_TERMS),
};
/** The ERC-3643 token's country module as it answers for the user's declared country: allowed only in DE. */
const findingsFor = (jurisdiction: string): OnchainFindings => {
  const allowed = jurisdiction === 'DE';
  return {
    standards: ['erc3643'],
    incomplete: false,
    checks: [
      {
        standard: 'erc3643',
        check: 'CountryAllowModule.isCountryAllowed',
        outcome: allowed ? 'yes' : 'no',
        detail: allowed ? 'allowed' : `${jurisdiction} is not among the allowed countries`,
      },
    ],
    countryConfirmed: allowed,
  };
};
const lookupFor = (jurisdiction: string) => (chainId: number, address: Address) =>
  getAddress(address) === DETECTED
    ? withFindings(undefined, findingsFor(jurisdiction), 'KSTR')
    : (lookupToken(chainId, address) ?? extra[getAddress(address)]);

const opaque = decodeTransaction({
  from: USER,
  to: AGGREGATOR,
  chainId: CHAIN,
  data: '0xdeadbeef00000000000000000000000000000000000000000000000000000001',
});
const erc20 = parseAbi(['function transfer(address to, uint256 amount)', 'function approve(address spender, uint256 amount)']);
const usdcTransfer = decodeTransaction({
  from: USER,
  to: USDC,
  chainId: CHAIN,
  data: encodeFunctionData({ abi: erc20, functionName: 'transfer', args: [AGGREGATOR, 5n] }),
});
const v2 = parseAbi(['function swapExactTokensForTokens(uint256 amountIn, uint256 amountOutMin, address[] path, address to, uint256 deadline)']);
const plainSwap = decodeTransaction({
  from: USER,
  to: V2_ROUTER,
  chainId: CHAIN,
  data: encodeFunctionData({ abi: v2, functionName: 'swapExactTokensForTokens', args: [5n, 1n, [USDC, NOT_LISTED], USER, 9n] }),
});

const holding = (held: Address[], unread: Address[] = []): SenderHoldings => ({ account: USER, held, unread });

function judgeHeld(intent: typeof opaque, jurisdiction: string, sender: SenderHoldings, simulation?: SimulationResult): ComplianceResult {
  return evaluate({ intent, jurisdiction, lookupToken: lookupFor(jurisdiction), chainId: CHAIN, simulation, sender });
}
const blocks = (r: ComplianceResult) => r.reasons.filter((x) => x.severity === 'block');

describe('the decoders leave these calls undecoded, and these decoded', () => {
  it('an unknown selector is a contract call no decoder explains; a transfer and a V2 swap are decoded', () => {
    expect(opaque.kind).toBe('contract-call');
    expect(usdcTransfer.kind).toBe('erc20-transfer');
    expect(plainSwap.assetsIn).toEqual([expect.objectContaining({ token: NOT_LISTED })]);
    expect(plainSwap.warnings).toEqual([]);
  });
});

describe('refused: an undecoded call with no dry run from an account holding a restricted token', () => {
  it.each([
    ['US, TSLAx held, simulation unavailable', 'US', holding([XSTOCK]), UNAVAILABLE, 'TSLAx', 'restricted-token-held', XSTOCKS_TERMS],
    ['US, TSLAx held, dry run reverts', 'US', holding([XSTOCK]), REVERTED, 'TSLAx', 'restricted-token-held', XSTOCKS_TERMS],
    ['US, TSLAx held, no dry run made', 'US', holding([XSTOCK]), undefined, 'TSLAx', 'restricted-token-held', XSTOCKS_TERMS],
    [
      'US, an acquire-only rule: covered, so held counts',
      'US',
      holding([USDC, ACQUIRE_ONLY]),
      UNAVAILABLE,
      'NVDAx',
      'restricted-token-held',
      ACQUIRE_TERMS,
    ],
    ['UA-43 (Crimea), its rule names the region', 'UA-43', holding([CRIMEA_ONLY]), UNAVAILABLE, 'CRMx', 'restricted-token-held', CRIMEA_TERMS],
    ['US, an on-chain ERC-3643 that refuses the country', 'US', holding([DETECTED]), UNAVAILABLE, 'KSTR', 'restricted-token-held', undefined],
    ['US, the balance of TSLAx could not be read', 'US', holding([], [XSTOCK]), UNAVAILABLE, 'TSLAx', 'restricted-holding-unread', XSTOCKS_TERMS],
  ] as const)('%s', (_name, jurisdiction, sender, simulation, symbol, code, source) => {
    const result = judgeHeld(opaque, jurisdiction, sender, simulation);
    expect(result.verdict).toBe('block');
    const held = blocks(result).filter((r) => r.code === code);
    expect(held).toHaveLength(1);
    expect(held[0].message).toContain(symbol);
    expect(held[0].message).toContain(`${USER.slice(0, 6)}…${USER.slice(-4)}`);
    expect(held[0].message).toMatch(/not fully decoded/);
    expect(held[0].source).toBe(source);
  });

  it('one reason per restricted token held, naming each; the unread ones in one reason with a count', () => {
    const result = judgeHeld(opaque, 'US', holding([XSTOCK, ACQUIRE_ONLY], [DETECTED, CRIMEA_ONLY, NO_RULE]), UNAVAILABLE);
    expect(blocks(result).map((r) => [r.code, r.message.split(' ')[0]])).toEqual([
      ['restricted-token-held', 'TSLAx'],
      ['restricted-token-held', 'NVDAx'],
      ['restricted-holding-unread', 'KSTR'],
    ]);
  });
});

describe('not refused for what the account holds (the false-block table)', () => {
  it.each([
    ['DE holding TSLAx and the ERC-3643 its module admits DE to', opaque, 'DE', holding([XSTOCK, DETECTED, ACQUIRE_ONLY]), UNAVAILABLE],
    ['US holding only a stablecoin and a plain token', opaque, 'US', holding([USDC, NOT_LISTED]), UNAVAILABLE],
    ['US holding a stock with no rule on record (unconfirmed, not covered)', opaque, 'US', holding([NO_RULE]), UNAVAILABLE],
    ['UA (country only) holding a token whose rule names only Crimea', opaque, 'UA', holding([CRIMEA_ONLY]), UNAVAILABLE],
    ['US holding TSLAx, the dry run succeeded', opaque, 'US', holding([XSTOCK]), okSimulation([{ token: USDC, delta: -5n }])],
    ['US holding TSLAx, a decoded USDC transfer', usdcTransfer, 'US', holding([XSTOCK]), UNAVAILABLE],
    ['US holding TSLAx, a decoded swap of USDC for a plain token', plainSwap, 'US', holding([XSTOCK]), UNAVAILABLE],
    ['DE whose TSLAx balance could not be read', opaque, 'DE', holding([], [XSTOCK]), UNAVAILABLE],
  ] as const)('%s', (_name, intent, jurisdiction, sender, simulation) => {
    const result = judgeHeld(intent, jurisdiction, sender, simulation);
    expect(blocks(result)).toEqual([]);
    expect(result.reasons.map((r) => r.code)).not.toContain('restricted-token-held');
  });

  it('a token the request itself touches is judged by what it does with it, not again as a holding', () => {
    const named = decodeTransaction({
      from: USER,
      to: AGGREGATOR,
      chainId: CHAIN,
      data: `0xdeadbeef${XSTOCK.slice(2).toLowerCase().padStart(64, '0')}`,
    });
    const result = judgeHeld(named, 'US', holding([XSTOCK]), UNAVAILABLE);
    expect(blocks(result).map((r) => r.code)).toEqual(['restricted-token-unconfirmed']);
  });
});
