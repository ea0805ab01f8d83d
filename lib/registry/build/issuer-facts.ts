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
const ONDO_TRUST = 'https://docs.ondo.finance/ondo-global-markets/trust-and-transparency';
const DINARI_CONTRACTS = 'https://github.com/dinaricrypto/sbt-contracts';
/** Dinari's Enterprise API v2 (production origin; the fee quote the wallet asks for). */
const DINARI_API = 'https://docs.dinari.com/reference/createevmorderfeequote';
// Ondo GM's attestation API (POST /v1/attestations behind x-api-key); its base URL is the one
// Chainlink's Ondo GM composite adapter defaults to, not read off an Ondo page, so it stays unverified.
const ONDO_API = 'https://docs.ondo.finance/api-reference';
// REFERENCE.md has the Backed reserve feeds from third-party lists that point at Chainlink's
// Proof of Reserve feed list; until someone reads them there, they stay unverified.
const CHAINLINK_POR = 'https://docs.chain.link/data-feeds/proof-of-reserve';
/** REFERENCE.md does not date its sources: the day its facts were transcribed here. */
const READ = '2026-12-02';

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
  // The factory that emits NewToken for every xStock, same address on every chain. No deposit
  // or payout address is sourced: a redemption is sent to the issuer's onboarding instead.
  contracts: XSTOCKS_CHAINS.map((chainId) => ({
    chainId,
    address: '0x9768D3956a850913fb74594eBf40DFf9b5b576F3',
    role: 'factory' as const,
    verified: false,
    source: XSTOCKS_FACTORY_SOURCE,
    read: READ,
  })),
  // Issuance and redemption: tokens sent from a KYC'd, pre-approved wallet to a deposit address, paid out within T+3.
  redemptionByDeposit: { onboarding: BACKED_DOCS, settlementDays: 3 },
  // Backed's reserve feeds on Polygon, for bTokens the token lists do not carry (no token address is sourced).
  feeds: (
    [
      ['bIB01', '0xad4395fc414Fc1575A7a38C20B0Bfdbdb09ee41A'],
      ['bCSPX', '0x55e75d35c44A9EE1A5b05416640965EbcA4a8D33'],
      ['bIBTA', '0x4517002fCD31062Ea38680dF9Ee37f29528C2707'],
    ] as const
  ).map(([product, address]) => ({ chainId: 137, product, kind: 'reserve' as const, address, source: CHAINLINK_POR, read: READ, verified: false })),
};

export const ONDO: Issuer = {
  id: 'ondo-gm',
  name: 'Ondo Global Markets',
  // Trust and transparency: a bankruptcy-remote SPV in the British Virgin Islands, fully backed by
  // the underlying shares held with regulated custodians through a licensed broker-dealer, with
  // Ankura Trust Company as security agent for holders and daily attestation agent.
  legalEntity: { value: 'Ondo Global Markets (BVI) Limited', source: ONDO_TRUST, verified: true },
  jurisdiction: { value: 'VG', source: ONDO_TRUST, verified: true },
  structure: { value: 'custody-backed', source: ONDO_TRUST, verified: true },
  custodian: {
    value: 'Regulated custodians, through a licensed broker-dealer; Ankura Trust Company holds a first-priority security interest for token holders',
    source: ONDO_TRUST,
    verified: true,
  },
  proofOfReserve: {
    value: 'Daily attestation of the holdings by Ankura Trust Company (since 2025-10-01); backed by the underlying plus over-collateralisation',
    source: ONDO_TRUST,
    verified: true,
  },
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
  api: 'ondo-gm',
  // Unverified origin, unverified manager, no sourced attestation signer: a real Ondo mint is refused before anything is sent.
  origins: [{ origin: 'https://api.gm.ondo.finance', verified: false, source: ONDO_API }],
  // GMTokenManager (unverified in REFERENCE.md: never allowlisted). Its multiplier oracle has no sourced address.
  contracts: [
    { chainId: 1, address: '0x2c158BC456e027b2AfFCCadF1BDBD9f5fC4c5C8c', role: 'mint-redeem', verified: false, source: ONDO_CONTRACTS, read: READ },
  ],
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
  api: 'dinari-v2',
  // The fee-quote signer has no sourced address: until one is, the wallet refuses Dinari orders (fails closed).
  origins: [{ origin: 'https://api-enterprise.sbt.dinari.com', verified: true, source: DINARI_API }],
  contracts: [
    ...DINARI_ORDER_PROCESSORS.map(([chainId, address]) => ({
      chainId,
      address,
      role: 'mint-redeem' as const,
      verified: true,
      source: DINARI_CONTRACTS,
      read: READ,
    })),
    ...DINARI_FACTORIES.map(([chainId, address]) => ({
      chainId,
      address,
      role: 'factory' as const,
      verified: true,
      source: DINARI_CONTRACTS,
      read: READ,
    })),
  ],
};

export const BUNDLED_ISSUERS: readonly Issuer[] = [BACKED, ONDO, DINARI];
