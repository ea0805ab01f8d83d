import { mnemonicToAccount } from 'viem/accounts';
import type { TokenStructure } from './types.ts';

/** anvil's default test mnemonic. Test-only: every key derived from it is public. */
export const devnetMnemonic = 'test test test test test test test test test test test junk';
export const devnetChainId = 31337;

/** The local signing key of a devnet account (index into the mnemonic). */
export const accountAt = (index: number) => mnemonicToAccount(devnetMnemonic, { addressIndex: index });

export const indexOfRole = (role: Role) => accountRoles.find((a) => a.role === role)!.index;

export const accountRoles = [
  { index: 0, role: 'user' }, // holds every stock, USDC and ETH; KYC-verified; T-REX investor in DE; admitted by KSTR, OSPR, HRON
  { index: 1, role: 'us-investor' }, // T-REX investor in the US, not KYC-verified at the issuers; denied by OSPR, US-listed in HRON
  { index: 2, role: 'unverified' }, // nothing registered anywhere
  { index: 3, role: 'de-investor' }, // T-REX investor in Germany holding nothing
  { index: 4, role: 'backed-deposit' }, // the Backed-style issuer's registered redemption deposit address
  { index: 5, role: 'backed-payout' }, // pays the Backed-style redemptions out in USDC
  { index: 7, role: 'solver' }, // the one solver CoW's allow-list admits: settles signed orders on the devnet's GPv2Settlement
  { index: 8, role: 'issuer-operator' }, // fills orders, signs quotes and attestations
  { index: 9, role: 'deployer' }, // owns every devnet contract and feed
] as const;

export type Role = (typeof accountRoles)[number]['role'];

export type IssuerId = 'orders' | 'attest' | 'backed';

export type StockSpec = {
  symbol: string;
  name: string;
  structure: TokenStructure;
  issuer: IssuerId;
  underlying: { ticker: string; name: string; exchange: string };
  /** USD per underlying share, 8 decimals. */
  price: bigint;
  /** Proof of reserve relative to supply in basis points, or null for no reserve feed. */
  reserveBps: bigint | null;
  /** Who may not hold it, stated in the deployment so the wallet's registry knows the rule. */
  restrictions?: { excluded: string[] };
};

/** Dollars as an 8-decimal feed answer. */
export const usd8 = (dollars: number) => BigInt(Math.round(dollars * 100)) * 10n ** 6n;

export const stocks: StockSpec[] = [
  {
    symbol: 'TSLAx',
    name: 'Tesla xStock (devnet)',
    structure: 'multiplier',
    issuer: 'orders',
    underlying: { ticker: 'TSLA', name: 'Tesla, Inc.', exchange: 'NASDAQ' },
    price: usd8(250),
    reserveBps: 10_500n,
  },
  {
    symbol: 'AAPL.d',
    name: 'Apple dShare (devnet)',
    structure: 'rebasing',
    issuer: 'orders',
    underlying: { ticker: 'AAPL', name: 'Apple Inc.', exchange: 'NASDAQ' },
    price: usd8(200),
    reserveBps: 9_200n,
  },
  {
    symbol: 'NVDAon',
    name: 'NVIDIA (Ondo Tokenized, devnet)',
    structure: 'oracle-multiplier',
    issuer: 'attest',
    underlying: { ticker: 'NVDA', name: 'NVIDIA Corporation', exchange: 'NASDAQ' },
    price: usd8(120),
    reserveBps: null,
  },
  {
    symbol: 'sMSFT',
    name: 'Synthetic Microsoft (devnet)',
    structure: 'synthetic',
    issuer: 'attest',
    underlying: { ticker: 'MSFT', name: 'Microsoft Corporation', exchange: 'NASDAQ' },
    price: usd8(420),
    reserveBps: null,
  },
  {
    symbol: 'AMZNr',
    name: 'Amazon Restricted Security (devnet, ERC-3643)',
    structure: 'erc3643',
    issuer: 'attest',
    underlying: { ticker: 'AMZN', name: 'Amazon.com, Inc.', exchange: 'NASDAQ' },
    price: usd8(180),
    reserveBps: null,
    // Its T-REX CountryRestrictModule refuses receivers in the US (840).
    restrictions: { excluded: ['US'] },
  },
];

/** xStocks-style management fee: 0.25% a year, charged daily by decaying the multiplier. */
export const feePeriodSeconds = 86_400n;
export const feePerPeriod = (25n * 10n ** 14n) / 365n;
/** The split applied on-chain at deploy (2:1) and the Ondo-style multiplier (dividends reinvested). */
export const pastSplitMultiplier = 2n * 10n ** 18n;
export const oracleMultiplier = 1_023_400_000_000_000_000n;

export const issuerNames: Record<IssuerId, string> = {
  orders: 'Devnet Orders (Dinari-style order processor)',
  attest: 'Devnet Attest (Ondo-style attestations)',
  backed: 'Devnet Backed (bTokens and xStocks: redemption by deposit, no mint API)',
};

/**
 * Backed bToken-style stocks with no price feed: the wallet can price them only from their
 * Uniswap V3 pool against USDC. bCOIN's pool is deep (and it has a shallower V2 pair too);
 * bIB01's pool holds less USDC than the wallet's liquidity floor, so it must show no price.
 */
export type DexStockSpec = {
  symbol: string;
  name: string;
  underlying: { ticker: string; name: string; exchange: string };
  /** The pools' price, USD per token, 8 decimals. */
  price: bigint;
  /** Tokens in the V3 USDC pool (0.3% tier, full range), and in the V2 pair (null: no pair). */
  v3PoolShares: number;
  v2PoolShares: number | null;
};

export const dexStocks: DexStockSpec[] = [
  {
    symbol: 'bCOIN',
    name: 'Backed Coinbase Global (devnet)',
    underlying: { ticker: 'COIN', name: 'Coinbase Global, Inc.', exchange: 'NASDAQ' },
    price: usd8(250),
    v3PoolShares: 1_000,
    v2PoolShares: 100,
  },
  {
    symbol: 'bIB01',
    name: 'Backed IB01 $ Treasury Bond 0-1yr (devnet)',
    underlying: { ticker: 'IB01', name: 'iShares $ Treasury Bond 0-1yr UCITS ETF', exchange: 'LSE' },
    price: usd8(115),
    v3PoolShares: 20,
    v2PoolShares: null,
  },
];

/**
 * The Backed-style issuer's token, deployed after everything else so no earlier address moves:
 * an xStocks multiplier token redeemed by sending it from a pre-approved wallet to the issuer's
 * deposit address, paid out in USDC (devnet: a few seconds; real: within T+3).
 */
export const backedStock: StockSpec = {
  symbol: 'SPYx',
  name: 'SP500 xStock (devnet)',
  structure: 'multiplier',
  issuer: 'backed',
  underlying: { ticker: 'SPY', name: 'SPDR S&P 500 ETF Trust', exchange: 'NYSE Arca' },
  price: usd8(600),
  reserveBps: null,
};
/** Business days within which the Backed-style issuer pays a redemption out (docs.backed.fi: T+3 at most). */
export const backedSettlementDays = 3;
/** The Backed-style issuer's redemption fee, basis points of the value at the feed price. */
export const backedRedemptionFeeBps = 50n;
