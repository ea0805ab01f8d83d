import { describe, expect, it } from 'vitest';
import { createRegistry, loadBundledRegistry } from '../../../lib/registry/index.ts';
import { issuer, registryData, token } from './fixtures.ts';

const aapl = token();
const fake = token({ address: '0x9999999999999999999999999999999999999999', symbol: 'AAPLx', verified: false });
const onArbitrum = token({ chainId: 42161 });
const registry = createRegistry(registryData([aapl, onArbitrum, token({ address: '0x8888888888888888888888888888888888888888', symbol: 'TSLAx' })]));

describe('registry lookups', () => {
  it('finds a token whatever the address case, and only on its chain', () => {
    expect(registry.findToken(1, aapl.address.toLowerCase())).toBe(aapl);
    expect(registry.findToken(42161, aapl.address.toUpperCase().replace('0X', '0x'))).toBe(onArbitrum);
    expect(registry.findToken(56, aapl.address)).toBeUndefined();
  });

  it('lists the tokens of one chain', () => {
    expect(registry.tokensOnChain(1).map((t) => t.symbol)).toEqual(['AAPLx', 'TSLAx']);
    expect(registry.tokensOnChain(10)).toEqual([]);
  });

  it.each([
    ['same symbol', 'AAPLx'],
    ['other case', 'aaplx'],
    ['full-width letters', 'ＡＡＰＬx'],
    ['padded with spaces', ' AAPLx '],
  ])('flags a token at another address with the %s as a lookalike', (_, symbol) => {
    expect(registry.lookalikes(1, symbol, fake.address)).toEqual([aapl]);
  });

  it('does not flag the registry token itself, another symbol, or another chain', () => {
    expect(registry.lookalikes(1, 'AAPLx', aapl.address.toLowerCase())).toEqual([]);
    expect(registry.lookalikes(1, 'MSFTx', fake.address)).toEqual([]);
    expect(registry.lookalikes(56, 'AAPLx', fake.address)).toEqual([]);
  });

  it('finds issuers by id', () => {
    expect(registry.issuer('acme')?.name).toBe('Acme Tokenized');
    expect(registry.issuer('nobody')).toBeUndefined();
  });

  it.each([
    ['the exact origin', 'https://api.acme.example', true],
    ['a URL on that origin', 'https://api.acme.example/v1/quote', true],
    ['another scheme', 'http://api.acme.example', false],
    ['a subdomain', 'https://evil.api.acme.example', false],
    ['a lookalike host', 'https://api.acme.example.evil.test', false],
    ['garbage', 'not a url', false],
  ])('allowlists issuer origins: %s', (_, origin, expected) => {
    expect(registry.isAllowlistedIssuerOrigin(origin)).toBe(expected);
  });

  it.each([
    ['a verified mint/redeem contract', 1, '0x1111111111111111111111111111111111111111', true],
    ['the same address on another chain', 56, '0x1111111111111111111111111111111111111111', false],
    ['an unverified contract', 1, '0x2222222222222222222222222222222222222222', false],
    ['a factory, which neither mints nor redeems', 1, '0x3333333333333333333333333333333333333333', false],
  ])('allowlists %s: %s', (_, chainId, address, expected) => {
    expect(registry.isAllowlistedIssuerContract(chainId, address)).toBe(expected);
  });
});

describe('restrictions', () => {
  const src = 'https://example.org/terms';
  const withRule = (restrictions: ReturnType<typeof issuer>['restrictions']) => createRegistry(registryData([aapl], [issuer({ restrictions })]));

  it.each([
    ['excluded country', { excluded: ['US'] }, 'US', false, 'excluded'],
    ['excluded country in lower case', { excluded: ['US'] }, 'us', false, 'excluded'],
    ['other country', { excluded: ['US'] }, 'DE', true, 'excluded'],
    ['no jurisdiction set, exclusions exist', { excluded: ['US'] }, undefined, false, 'excluded'],
    ['listed in allowed-only', { allowedOnly: ['DE', 'FR'] }, 'FR', true, 'allowed-only'],
    ['not listed in allowed-only', { allowedOnly: ['DE', 'FR'] }, 'GB', false, 'allowed-only'],
    ['no restriction stated', {}, 'US', true, 'none'],
  ])('%s', (_, value, jurisdiction, allowed, rule) => {
    const verdict = withRule({ value, source: src, verified: true }).restrictionFor(aapl, jurisdiction);
    expect(verdict).toMatchObject({ allowed, rule, source: src, verified: true });
  });

  it('says the rule is unknown, not that the token is allowed as fact, when nothing is on record', () => {
    const verdict = withRule({ value: null, source: src, verified: false }).restrictionFor(aapl, 'US');
    expect(verdict).toMatchObject({ rule: 'unknown', verified: false, source: src });
  });

  it("lets a token's own rule override its issuer's", () => {
    const erc3643 = token({ restrictions: { allowedOnly: ['US'], source: 'devnet:deployment' } });
    const verdict = withRule({ value: { excluded: ['US'] }, source: src, verified: true }).restrictionFor(erc3643, 'US');
    expect(verdict).toMatchObject({ allowed: true, rule: 'allowed-only', source: 'devnet:deployment' });
  });

  it('bars US holders from xStocks in the bundled registry, with the source', async () => {
    const bundled = createRegistry(await loadBundledRegistry());
    const aaplx = bundled.tokensOnChain(1).find((t) => t.symbol === 'AAPLx')!;
    expect(bundled.restrictionFor(aaplx, 'US')).toMatchObject({ allowed: false, rule: 'excluded', verified: true });
    expect(bundled.restrictionFor(aaplx, 'US').source).toMatch(/^https:\/\//);
    expect(bundled.restrictionFor(aaplx, 'CH').allowed).toBe(true);
  });
});
