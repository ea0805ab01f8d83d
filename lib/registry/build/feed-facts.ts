/**
 * Chainlink feeds for the bundled tokens, transcribed for the registry generator (issue 12).
 *
 * Ethereum rows: read in a copy of Chainlink's reference-data directory for Ethereum mainnet
 * (the JSON that docs.chain.link/data-feeds/price-feeds/addresses renders), pinned in a public
 * repository on 2026-09-19 (its PIN file names the directory URL, etag and Last-Modified). The
 * directory is Chainlink's own data, but what was read is a third party's copy of it. BNB Chain
 * and Arbitrum rows: see DUNE_BNB below. So every address here stays `verified: false` until
 * someone reads it at docs.chain.link or checks `description()` on chain. No address is
 * inferred: each row is one list entry's proxy address (and, for Ethereum, its heartbeat; all
 * are 8 decimals), copied as listed.
 *
 * Which tokens get a feed: a `price` feed in the registry is the price of ONE SHARE of the
 * underlying (lib/portfolio multiplies it by the shares a balance is). So
 * - an xStock (model 'multiplier': its balance already counts the multiplier) on the feed's
 *   chain gets the share feed of its ticker;
 * - an Ondo GM token (model 'oracle-multiplier') needs its sValue as well. Ondo's
 *   SyntheticSharesOracle is one contract per chain read per asset (`getSValue(asset)`, per
 *   docs.chain.link/data-feeds/tokenized-equity-feeds/ondo and public adapters of it), not the
 *   AggregatorV3 `latestRoundData` the wallet reads from `multiplierOracle`, and its address was
 *   found only in code the index cannot name a repository for. A price without sValue would
 *   leave the holding without a value where a DEX pool could price the token itself, so the
 *   share feed is NOT attached to GM tokens until their sValue is readable (see
 *   ONDO_TOKEN_PRICE_FEEDS for the token-price feeds Chainlink runs for some of them).
 */
import type { Feed, Token } from '../schema.ts';

/** The copy that was read (the repository pins the directory at this commit). */
export const CHAINLINK_DIRECTORY_COPY =
  'https://github.com/appCryptoCrucible/liquidation/blob/bc096a0ff23ffea0f443b64cd8081e1878b7392c/registry/feeds-mainnet.json';
/** The directory itself, as named by that copy's PIN file and by docs.chain.link. */
export const CHAINLINK_DIRECTORY = 'https://reference-data-directory.vercel.app/feeds-mainnet.json';
const READ = '2026-12-03';

export interface ShareFeedFact {
  chainId: number;
  /** The underlying's ticker as the registry reads it off the token's name (TSLAx -> TSLA). */
  ticker: string;
  /** The list entry's name, for whoever checks the row. */
  name: string;
  address: string;
  /** Seconds, where the list read gives one (else the wallet's 24 h default applies). */
  heartbeat?: number;
  /** Where the row was read. */
  source: string;
}

/**
 * BNB Chain and Arbitrum: no copy of Chainlink's own directory for these chains was found, so
 * their rows come from Dune's Chainlink spell (a public table of Chainlink proxies per chain,
 * maintained by a Chainlink node operator), kept only where a second, independent public list
 * names the same proxy for the same ticker (the others are in the report, not here). The
 * Arbitrum table's equity rows are in a version whose commit could not be pinned.
 */
const DUNE_BNB =
  'https://github.com/duneanalytics/spellbook/blob/55d3d22da077b32af5707ce6d33d5bef27e237bb/dbt_subprojects/daily_spellbook/models/chainlink/bnb/chainlink_bnb_price_feeds_oracle_addresses.sql';
const DUNE_ARBITRUM =
  'https://github.com/duneanalytics/spellbook/blob/main/dbt_subprojects/daily_spellbook/models/chainlink/arbitrum/chainlink_arbitrum_price_feeds_oracle_addresses.sql';

