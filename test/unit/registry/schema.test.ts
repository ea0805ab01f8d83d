import { describe, expect, it } from 'vitest';
import { parseRegistryData } from '../../../lib/registry/index.ts';
import { issuer, registryData, token } from './fixtures.ts';

describe('registry schema', () => {
  it('accepts a complete issuer and token', () => {
    expect(parseRegistryData(registryData())).toEqual(registryData());
  });

  it('accepts an unknown fact when its source is stated', () => {
    const data = registryData([token()], [issuer({ custodian: { value: null, source: 'https://example.org', verified: false } })]);
    expect(() => parseRegistryData(data)).not.toThrow();
  });

  it.each([
    ['a short address', registryData([token({ address: '0x1234' })])],
    ['an unknown corporate-action model', registryData([token({ corporateActions: 'split' as never })])],
    ['a token of an issuer not in the registry', registryData([token({ issuer: 'nobody' })])],
    ['a stock without its underlying', registryData([token({ underlying: null })])],
    ['fractional decimals', registryData([token({ decimals: 6.5 })])],
    ['a malformed ISIN', registryData([token({ underlying: { ticker: 'AAPL', name: 'Apple', isin: 'apple' } })])],
    ['a fact without a source', registryData([token()], [issuer({ custodian: { value: 'BNY', verified: true } as never })])],
    [
      'a fact sourced over plain http',
      registryData([token()], [issuer({ custodian: { value: 'BNY', source: 'http://x.example', verified: true } })]),
    ],
    [
      'a country that is not ISO alpha-2',
      registryData(
        [token()],
        [issuer({ rule: { kind: 'excluded', places: ['USA'], forbids: ['all'], source: 'https://x.example', read: '2026-12-01' } })],
      ),
    ],
    [
      'an unknown structure',
      registryData([token()], [issuer({ structure: { value: 'magic' as never, source: 'https://x.example', verified: true } })]),
    ],
    [
      'an origin with a path',
      registryData([token()], [issuer({ origins: [{ origin: 'https://api.acme.example/v1', verified: true, source: 'https://x.example' }] })]),
    ],
  ])('rejects %s', (_, data) => {
    expect(() => parseRegistryData(data)).toThrow();
  });
});
