/**
 * Registry entries for the local devnet, read from the deployment file devnet/ writes.
 * The shape is declared here structurally so lib/ does not depend on devnet/ code.
 */
import { getAddress } from 'viem';
import type { Rule } from '../compliance/index.ts';
import { type ChainDex, UNISWAP_V3_FEES } from './dexes.ts';
import { ONDO_GM_EXCLUDED } from './issuer-rules.ts';
import type { CorporateActionModel, Feed, Issuer, IssuerStructure, RegistryData, Token } from './schema.ts';
import { parseRegistryData } from './schema.ts';

/** Who may not (excluded) or who alone may (allowedOnly) hold a devnet token, as the deployment states it. */
export interface DevnetRestrictions {
  excluded?: string[];
  allowedOnly?: string[];
}

type FeedRef = string | { address: string; heartbeat?: number } | null | undefined;

export interface DevnetTokenDeployment {
  symbol: string;
  name: string;
  address: string;
  decimals: number;
  structure: 'multiplier' | 'rebasing' | 'oracle-multiplier' | 'synthetic' | 'erc3643' | 'plain';
  issuer: string;
  underlying: { ticker: string; name: string; exchange?: string };
  priceFeed?: FeedRef;
  reserveFeed?: FeedRef;
  multiplierOracle?: FeedRef;
  pair?: unknown;
  restrictions?: DevnetRestrictions;
}

export interface DevnetIssuerDeployment {
  id: string;
  name: string;
  origin?: string | null;
  kind: 'order-processor' | 'attestation' | 'deposit' | 'none';
  contracts?: Record<string, unknown> | readonly unknown[];
  /** The issuer's DShareFactory (Dinari-style), named with role 'factory'. */
  factory?: string;
  /** A deposit issuer's registered deposit address and the address its payouts come from. */
  depositAddress?: string;
  payoutAddress?: string;
  /** Business days within which a deposit issuer pays out. */
  settlementDays?: number;
  /** A Dinari-style issuer: its fee-quote signer and the stablecoins its orders pay in (an Ondo-style one's too). */
  feeQuoteSigner?: string;
  /** An Ondo-style issuer: the key that signs its attestations. */
  attestationSigner?: string;
  paymentTokens?: readonly string[];
  tokens?: readonly unknown[];
  restrictions?: DevnetRestrictions;
}

/** The devnet's Uniswap factories and the stablecoins its pools quote against. */
export interface DevnetDexDeployment {
  uniswapV3?: { factory: string; poolInitCodeHash: string };
  uniswapV2?: { factory: string; pairInitCodeHash: string };
  stablecoins?: readonly { address: string; symbol: string; decimals: number }[];
  /** Its routers and settlement, by the names the approval window shows. */
  protocols?: readonly { address: string; name: string }[];
}

export interface DevnetDeployment {
  chainId: number;
  tokens: readonly DevnetTokenDeployment[];
  issuers: readonly DevnetIssuerDeployment[];
  dex?: DevnetDexDeployment;
  /**
   * Forks of the devnet under other chain ids (anvil --fork-url): the same contracts at the same
   * addresses, so its tokens and pools are listed on each fork's chain too; the issuers stay on the devnet's.
   */
  forks?: readonly { chainId: number }[];
}

const SOURCE = 'devnet:deployment';
/** The day the devnet issuers' terms below were written. */
const DEVNET_TERMS_READ = '2026-12-02';

/**
 * The devnet issuers' published terms, one per token structure, each modelled on the real
 * issuer the structure imitates (xStocks, Ondo GM) or, for the devnet's own kinds, plain
 * "not for US residents, no dealing at all". A rule the deployment states wins; an ERC-3643
 * token's rule is its on-chain country list, so without the deployment's word it is unknown.
 */
const DEVNET_TERMS: Record<DevnetTokenDeployment['structure'], Rule | null> = {
  multiplier: { kind: 'excluded', places: ['US'], forbids: ['acquire'], source: 'devnet:terms/xstocks-style', read: DEVNET_TERMS_READ },
  'oracle-multiplier': {
    kind: 'excluded',
    places: [...ONDO_GM_EXCLUDED],
    forbids: ['acquire', 'redeem'],
    source: 'devnet:terms/ondo-style',
    read: DEVNET_TERMS_READ,
  },
  rebasing: { kind: 'excluded', places: ['US'], forbids: ['all'], source: 'devnet:terms/dshare-style', read: DEVNET_TERMS_READ },
  synthetic: { kind: 'excluded', places: ['US'], forbids: ['all'], source: 'devnet:terms/synthetic', read: DEVNET_TERMS_READ },
  erc3643: null,
  // Backed's bTokens: not offered to US persons.
  plain: { kind: 'excluded', places: ['US'], forbids: ['acquire'], source: 'devnet:terms/btoken-style', read: DEVNET_TERMS_READ },
};