// ---- feed-facts: share price feeds (Ethereum from the Chainlink directory copy; BNB Chain, Arbitrum from Dune's table) ----
export const SHARE_PRICE_FEEDS: readonly ShareFeedFact[] = [
  {
    chainId: 1,
    ticker: 'TSLA',
    name: 'TSLA-USD (24/5)',
    address: '0xB204328559E17F84eE7A285036AA0d47124F85D5',
    heartbeat: 86400,
    source: CHAINLINK_DIRECTORY_COPY,
  },
  {
    chainId: 1,
    ticker: 'NVDA',
    name: 'NVDA-USD (24/5)',
    address: '0x2c47b8CD75C818969b398911b70C633e280552d4',
    heartbeat: 86400,
    source: CHAINLINK_DIRECTORY_COPY,
  },
  {
    chainId: 1,
    ticker: 'GOOGL',
    name: 'GOOGL-USD (24/5)',
    address: '0x4720bcC6f940d709D7e2F510936e611Db07C240E',
    heartbeat: 86400,
    source: CHAINLINK_DIRECTORY_COPY,
  },
  {
    chainId: 1,
    ticker: 'SPY',
    name: 'SPY-USD (24/5)',
    address: '0x25efbA0d9b115D233cfA849F16BA743E8FFba2a1',
    heartbeat: 86400,
    source: CHAINLINK_DIRECTORY_COPY,
  },
  {
    chainId: 1,
    ticker: 'QQQ',
    name: 'QQQ-USD (24/5)',
    address: '0xA1D955b4E582C784583df7071B8a3Fb6d4bcaC42',
    heartbeat: 86400,
    source: CHAINLINK_DIRECTORY_COPY,
  },
  {
    chainId: 1,
    ticker: 'STRC',
    name: 'STRC / USD',
    address: '0xf4d2076277fff631EFC4385Ab36b1f7734218d23',
    heartbeat: 86400,
    source: CHAINLINK_DIRECTORY_COPY,
  },
  {
    chainId: 1,
    ticker: 'SPCX',
    name: 'SPCX-USD (24/5)',
    address: '0xa4f8f863a192FB028c81E242740A48fFf89883AA',
    heartbeat: 86400,
    source: CHAINLINK_DIRECTORY_COPY,
  },
  {
    chainId: 1,
    ticker: 'SHV',
    name: 'SHV / USD',
    address: '0xc04611C43842220fd941515F86d1DDdB15F04e46',
    heartbeat: 86400,
    source: CHAINLINK_DIRECTORY_COPY,
  },
  { chainId: 56, ticker: 'TSLA', name: 'TSLA / USD', address: '0xEEA2ae9c074E87596A85ABE698B2Afebc9B57893', source: DUNE_BNB },
  { chainId: 56, ticker: 'NVDA', name: 'NVDA / USD', address: '0xea5c2Cbb5cD57daC24E26180b19a929F3E9699B8', source: DUNE_BNB },
  { chainId: 56, ticker: 'AAPL', name: 'AAPL / USD', address: '0xb7Ed5bE7977d61E83534230f3256C021e0fae0B6', source: DUNE_BNB },
  { chainId: 56, ticker: 'MSFT', name: 'MSFT / USD', address: '0x5D209cE1fBABeAA8E6f9De4514A74FFB4b34560F', source: DUNE_BNB },
  { chainId: 56, ticker: 'AMZN', name: 'AMZN / USD', address: '0x51d08ca89d3e8c12535BA8AEd33cDf2557ab5b2a', source: DUNE_BNB },
  { chainId: 56, ticker: 'GOOGL', name: 'GOOGL / USD', address: '0xeDA73F8acb669274B15A977Cb0cdA57a84F18c2a', source: DUNE_BNB },
  { chainId: 56, ticker: 'META', name: 'FB / USD (META since the rename)', address: '0xfc76E9445952A3C31369dFd26edfdfb9713DF5Bb', source: DUNE_BNB },
  { chainId: 56, ticker: 'NFLX', name: 'NFLX / USD', address: '0x1fE6c9Bd9B29e5810c2819f37dDa8559739ebeC9', source: DUNE_BNB },
  { chainId: 42161, ticker: 'TSLA', name: 'TSLA / USD', address: '0x3609baAa0a9b1f0FE4d6CC01884585d0e191C3E3', source: DUNE_ARBITRUM },
  { chainId: 42161, ticker: 'NVDA', name: 'NVDA / USD', address: '0x4881A4418b5F2460B21d6F08CD5aA0678a7f262F', source: DUNE_ARBITRUM },
  { chainId: 42161, ticker: 'AAPL', name: 'AAPL / USD', address: '0x8d0CC5f38f9E802475f2CFf4F9fc7000C2E1557c', source: DUNE_ARBITRUM },
  { chainId: 42161, ticker: 'MSFT', name: 'MSFT / USD', address: '0xDde33fb9F21739602806580bdd73BAd831DcA867', source: DUNE_ARBITRUM },
  { chainId: 42161, ticker: 'COIN', name: 'COIN / USD', address: '0x950DC95D4E537A14283059bADC2734977C454498', source: DUNE_ARBITRUM },
  { chainId: 42161, ticker: 'SPY', name: 'SPY / USD', address: '0x46306F3795342117721D8DEd50fbcF6DF2b3cc10', source: DUNE_ARBITRUM },
  { chainId: 42161, ticker: 'META', name: 'META / USD', address: '0xcd1bd86fDc33080DCF1b5715B6FCe04eC6F85845', source: DUNE_ARBITRUM },
];

/**
 * Ondo GM token-price feeds ("Total Return Value": the share price times sValue, per
 * docs.chain.link/data-feeds/tokenized-equity-feeds/ondo), Ethereum mainnet, from the same copy.
 * They go in the registry's `tokenPrice` slot (the token's own price, sValue in it), not in `price`
 * (a share's), which would count sValue twice. Of each token's two, the "Calculated" one is bundled:
 * Chainlink computes it from the share price and the multiplier, so it does not simply repeat the
 * issuer's API, which an issuer quote is checked against.
 */
