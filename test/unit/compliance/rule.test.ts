// The one jurisdiction rule: its schema and its lookup, table by table.
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { type Rule, type RuleAction, RuleSchema, restrictionFor, type TokenPolicy } from '../../../lib/compliance';

const TERMS = 'https://issuer.example/eligibility';
const rule = (kind: Rule['kind'], places: string[], forbids: Rule['forbids'] = ['all']): Rule => ({
  kind,
  places,
  forbids,
  source: TERMS,
  read: '2026-12-01',
});
const security = (r: Rule | null): TokenPolicy => ({
  symbol: 'TSLAon',
  issuerName: 'Ondo Global Markets',
  security: true,
  rule: r,
  terms: TERMS,
  verified: true,
});

describe('RuleSchema', () => {
  it.each([
    ['a country list', rule('excluded', ['US', 'CN'])],
    ['ISO 3166-2 regions', rule('excluded', ['UA-43', 'UA-9', 'UA-14'])],
    ['an allowed-only list', rule('allowed-only', ['DE', 'FR'], ['acquire', 'redeem'])],
    ['a stated absence of restriction', rule('excluded', [])],
    ['a devnet source', { ...rule('excluded', ['US']), source: 'devnet:terms/x' }],
  ])('accepts %s', (_, value) => {
    expect(v.parse(RuleSchema, value)).toEqual(value);
  });

  it.each([
    ['an alpha-3 country', { ...rule('excluded', ['USA']) }],
    ['a lower-case country', { ...rule('excluded', ['us']) }],
    ['nothing forbidden', { ...rule('excluded', ['US']), forbids: [] }],
    ['an unknown verb', { ...rule('excluded', ['US']), forbids: ['sell'] }],
    ['a source over plain http', { ...rule('excluded', ['US']), source: 'http://issuer.example' }],
    ['no read date', { kind: 'excluded', places: ['US'], forbids: ['all'], source: TERMS }],
    ['a read date that is no date', { ...rule('excluded', ['US']), read: 'yesterday' }],
  ])('rejects %s', (_, value) => {
    expect(() => v.parse(RuleSchema, value)).toThrow();
  });
});

describe('restrictionFor: who the rule covers', () => {
  it.each([
    ['excluded, named', rule('excluded', ['US']), 'US', 'covered', false],
    ['excluded, lower case', rule('excluded', ['US']), 'us', 'covered', false],
    ['excluded, not named', rule('excluded', ['US']), 'DE', 'not-covered', true],
    ['allowed-only, named', rule('allowed-only', ['DE', 'FR']), 'FR', 'not-covered', true],
    ['allowed-only, not named', rule('allowed-only', ['DE', 'FR']), 'GB', 'covered', false],
    ['no restriction stated', rule('excluded', []), 'US', 'not-covered', true],
    ['excluded region, resident of it', rule('excluded', ['UA-43']), 'UA-43', 'covered', false],
    ['excluded region, resident of another region', rule('excluded', ['UA-43']), 'UA-30', 'not-covered', true],
    ['excluded region, country alone given', rule('excluded', ['UA-43']), 'UA', 'unconfirmed', false],
    ['excluded country, resident of its region', rule('excluded', ['RU']), 'RU-MOW', 'covered', false],
    ['allowed-only country, resident of its region', rule('allowed-only', ['UA']), 'UA-30', 'not-covered', true],
    ['allowed-only region, country alone given', rule('allowed-only', ['UA-30']), 'UA', 'unconfirmed', false],
    ['no jurisdiction set', rule('excluded', ['US']), undefined, 'unconfirmed', false],
    ['a jurisdiction that is no code', rule('allowed-only', ['DE']), 'Germany', 'unconfirmed', false],
  ] as const)('%s -> %s', (_, r, jurisdiction, standing, allowed) => {
    const verdict = restrictionFor(security(r), jurisdiction, 'acquire');
    expect(verdict).toMatchObject({ standing, allowed, source: TERMS, read: '2026-12-01' });
  });

  it('names the regions it cannot judge a country-only setting by', () => {
    const verdict = restrictionFor(security(rule('excluded', ['UA-43', 'UA-40', 'RU'])), 'UA', 'acquire');
    expect(verdict.message).toContain('Sharekeep cannot confirm that residents of UA may hold this token');
    expect(verdict.message).toContain('UA-43, UA-40');
  });
});

describe('restrictionFor: what the rule forbids, as its source words it', () => {
  const cases: [Rule['forbids'], RuleAction, boolean][] = [
    [['acquire'], 'acquire', false],
    [['acquire'], 'redeem', true],
    [['acquire'], 'dispose', true],
    [['redeem'], 'acquire', true],
    [['redeem'], 'redeem', false],
    [['redeem'], 'dispose', true],
    [['acquire', 'redeem'], 'acquire', false],
    [['acquire', 'redeem'], 'redeem', false],
    [['acquire', 'redeem'], 'dispose', true],
    [['all'], 'acquire', false],
    [['all'], 'redeem', false],
    [['all'], 'dispose', false],
  ];
  it.each(cases)('forbids %j: a covered resident who asks to %s is allowed: %s', (forbids, action, allowed) => {
    expect(restrictionFor(security(rule('excluded', ['US'], forbids)), 'US', action).allowed).toBe(allowed);
    // A resident the rule does not cover may do anything.
    expect(restrictionFor(security(rule('excluded', ['US'], forbids)), 'DE', action).allowed).toBe(true);
  });

  it('words the refusal with the token, its issuer, the verbs and the country', () => {
    const verdict = restrictionFor(security(rule('excluded', ['US'], ['acquire', 'redeem'])), 'US', 'redeem');
    expect(verdict.message).toBe('TSLAon (issued by Ondo Global Markets) may not be acquired or redeemed by residents of US.');
  });
});

describe('restrictionFor: fails closed for securities, never for plain tokens', () => {
  it('refuses to let a security with no rule on record be acquired, linking the issuer terms', () => {
    const verdict = restrictionFor(security(null), 'DE', 'acquire');
    expect(verdict).toMatchObject({ allowed: false, standing: 'unconfirmed', rule: 'unknown', source: TERMS });
    expect(verdict.message).toContain('Sharekeep cannot confirm that residents of DE may hold this token');
  });

  it.each(['redeem', 'dispose'] as const)('lets a holder %s a security with no rule: a holder is never trapped', (action) => {
    expect(restrictionFor(security(null), 'DE', action)).toMatchObject({ allowed: true, standing: 'unconfirmed' });
  });

  it('says "your country" when none is set', () => {
    expect(restrictionFor(security(null), undefined, 'acquire').message).toContain('cannot confirm that residents of your country may hold');
  });

  it.each([
    ['a token not in the registry', undefined],
    ['a listed token not known as a security', { ...security(null), symbol: 'USDC', security: false }],
  ])('allows %s whatever the country', (_, policy) => {
    for (const jurisdiction of ['US', 'DE', undefined]) {
      expect(restrictionFor(policy, jurisdiction, 'acquire')).toMatchObject({ allowed: true, standing: 'not-a-security' });
    }
  });
});
