/** Where the devnet put everything; written to devnet/deployment.json and served to the dApp. */
export type Deployment = {
  chainId: number;
  rpcUrl: string;
  issuerServiceUrl: string;
  dappUrl: string;
  /** Test-only mnemonic (anvil's default). Never use it for anything real. */
  mnemonic: string;
  accounts: DevnetAccount[];
  /**
   * Contract name -> address, e.g. USDC, Multicall3, UniswapV2Router02, PriceFeed:TSLAx; the
   * executing routers: UniversalRouter (over WETH9 and the V2 factory; pools UniswapV2Pair:TSLAx/WETH
   * and UniswapV2Pair:NVDAon/WETH), GPv2Settlement with GPv2AllowListAuthentication (the `solver`
   * account is its one solver) and the GPv2VaultRelayer that pulls an order's sell token.
   */
  contracts: Record<string, string>;
  tokens: DevnetToken[];
  issuers: DevnetIssuer[];
  /** Uniswap V3 and V2 as the wallet prices from them, and the pools opened for stocks without a feed. */
  dex: DexDeployment;
  /** Forks of this devnet under other chain ids (anvil --fork-url) a wallet build lists the tokens on too; none by default. */
  forks?: { chainId: number }[];
};

export type DevnetPool = {
  /** The stock's symbol and the quote token's, e.g. bCOIN and USDC. */
  symbol: string;
  quote: string;
  token: string;
  /** V3 fee tier in hundredths of a bip. */
  fee: number;
  address: string;
  /** USDC the pool was opened with (6 decimals): its quote-side depth. */
  quoteDepth: string;
};

export type DexDeployment = {
  uniswapV3: {
    factory: string;
    swapRouter: string;
    quoterV2: string;
    positionManager: string;
    /** keccak256 of UniswapV3Pool's creation code: what pool addresses are CREATE2'd with. */
    poolInitCodeHash: string;
    pools: DevnetPool[];
  };
  uniswapV2: { factory: string; pairInitCodeHash: string };
  /** Quote tokens worth $1 that the pools price against. */
  stablecoins: { address: string; symbol: string; decimals: number }[];
  /** The routers and settlement the wallet names in its approval window (DevnetOpaqueRouter is left unnamed, as an unknown aggregator). */
  protocols: { address: string; name: string }[];
};

export type DevnetAccount = { address: string; role: string; index: number };

/** 'plain': a Backed bToken-style ERC-20, one token per share, with no price feed. */
export type TokenStructure = 'multiplier' | 'rebasing' | 'oracle-multiplier' | 'synthetic' | 'erc3643' | 'plain';

export type DevnetToken = {
  symbol: string;
  name: string;
  address: string;
  decimals: number;
  structure: TokenStructure;
  /** Id of the DevnetIssuer that mints and redeems it. */
  issuer: string;
  underlying: { ticker: string; name: string; exchange: string };
  /** AggregatorV3 feed, USD per underlying share, 8 decimals; null for a token priced only by its pools. */
  priceFeed: string | null;
  /** Proof-of-reserve feed, shares held in custody, 8 decimals. */
  reserveFeed: string | null;
  /** AggregatorV3 feed with the share multiplier, 18 decimals (Ondo-style tokens only). */
  multiplierOracle: string | null;
  /** Uniswap V2 pair against USDC; null when it has none. */
  pair: string | null;
  /** Countries whose residents may not hold it (ISO 3166-1 alpha-2), as its on-chain compliance enforces. */
  restrictions?: { excluded?: string[]; allowedOnly?: string[] };
};

/** 'deposit': redemption by sending tokens to the issuer's deposit address (Backed); 'none': no mint/redeem API. */
export type IssuerKind = 'order-processor' | 'attestation' | 'deposit' | 'none';

export type DevnetIssuer = {
  id: string;
  name: string;
  /** Origin of the issuer HTTP service; null for an issuer without one. */
  origin: string | null;
  kind: IssuerKind;
  /** Contracts the user calls to mint and redeem. */
  contracts: string[];
  /** The issuer's token factory (a Dinari-style DShareFactory), which the registry names with role 'factory'. */
  factory?: string;
  /** Addresses of the tokens this issuer mints and redeems. */
  tokens: string[];
  /** A deposit issuer (Backed-style): where tokens are sent to redeem, and where payouts come from. */
  depositAddress?: string;
  payoutAddress?: string;
  settlementDays?: number;
  /** A Dinari-style issuer: the key that signs its fee quotes; it and an Ondo-style one: the stablecoins they take, and the devnet API keys. */
  feeQuoteSigner?: string;
  paymentTokens?: string[];
  apiKeys?: Record<string, string>;
  /** An Ondo-style issuer: the key that signs its attestations. */
  attestationSigner?: string;
};
