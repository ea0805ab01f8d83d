import type { Issuer, RegistryData, Token } from '../../../lib/registry/index.ts';

const src = 'https://example.org/terms';

export function issuer(overrides: Partial<Issuer> = {}): Issuer {
  return {
    id: 'acme',
    name: 'Acme Tokenized',
    legalEntity: { value: 'Acme SPV Ltd', source: src, verified: true },
    jurisdiction: { value: 'JE', source: src, verified: true },
    structure: { value: 'custody-backed', source: src, verified: true },
    custodian: { value: null, source: src, verified: false },
    proofOfReserve: { value: 'Chainlink PoR', source: src, verified: true },
    redemption: { value: { stablecoin: 'USDC', fee: '0.5%', minimums: null, settlement: 'T+1', marketHours: true }, source: src, verified: true },
    rule: { kind: 'excluded', places: ['US'], forbids: ['all'], source: src, read: '2026-12-01' },
    terms: src,
    origins: [{ origin: 'https://api.acme.example', verified: true, source: src }],
    contracts: [
      { chainId: 1, address: '0x1111111111111111111111111111111111111111', role: 'mint-redeem', verified: true, source: src },
      { chainId: 1, address: '0x2222222222222222222222222222222222222222', role: 'mint-redeem', verified: false, source: src },
      { chainId: 1, address: '0x3333333333333333333333333333333333333333', role: 'factory', verified: true, source: src },
    ],
    ...overrides,
  };
}

export function token(overrides: Partial<Token> = {}): Token {
  return {
    chainId: 1,
    address: '0xb23c6FA4d2B3d1B07A6B6e8b0a0A7a8f2E6A5bA1',
    symbol: 'AAPLx',
    name: 'Apple xStock',
    decimals: 18,
    issuer: 'acme',
    kind: 'stock',
    underlying: { ticker: 'AAPL', name: 'Apple' },
    corporateActions: 'multiplier',
    verified: true,
    ...overrides,
  };
}

export function registryData(tokens: Token[] = [token()], issuers: Issuer[] = [issuer()]): RegistryData {
  return { issuers, tokens };
}