/** The deployment's own statement of who may hold it; it says nothing of what is forbidden, so: all dealing. */
function deploymentRule(r: DevnetRestrictions): Rule {
  const allowedOnly = r.allowedOnly !== undefined;
  const places = (allowedOnly ? r.allowedOnly : r.excluded) ?? [];
  return { kind: allowedOnly ? 'allowed-only' : 'excluded', places, forbids: ['all'], source: SOURCE, read: DEVNET_TERMS_READ };
}

const CORPORATE_ACTIONS: Record<DevnetTokenDeployment['structure'], CorporateActionModel> = {
  multiplier: 'multiplier',
  rebasing: 'balance-per-share',
  'oracle-multiplier': 'oracle-multiplier',
  synthetic: 'none',
  erc3643: 'none',
  plain: 'none',
};

function feed(ref: FeedRef): Feed | undefined {
  if (!ref) return undefined;
  if (typeof ref === 'string') return { address: getAddress(ref) };
  return ref.heartbeat ? { address: getAddress(ref.address), heartbeat: ref.heartbeat } : { address: getAddress(ref.address) };
}

const SETTLEMENT: Record<DevnetIssuerDeployment['kind'], string | null> = {
  'order-processor': 'When the issuer fills the on-chain order',
  attestation: 'On-chain in one transaction, against a signed quote',
  deposit: 'Tokens sent from a pre-approved wallet to the deposit address; stablecoins paid out within T+3',
  none: null,
};

function contractAddresses(contracts: DevnetIssuerDeployment['contracts']): string[] {
  const values = Array.isArray(contracts) ? contracts : Object.values(contracts ?? {});
  return values.filter((x): x is string => typeof x === 'string' && /^0x[0-9a-fA-F]{40}$/.test(x));
}

function devnetToken(t: DevnetTokenDeployment, chainId: number): Token {
  const feeds = { price: feed(t.priceFeed), reserve: feed(t.reserveFeed), multiplierOracle: feed(t.multiplierOracle) };
  const present = Object.fromEntries(Object.entries(feeds).filter(([, f]) => f !== undefined));
  return {
    chainId,
    address: getAddress(t.address),
    symbol: t.symbol,
    name: t.name,
    decimals: t.decimals,
    issuer: t.issuer,
    kind: 'stock',
    underlying: t.underlying.exchange ? { ...t.underlying } : { ticker: t.underlying.ticker, name: t.underlying.name },
    corporateActions: CORPORATE_ACTIONS[t.structure],
    ...(Object.keys(present).length > 0 ? { feeds: present } : {}),
    rule: t.restrictions ? deploymentRule(t.restrictions) : DEVNET_TERMS[t.structure],
    verified: true,
  };
}

