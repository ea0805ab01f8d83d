// The price check in the background: a quote far from the wallet's price is returned marked and
// refused at submit with nothing sent, whatever the popup does; a warning still lets it through.
import { describe, expect, it } from 'vitest';
import { askedQuantity, attestationQuote, CHAIN_ID, E18, setBalance, TOKENS, USDC, USER } from './fixtures';
import { createHarness } from './service-harness';

function harness(feedDollars: number) {
  const h = createHarness();
  setBalance(h.chain, USDC, USER, 1_000_000_000n);
  h.chain.feedAnswer = BigInt(feedDollars * 100) * 10n ** 6n;
  // The issuer quotes NVDAon at $120.
  h.http.routes['POST /v1/attestations'] = (body) => {
    const b = body as { side: 'buy' | 'sell'; quantity: string };
    return [200, attestationQuote(b.side, askedQuantity(b))];
  };
  return h;
}
const ask = { chainId: CHAIN_ID, token: TOKENS.NVDA, side: 'mint' as const, quantity: E18 };

describe('issuer quotes against the wallet price', () => {
  it.each([
    { feed: 120, level: 'ok' },
    { feed: 114, level: 'warn' },
    { feed: 104, level: 'block' },
  ])('a $120 quote with the feed at $$feed is $level', async ({ feed, level }) => {
    const quote = await harness(feed).service.quote(ask);
    expect(quote.priceCheck).toMatchObject({ level, source: 'feed' });
  });

  it('refuses to submit a quote more than 10% off the feed, sending nothing', async () => {
    const h = harness(100);
    const quote = await h.service.quote(ask);
    expect(quote.priceCheck?.level).toBe('block');
    await expect(h.service.submit(quote.id)).rejects.toMatchObject({ code: 'issuer.price_deviation', message: /20% above the price feed/ });
    expect(h.sent).toEqual([]);
    expect(await h.service.status(quote.id)).toMatchObject({ status: 'failed', error: { code: 'issuer.price_deviation' } });
  });

  it('refuses at submit when the feed moved away from the quote after it was given', async () => {
    const h = harness(120);
    const quote = await h.service.quote(ask);
    expect(quote.priceCheck?.level).toBe('ok');
    h.chain.feedAnswer = 150n * 10n ** 8n;
    await expect(h.service.submit(quote.id)).rejects.toMatchObject({ code: 'issuer.price_deviation' });
    expect(h.sent).toEqual([]);
  });

  it('a warning does not stop the request: the approval and the mint are sent', async () => {
    const h = harness(114);
    const quote = await h.service.quote(ask);
    await h.service.submit(quote.id);
    expect(h.sent).toHaveLength(2);
  });

  it('a token without a feed is quoted with "no market price to compare"', async () => {
    const h = harness(120);
    h.http.routes['POST /v1/attestations'] = (body) => [200, { ...attestationQuote('buy', askedQuantity(body), TOKENS.AMZN), symbol: 'AMZNr' }];
    const quote = await h.service.quote({ ...ask, token: TOKENS.AMZN });
    expect(quote.priceCheck).toMatchObject({ level: 'unknown', source: 'none', message: /No market price to compare/ });
  });
});
