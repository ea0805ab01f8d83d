import { describe, expect, it } from 'vitest';
import { policyFor, type Rule, restrictionFor } from '../../../lib/compliance/index.ts';
import { createRegistry, loadBundledRegistry } from '../../../lib/registry/index.ts';
import { registryData, token } from './fixtures.ts';

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

  it("gives a token's family: the same product of its issuer on every chain listed, in chain order", () => {
    expect(registry.family(onArbitrum)).toEqual([aapl, onArbitrum]);
    expect(registry.family({ chainId: 1, address: '0x8888888888888888888888888888888888888888' }).map((t) => t.symbol)).toEqual(['TSLAx']);
    expect(registry.family({ chainId: 56, address: aapl.address })).toEqual([]);
  });

  it('lists an xStock of the bundled registry on its six chains at one address, and an Ondo GM token at its own address per chain', async () => {
    const bundled = createRegistry(await loadBundledRegistry());
    const aaplx = bundled.family(bundled.tokensOnChain(1).find((t) => t.symbol === 'AAPLx')!);
    expect(aaplx.map((t) => t.chainId)).toEqual([1, 56, 999, 5000, 42161, 57073]);
    expect(new Set(aaplx.map((t) => t.address)).size).toBe(1);
    const ondo = bundled.family(bundled.tokensOnChain(1).find((t) => t.symbol === 'QBTSon')!);
    expect(ondo.map((t) => t.chainId)).toEqual([1, 56]);
    expect(new Set(ondo.map((t) => t.address)).size).toBe(2);
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
    ['Cyrillic А and Р', '\u0410\u0410\u0420Lx'],
    ['a zero-width space', 'AA\u200bPLx'],
    ['mixed full-width and Greek', '\uff21\u0391PLx'],
  ])('flags a token at another address with the %s as a lookalike', (_, symbol) => {
    expect(registry.lookalikes(1, symbol, fake.address)[0]).toBe(aapl);
  });

  it("flags a token whose name, not its symbol, reads as a registry token's", () => {
    expect(registry.lookalikes(1, 'GIFT', fake.address, 'AAPL\u200bx')[0]).toBe(aapl);
    expect(registry.lookalikes(1, 'GIFT', fake.address, aapl.name)[0]).toBe(aapl);
  });

  it('does not flag the registry token itself (on any chain) or another symbol', () => {
    expect(registry.lookalikes(1, 'AAPLx', aapl.address.toLowerCase())).toEqual([]);
    expect(registry.lookalikes(56, 'AAPLx', aapl.address)).toEqual([]);
    expect(registry.lookalikes(1, 'MSFTx', fake.address)).toEqual([]);
  });

  it('flags a copy on a chain where the registry has no such token, naming those elsewhere; on a chain that has one, that one', () => {
    expect(registry.lookalikes(56, 'AAPLx', fake.address)).toEqual([aapl, onArbitrum]);
    expect(registry.lookalikes(42161, 'AAPLx', fake.address)).toEqual([onArbitrum]);
  });

  it('says what a token outside the registry imitates, and nothing for a registry token', () => {
    expect(registry.imitation(1, fake.address, { symbol: '\u0422SLAx' })).toEqual({
      of: 'TSLAx',
      address: '0x8888888888888888888888888888888888888888',
      chainId: 1,
    });
    expect(registry.imitation(1, fake.address, { symbol: 'US\u200bDC' })).toEqual({ of: 'USDC' });
    expect(registry.imitation(1, fake.address, { symbol: 'USDC' })).toBeUndefined();
    expect(registry.imitation(1, aapl.address, { symbol: 'AAPLx' })).toBeUndefined();
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

describe('rules carried by the registry', () => {
  const src = 'https://example.org/terms';
  const usOnly: Rule = { kind: 'allowed-only', places: ['US'], forbids: ['all'], source: 'devnet:deployment', read: '2026-12-01' };
  const policyOf = (registry: ReturnType<typeof createRegistry>, t: typeof aapl) => policyFor(t, registry.issuer(t.issuer));

  it("applies the issuer's rule to a token without its own", () => {
    const reg = createRegistry(registryData([aapl]));
    expect(restrictionFor(policyOf(reg, aapl), 'US')).toMatchObject({ allowed: false, rule: 'excluded', source: src });
  });

  it("lets a token's own rule override its issuer's", () => {
    const erc3643 = token({ rule: usOnly });
    const reg = createRegistry(registryData([erc3643]));
    expect(restrictionFor(policyOf(reg, erc3643), 'US')).toMatchObject({ allowed: true, rule: 'allowed-only', source: 'devnet:deployment' });
  });

  it("keeps a token's null rule unknown even when its issuer has one", () => {
    const cash = token({ kind: 'stablecoin', underlying: null, corporateActions: 'none', rule: null });
    const reg = createRegistry(registryData([cash]));
    expect(policyOf(reg, cash)).toMatchObject({ rule: null, security: false, terms: src });
  });

  it('bars US holders from buying xStocks in the bundled registry, with the source', async () => {
    const bundled = createRegistry(await loadBundledRegistry());
    const aaplx = bundled.tokensOnChain(1).find((t) => t.symbol === 'AAPLx')!;
    const policy = policyOf(bundled, aaplx);
    expect(restrictionFor(policy, 'US')).toMatchObject({ allowed: false, rule: 'excluded', verified: true });
    expect(restrictionFor(policy, 'US').source).toMatch(/^https:\/\//);
    expect(restrictionFor(policy, 'CH').allowed).toBe(true);
  });
});