function devnetIssuer(i: DevnetIssuerDeployment, tokens: readonly DevnetTokenDeployment[], chainId: number): Issuer {
  const own = tokens.filter((t) => t.issuer === i.id);
  const structure: IssuerStructure = own.length > 0 && own.every((t) => t.structure === 'synthetic') ? 'synthetic' : 'custody-backed';
  const known = <T>(value: T) => ({ value, source: SOURCE, verified: true });
  return {
    id: i.id,
    name: i.name,
    legalEntity: known(`${i.name} (devnet)`),
    jurisdiction: { value: null, source: SOURCE, verified: false },
    structure: known(structure),
    custodian: { value: null, source: SOURCE, verified: false },
    proofOfReserve: own.some((t) => t.reserveFeed) ? known('Reserve feed on the devnet') : { value: null, source: SOURCE, verified: false },
    redemption: known({
      stablecoin: 'Devnet USDC',
      fee: null,
      minimums: null,
      settlement: SETTLEMENT[i.kind],
      marketHours: null,
    }),
    // The deployment states no issuer-wide rule unless it carries one: unknown, not 'none'.
    rule: i.restrictions ? deploymentRule(i.restrictions) : null,
    terms: SOURCE,
    ...(i.kind === 'order-processor' ? { api: 'dinari-v2' as const } : i.kind === 'attestation' ? { api: 'ondo-gm' as const } : {}),
    origins: i.origin ? [{ origin: new URL(i.origin).origin, verified: true, source: SOURCE }] : [],
    contracts: [
      ...contractAddresses(i.contracts).map((address) => ({ address, role: 'mint-redeem' as const })),
      ...(i.factory ? [{ address: i.factory, role: 'factory' as const }] : []),
      ...(i.depositAddress ? [{ address: i.depositAddress, role: 'redemption-deposit' as const }] : []),
      ...(i.payoutAddress ? [{ address: i.payoutAddress, role: 'payout' as const }] : []),
      ...(i.feeQuoteSigner ? [{ address: i.feeQuoteSigner, role: 'fee-quote-signer' as const }] : []),
      ...(i.attestationSigner ? [{ address: i.attestationSigner, role: 'attestation-signer' as const }] : []),
      ...(i.paymentTokens ?? []).map((address) => ({ address, role: 'payment-token' as const })),
    ].map(({ address, role }) => ({ chainId, address: getAddress(address), role, verified: true, source: SOURCE })),
    ...(i.kind === 'deposit' ? { redemptionByDeposit: { onboarding: `${SOURCE}/onboarding`, settlementDays: i.settlementDays ?? 3 } } : {}),
  };
}

/** The devnet's Uniswap factories, priced against its stablecoins; undefined when it deployed none. */
function devnetDex(deployment: DevnetDeployment): ChainDex | undefined {
  const { dex } = deployment;
  if (!dex || (!dex.uniswapV3 && !dex.uniswapV2)) return undefined;
  return {
    chainId: deployment.chainId,
    source: SOURCE,
    verified: true,
    ...(dex.uniswapV3
      ? { uniswapV3: { factory: getAddress(dex.uniswapV3.factory), poolInitCodeHash: dex.uniswapV3.poolInitCodeHash, fees: [...UNISWAP_V3_FEES] } }
      : {}),
    ...(dex.uniswapV2 ? { uniswapV2: { factory: getAddress(dex.uniswapV2.factory), pairInitCodeHash: dex.uniswapV2.pairInitCodeHash } } : {}),
    quotes: (dex.stablecoins ?? []).map((q) => ({
      address: getAddress(q.address),
      symbol: q.symbol,
      decimals: q.decimals,
      usd: { kind: 'stable' as const },
    })),
    ...(dex.protocols?.length ? { protocols: dex.protocols.map((p) => ({ address: getAddress(p.address), name: p.name })) } : {}),
  };
}

/** Registry data for a devnet deployment; with `base`, merged into it (devnet entries win). */
export function registryFromDevnet(deployment: DevnetDeployment, base?: RegistryData): RegistryData {
  const chainIds = [deployment.chainId, ...(deployment.forks ?? []).map((f) => f.chainId)];
  const tokens = chainIds.flatMap((chainId) => deployment.tokens.map((t) => devnetToken(t, chainId)));
  const issuers = deployment.issuers.map((i) => devnetIssuer(i, deployment.tokens, deployment.chainId));
  const dexes = chainIds.flatMap((chainId) => devnetDex({ ...deployment, chainId }) ?? []);
  const devnet = parseRegistryData({ issuers, tokens, ...(dexes.length > 0 ? { dexes } : {}) });
  return base ? mergeRegistryData(base, devnet) : devnet;
}

/** Adds `extra` to `base`: an issuer or token (same chain and address) in `extra` replaces base's. */
export function mergeRegistryData(base: RegistryData, extra: RegistryData): RegistryData {
  const issuerIds = new Set(extra.issuers.map((i) => i.id));
  const tokenKeys = new Set(extra.tokens.map((t) => `${t.chainId}:${t.address.toLowerCase()}`));
  const dexChains = new Set((extra.dexes ?? []).map((d) => d.chainId));
  const dexes = [...(base.dexes ?? []).filter((d) => !dexChains.has(d.chainId)), ...(extra.dexes ?? [])];
  return {
    issuers: [...base.issuers.filter((i) => !issuerIds.has(i.id)), ...extra.issuers],
    tokens: [...base.tokens.filter((t) => !tokenKeys.has(`${t.chainId}:${t.address.toLowerCase()}`)), ...extra.tokens],
    ...(dexes.length > 0 ? { dexes } : {}),
  };
}