export const ONDO_TOKEN_PRICE_FEEDS: readonly { chainId: number; symbol: string; name: string; address: string }[] = [
  { chainId: 1, symbol: 'TSLAon', name: 'TSLAon-USD (Calculated)', address: '0x89904B6fcF8dAD1e5DA47dFdF69fC38Ad6be0bd5' },
  { chainId: 1, symbol: 'TSLAon', name: 'TSLAon / USD (Ondo API)', address: '0x737401E0D1299D8A85b653Fd52823501f4FE0be0' },
  { chainId: 1, symbol: 'SPYon', name: 'SPYon-USD (Calculated)', address: '0xd16cC387E87d37350f57421DaDF811968441C1a5' },
  { chainId: 1, symbol: 'SPYon', name: 'SPYon / USD (Ondo API)', address: '0x6EcC1b902dB35eAFE95332443802774Fd1D72576' },
  { chainId: 1, symbol: 'QQQon', name: 'QQQon-USD (Calculated)', address: '0x2098C245Fe4C80cdA93cF85Cff0718328D4eEa85' },
  { chainId: 1, symbol: 'QQQon', name: 'QQQon / USD (Ondo API)', address: '0xE5DF423251c67D85B2D70787Af76069d96BC4D4C' },
  { chainId: 1, symbol: 'STRCon', name: 'STRCon-USD (Calculated)', address: '0xC353ac4b425f818Ad87E228bf816E15c2173AC07' },
  { chainId: 1, symbol: 'STRCon', name: 'STRCon / USD (Ondo API)', address: '0x67d4Ae9f265270aE123c08D2657536771D19cD91' },
  { chainId: 1, symbol: 'SGOVon', name: 'SGOVon / USD (Calculated)', address: '0xfE45662E9fA552464289B0568D4A846c6F284Db9' },
  { chainId: 1, symbol: 'SGOVon', name: 'SGOVon / USD (Ondo API)', address: '0x03A624CB084536eA9cB51AbEeecBF47b325130C1' },
  { chainId: 1, symbol: 'IAUon', name: 'IAUon-USD (Calculated)', address: '0x1f09475Fe4D212fC24611bAE180201869956c238' },
  { chainId: 1, symbol: 'IAUon', name: 'IAUon-USD (Ondo API)', address: '0x8B3b1f59D7A813d512C1144AC45E58E6e5224160' },
  { chainId: 1, symbol: 'USFRon', name: 'USFRon-USD (Calculated)', address: '0xC5D98E16Bcb6Cf753BA27A24Df2A04c2F0267E57' },
  { chainId: 1, symbol: 'USFRon', name: 'USFRon-USD (Ondo API)', address: '0x09d6EbF4662b5534BD5feD4159A113Ca9d471098' },
  { chainId: 1, symbol: 'FLHYon', name: 'FLHYon / USD (Calculated)', address: '0xe35CcF1bE62Bc13f2f259acE624db10C3d527135' },
  { chainId: 1, symbol: 'FLHYon', name: 'FLHYon-USD (Ondo API)', address: '0x917da15AD7C4801eB63540D1db34A4174931e132' },
];
// ---- end feed-facts ----

function shareFeed(fact: ShareFeedFact): Feed {
  return { address: fact.address, ...(fact.heartbeat ? { heartbeat: fact.heartbeat } : {}), source: fact.source, read: READ, verified: false };
}

/** Whether the wallet can turn a share price into this token's value with what the registry holds. */
function countsShares(token: Token): boolean {
  if (token.corporateActions === 'oracle-multiplier') return token.feeds?.multiplierOracle !== undefined;
  return true;
}

/** The bundled token-price feed of each Ondo GM token that has one, by chain and symbol. */
const tokenPriceFeeds = () =>
  new Map(
    ONDO_TOKEN_PRICE_FEEDS.filter((f) => f.name.includes('Calculated')).map((f) => [
      `${f.chainId}:${f.symbol}`,
      { address: f.address, source: CHAINLINK_DIRECTORY_COPY, read: READ, verified: false } satisfies Feed,
    ]),
  );

/**
 * Tokens with the sourced share-price feed of their ticker on their chain, where one applies, and
 * otherwise (Ondo GM) a sourced feed of the token's own price.
 */
export function withFeedFacts(tokens: readonly Token[], facts: readonly ShareFeedFact[] = SHARE_PRICE_FEEDS): Token[] {
  const byKey = new Map(facts.map((f) => [`${f.chainId}:${f.ticker}`, f]));
  const ownPrice = tokenPriceFeeds();
  return tokens.map((token) => {
    if (token.kind !== 'stock' || !token.underlying || token.feeds?.price) return token;
    const fact = byKey.get(`${token.chainId}:${token.underlying.ticker}`);
    if (fact && countsShares(token)) return { ...token, feeds: { ...token.feeds, price: shareFeed(fact) } };
    const tokenPrice = token.feeds?.tokenPrice ? undefined : ownPrice.get(`${token.chainId}:${token.symbol}`);
    return tokenPrice ? { ...token, feeds: { ...token.feeds, tokenPrice } } : token;
  });
}
