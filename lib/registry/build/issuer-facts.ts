/**
 * Issuer facts transcribed from ../shared/REFERENCE.md for the registry generator.
 * A fact REFERENCE.md does not state is null and unverified; an address it marks
 * unverified stays unverified (so it is never allowlisted). No address is made up.
 */
import { BACKED_RULE, ONDO_GM_RULE } from '../issuer-rules.ts';
import type { Issuer } from '../schema.ts';

const BACKED_CONTRACTS = 'https://github.com/backed-fi/backed-token-contract';
const BACKED_DOCS = 'https://docs.backed.fi';
const XSTOCKS_FACTORY_SOURCE = 'https://github.com/DefiLlama/defillama-server';
const ONDO_CONTRACTS = 'https://github.com/ondoprotocol/rwa-contracts';
const ONDO_DOCS = 'https://docs.ondo.finance';
const DINARI_CONTRACTS = 'https://github.com/dinaricrypto/sbt-contracts';

export const XSTOCKS_CHAINS = [1, 42161, 57073, 5000, 999, 56] as const;

const unknown = (source: string) => ({ value: null, source, verified: false });

export const BACKED: Issuer = {
  id: 'xstocks',
  name: 'xStocks (Backed)',
  legalEntity: { value: 'Backed Assets (JE) Limited', source: BACKED_CONTRACTS, verified: true },
  jurisdiction: { value: 'JE', source: BACKED_CONTRACTS, verified: true },
  structure: { value: 'custody-backed', source: BACKED_DOCS, verified: true },
  custodian: unknown(BACKED_DOCS),
  proofOfReserve: {
    value: 'Chainlink Proof of Reserve fed by an auditor reading the custody accounts; updated every 24 h or on a deviation above 10%',
    source: BACKED_DOCS,
    verified: true,
  },
  redemption: {
    value: {
      stablecoin: 'Stablecoins (or fiat)',
      fee: 'Redeemed at NAV plus a fee',
      minimums: 'Issuer minimums apply; KYC and a pre-approved wallet required',
      settlement: 'T+3 at most',
      marketHours: true,
    },
    source: BACKED_DOCS,
    verified: true,
  },
  rule: BACKED_RULE,
  terms: BACKED_RULE.source,
  origins: [],
  contracts: XSTOCKS_CHAINS.map((chainId) => ({
    chainId,
    address: '0x9768D3956a850913fb74594eBf40DFf9b5b576F3',
    role: 'factory' as const,
    verified: false,
    source: XSTOCKS_FACTORY_SOURCE,
  })),
};

export const ONDO: Issuer = {
  id: 'ondo-gm',
  name: 'Ondo Global Markets',
  legalEntity: unknown(ONDO_DOCS),
  jurisdiction: unknown(ONDO_DOCS),
  structure: { value: 'custody-backed', source: ONDO_DOCS, verified: false },
  custodian: unknown(ONDO_DOCS),
  proofOfReserve: unknown(ONDO_DOCS),
  redemption: {
    value: {
      stablecoin: 'USDon',
      fee: null,
      minimums: null,
      settlement: 'On-chain in one transaction, against a quote signed by Ondo',
      marketHours: true,
    },
    source: ONDO_CONTRACTS,
    verified: true,
  },
  // The eligibility page speaks of GM tokens: each GM stock carries it (from-token-lists.ts);
  // the issuer's other tokens (USDon) have no rule on record.
  rule: null,
  terms: ONDO_GM_RULE.source,
  origins: [],
  contracts: [{ chainId: 1, address: '0x2c158BC456e027b2AfFCCadF1BDBD9f5fC4c5C8c', role: 'mint-redeem', verified: false, source: ONDO_CONTRACTS }],
};

const DINARI_ORDER_PROCESSORS = [
  [1, '0xA8a48C202AF4E73ad19513D37158A872A4ac79Cb'],
  [42161, '0xFA922457873F750244D93679df0d810881E4131D'],
  [8453, '0x63FF43009f9ba3584aF2Ddfc3D5FE2cb8AE539c0'],
] as const;

/** DShareFactory v0.4.0, whose getDShares() lists every dShare on its chain. */
export const DINARI_FACTORIES = [
  [1, '0x60B5E7eEcb2AEE0382db86491b8cFfA39347c747'],
  [42161, '0xB4Ca72eA4d072C779254269FD56093D3ADf603b8'],
  [8453, '0xBCE6410A175a1C9B1a25D38d7e1A900F8393BC4D'],
] as const;

export const DINARI: Issuer = {
  id: 'dinari',
  name: 'Dinari',
  legalEntity: unknown(DINARI_CONTRACTS),
  jurisdiction: unknown(DINARI_CONTRACTS),
  structure: { value: 'custody-backed', source: DINARI_CONTRACTS, verified: false },
  custodian: unknown(DINARI_CONTRACTS),
  proofOfReserve: unknown(DINARI_CONTRACTS),
  redemption: {
    value: {
      stablecoin: 'USD+',
      fee: 'Quoted by the issuer per order',
      minimums: null,
      settlement: 'When the issuer fills the on-chain order',
      marketHours: null,
    },
    source: DINARI_CONTRACTS,
    verified: true,
  },
  // REFERENCE.md records only the on-chain blacklist, no jurisdiction rule: unknown.
  rule: null,
  terms: DINARI_CONTRACTS,
  origins: [],
  contracts: [
    ...DINARI_ORDER_PROCESSORS.map(([chainId, address]) => ({
      chainId,
      address,
      role: 'mint-redeem' as const,
      verified: true,
      source: DINARI_CONTRACTS,
    })),
    ...DINARI_FACTORIES.map(([chainId, address]) => ({ chainId, address, role: 'factory' as const, verified: true, source: DINARI_CONTRACTS })),
  ],
};

export const BUNDLED_ISSUERS: readonly Issuer[] = [BACKED, ONDO, DINARI];
