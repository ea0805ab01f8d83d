/** Where the devnet put everything; written to devnet/deployment.json and served to the dApp. */
export type Deployment = {
  chainId: number;
  rpcUrl: string;
  issuerServiceUrl: string;
  dappUrl: string;
  /** Test-only mnemonic (anvil's default). Never use it for anything real. */
  mnemonic: string;
  accounts: DevnetAccount[];
  /** Contract name -> address, e.g. USDC, Multicall3, UniswapV2Router02, PriceFeed:TSLAx. */
  contracts: Record<string, string>;
  tokens: DevnetToken[];
  issuers: DevnetIssuer[];
};

export type DevnetAccount = { address: string; role: string; index: number };

export type TokenStructure = 'multiplier' | 'rebasing' | 'oracle-multiplier' | 'synthetic' | 'erc3643';

export type DevnetToken = {
  symbol: string;
  name: string;
  address: string;
  decimals: number;
  structure: TokenStructure;
  /** Id of the DevnetIssuer that mints and redeems it. */
  issuer: string;
  underlying: { ticker: string; name: string; exchange: string };
  /** AggregatorV3 feed, USD per underlying share, 8 decimals. */
  priceFeed: string;
  /** Proof-of-reserve feed, shares held in custody, 8 decimals. */
  reserveFeed: string | null;
  /** AggregatorV3 feed with the share multiplier, 18 decimals (Ondo-style tokens only). */
  multiplierOracle: string | null;
  /** Uniswap V2 pair against USDC. */
  pair: string;
  /** Countries whose residents may not hold it (ISO 3166-1 alpha-2), as its on-chain compliance enforces. */
  restrictions?: { excluded?: string[]; allowedOnly?: string[] };
};

export type IssuerKind = 'order-processor' | 'attestation' | 'deposit';

export type DevnetIssuer = {
  id: string;
  name: string;
  /** Origin of the issuer HTTP service. */
  origin: string;
  kind: IssuerKind;
  /** Contracts the user calls to mint and redeem. */
  contracts: string[];
  /** Addresses of the tokens this issuer mints and redeems. */
  tokens: string[];
  /** A deposit issuer (Backed-style): where tokens are sent to redeem, and where payouts come from. */
  depositAddress?: string;
  payoutAddress?: string;
  settlementDays?: number;
};
