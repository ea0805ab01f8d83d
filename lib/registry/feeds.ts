import { FEED_KINDS, type Feed, type FeedKind, type Token } from './schema.ts';

/**
 * The token's feeds the registry marks unverified (`verified: false`: no primary source confirms
 * the address). What such a feed reports is still read, but shown as unverified wherever it is shown.
 */
export function unverifiedFeeds(token: Pick<Token, 'feeds'> | undefined): FeedKind[] {
  return FEED_KINDS.filter((kind) => token?.feeds?.[kind]?.verified === false);
}

/**
 * The feed that prices the token, one home for the rule: its share's price feed (the wallet then
 * counts the shares one token is), else a feed of the token's own price (multiplier included).
 */
export function priceFeedOf(token: Pick<Token, 'feeds'> | undefined): { feed: Feed; per: 'share' | 'token' } | undefined {
  const feeds = token?.feeds;
  if (feeds?.price) return { feed: feeds.price, per: 'share' };
  if (feeds?.tokenPrice) return { feed: feeds.tokenPrice, per: 'token' };
  return undefined;
}
