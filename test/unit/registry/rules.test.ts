// The registry's jurisdiction rules: what the bundled data says for each issuer's tokens,
// and that the compact form carries rules unchanged.
import { describe, expect, it } from 'vitest';
import { policyFor, type Rule, restrictionFor } from '../../../lib/compliance/index.ts';
import { createRegistry, loadBundledRegistry, packRegistry, unpackRegistry } from '../../../lib/registry/index.ts';
import { issuer, registryData, token } from './fixtures.ts';

const ONDO_GM_TERMS = 'https://docs.ondo.finance/ondo-global-markets/eligibility';
const USDY_TERMS = 'https://docs.ondo.finance/general-access-products/usdy/faq/eligibility';

describe('bundled registry rules', async () => {
  const registry = createRegistry(await loadBundledRegistry());
  const policy = (t: (typeof registry.data.tokens)[number]) => policyFor(t, registry.issuer(t.issuer));
  const ondo = registry.data.tokens.filter((t) => t.issuer === 'ondo-gm');

  it('gives every Ondo GM stock the eligibility rule, sourced and dated', () => {
    const stocks = ondo.filter((t) => t.kind === 'stock');
    expect(stocks.length).toBeGreaterThan(800);
    for (const t of stocks) {
      const p = policy(t);
      expect(p.rule, `${t.symbol} on ${t.chainId}`).toMatchObject({
        kind: 'excluded',
        forbids: ['acquire', 'redeem'],
        source: ONDO_GM_TERMS,
        read: '2026-12-01',
      });
      expect(p.rule?.places).toEqual(expect.arrayContaining(['US', 'PR', 'CN', 'RU', 'UA-43', 'UA-40', 'UA-14', 'UA-09', 'UA-65', 'UA-23']));
      expect(p.rule?.places).not.toContain('UA');
      expect(p.security).toBe(true);
    }
  });

  it('gives USDY its own list (the GM list and Canada) and leaves USDon without a rule', () => {
    const usdy = ondo.filter((t) => t.symbol === 'USDY');
    expect(usdy.length).toBeGreaterThan(0);
    for (const t of usdy) expect(policy(t).rule).toMatchObject({ source: USDY_TERMS, places: expect.arrayContaining(['CA', 'US', 'UA-43']) });
    const usdon = ondo.find((t) => t.symbol === 'USDon')!;
    expect(policy(usdon)).toMatchObject({ rule: null, security: false, terms: ONDO_GM_TERMS });
  });

  it('applies the Backed rule to every xStock: not offered (acquired) by US persons', () => {
    const xstocks = registry.data.tokens.filter((t) => t.issuer === 'xstocks');
    expect(xstocks.length).toBe(531);
    for (const t of xstocks) {
      expect(policy(t).rule).toMatchObject({ kind: 'excluded', places: ['US'], forbids: ['acquire'], source: expect.stringMatching(/^https:\/\//) });
    }
  });

  it('keeps Dinari without a rule: REFERENCE.md records none', () => {
    expect(registry.issuer('dinari')).toMatchObject({ rule: null, terms: expect.stringMatching(/^https:\/\//) });
  });

  it('refuses a US resident acquiring any GM stock and allows a German one', () => {
    const tsla = ondo.find((t) => t.symbol === 'TSLAon' && t.chainId === 1)!;
    expect(restrictionFor(policy(tsla), 'US', 'acquire')).toMatchObject({ allowed: false, standing: 'covered', source: ONDO_GM_TERMS });
    expect(restrictionFor(policy(tsla), 'DE', 'acquire')).toMatchObject({ allowed: true, standing: 'not-covered' });
  });
});

describe('compact form with rules', () => {
  const r = (places: string[], forbids: Rule['forbids']): Rule => ({
    kind: 'excluded',
    places,
    forbids,
    source: 'https://x.example/terms',
    read: '2026-12-01',
  });
  const own = r(['US', 'UA-43'], ['acquire', 'redeem']);
  const data = registryData(
    [
      token({ address: '0x1000000000000000000000000000000000000001', symbol: 'AAAx' }),
      token({ address: '0x1000000000000000000000000000000000000002', symbol: 'BBBon', rule: own }),
      token({ address: '0x1000000000000000000000000000000000000003', symbol: 'CCCon', rule: own }),
      token({
        address: '0x1000000000000000000000000000000000000004',
        symbol: 'USDx',
        kind: 'stablecoin',
        underlying: null,
        corporateActions: 'none',
        rule: null,
      }),
    ],
    [issuer({ rule: r(['US'], ['acquire']) })],
  );

  it('round-trips token rules, null rules, inherited rules and the issuer rule', () => {
    const back = unpackRegistry(JSON.parse(JSON.stringify(packRegistry(data))));
    expect(back).toEqual(data);
    expect('rule' in back.tokens[0]).toBe(false);
    expect(back.tokens[3].rule).toBeNull();
  });

  it('stores each distinct rule once', () => {
    const packed = packRegistry(data);
    expect(packed.rules).toEqual([own, null]);
    expect(packed.families.rule).toEqual([-1, 0, 0, 1]);
  });

  it('refuses a family naming a rule the table does not have', () => {
    const packed = packRegistry(data);
    const broken = { ...packed, families: { ...packed.families, rule: [-1, 0, 0, 7] } };
    expect(() => unpackRegistry(broken)).toThrow(/rule table/);
  });

  it('refuses a rule that does not parse', () => {
    const packed = packRegistry(data);
    expect(() => unpackRegistry({ ...packed, rules: [{ ...own, places: ['USA'] }, null] })).toThrow();
  });
});
