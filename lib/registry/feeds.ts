import { FEED_KINDS, type FeedKind, type Token } from './schema.ts';

/**
 * The token's feeds the registry marks unverified (`verified: false`: no primary source confirms
 * the address). What such a feed reports is still read, but shown as unverified wherever it is shown.
 */
export function unverifiedFeeds(token: Pick<Token, 'feeds'> | undefined): FeedKind[] {
  return FEED_KINDS.filter((kind) => token?.feeds?.[kind]?.verified === false);
}
