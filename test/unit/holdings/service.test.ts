import { describe, expect, it } from 'vitest';
import { WAD } from '../../../lib/portfolio/index.ts';
import type { PortfolioResult, TokenDetailView } from '../../../lib/holdings';
import { erc20, feed, feedWithRounds } from '../portfolio/fake-chain.ts';
import { ACCOUNT_0, ACCOUNT_1, DISTRIBUTOR, FEEDS, PASSWORD, portfolioWallet, START, TOKENS } from './fixtures.ts';

type Detail = TokenDetailView & { readError: string | null };
const rows = (r: PortfolioResult, account = ACCOUNT_0) => r.view.accounts.find((a) => a.address === account)?.holdings ?? [];
const row = (r: PortfolioResult, address: string, account = ACCOUNT_0) => rows(r, account).find((h) => h.token.address === address);

describe('portfolio.refresh', () => {
  it('reads every token for every visible account in one eth_call after checking the chain id', async () => {
    const t = await portfolioWallet();
    const result = await t.call<PortfolioResult>('portfolio.refresh');
    expect(t.node.methods).toEqual(['eth_chainId', 'eth_call']);
    expect(result.view.accounts.map((a) => a.address)).toEqual([ACCOUNT_0, ACCOUNT_1]);
    expect(rows(result).map((h) => h.token.symbol)).toEqual(['ACMEx', 'ACME.d', 'BETAon', 'GAMMAr', 'ACMEx']);
    expect(rows(result, ACCOUNT_1).map((h) => h.token.symbol)).toEqual(['ACMEx']);
    expect(row(result, TOKENS.ondo)).toMatchObject({
      amount: (10n * WAD).toString(),
      underlyingAmount: (11n * WAD).toString(),
      value: '55000000000',
    });
  });

  it('totals the USD value of an account and says when a holding has no price', async () => {
    const t = await portfolioWallet();
    const result = await t.call<PortfolioResult>('portfolio.refresh');
    const account = result.view.accounts[0];
    // 2 x $200 + 4 x $200 + 11 x $50; GAMMAr and the watched token have no price feed.
    expect(account.totalValue).toBe('175000000000');
    expect(account.totalIncomplete).toBe(true);
  });

  it('hides zero balances', async () => {
    const t = await portfolioWallet();
    const result = await t.call<PortfolioResult>('portfolio.refresh');
    expect(row(result, TOKENS.unheld)).toBeUndefined();
    expect(result.view.accounts.flatMap((a) => a.holdings).every((h) => h.amount !== '0')).toBe(true);
  });

  it('lists a watched token as unlisted and unverified, flagged when it imitates a registry symbol', async () => {
    const t = await portfolioWallet();
    const watched = row(await t.call<PortfolioResult>('portfolio.refresh'), TOKENS.watched);
    expect(watched).toMatchObject({ listed: false, verified: false, lookalikeOf: 'ACMEx', amount: '7000000', value: null });
    const listed = row(await t.call<PortfolioResult>('portfolio.get'), TOKENS.xstock);
    expect(listed).toMatchObject({ listed: true, verified: true, name: 'Acme xStock', underlying: { ticker: 'ACME' } });
    expect(listed?.lookalikeOf).toBeUndefined();
  });

  it('reads only the block number when no block came since the last refresh, and everything on a new block', async () => {
    const t = await portfolioWallet();
    await t.call('portfolio.refresh');
    t.node.methods.length = 0;
    await t.call('portfolio.refresh');
    expect(t.node.methods).toEqual(['eth_blockNumber']);

    t.node.methods.length = 0;
    t.node.block += 1n;
    t.node.contracts[TOKENS.xstock] = erc20({ [ACCOUNT_0]: 6n * WAD }, { multiplier: () => 3n * WAD, totalSupply: () => 300n * WAD });
    const after = await t.call<PortfolioResult>('portfolio.refresh');
    expect(t.node.methods).toEqual(['eth_blockNumber', 'eth_call']);
    expect(row(after, TOKENS.xstock)).toMatchObject({ amount: (6n * WAD).toString(), factor: (3n * WAD).toString() });
  });

  it('reads everything again when asked to force, or once the snapshot is a minute old', async () => {
    const t = await portfolioWallet();
    await t.call('portfolio.refresh');
    t.node.methods.length = 0;
    await t.call('portfolio.refresh', { force: true });
    expect(t.node.methods).toEqual(['eth_call']);
    t.node.methods.length = 0;
    t.clock.advance(61_000);
    await t.call('portfolio.refresh');
    expect(t.node.methods).toEqual(['eth_call']);
  });

  it('keeps the last good holdings with a notice when the node is down, and drops the notice once it answers', async () => {
    const t = await portfolioWallet();
    const good = await t.call<PortfolioResult>('portfolio.refresh');
    t.node.down = true;
    t.clock.advance(61_000);
    const down = await t.call<PortfolioResult>('portfolio.refresh');
    const summary = (r: PortfolioResult) =>
      r.view.accounts.map((a) => [a.address, a.totalValue, a.holdings.map((h) => [h.token.symbol, h.amount, h.value])]);
    expect(summary(down)).toEqual(summary(good));
    expect(down.view.notice).toMatchObject({ code: 'portfolio.showing_last_good', since: START });
    expect(down.view.notice?.message).toMatch(/did not answer/);
    t.node.down = false;
    const back = await t.call<PortfolioResult>('portfolio.refresh');
    expect(back.view.notice).toBeUndefined();
    expect(back.view.status).toBe('ok');
  });

  it('keeps the last good holdings when the node answers for another chain', async () => {
    const t = await portfolioWallet();
    const good = await t.call<PortfolioResult>('portfolio.refresh');
    t.node.chainId = 1;
    t.clock.advance(6 * 60_000);
    const wrong = await t.call<PortfolioResult>('portfolio.refresh');
    expect(rows(wrong).map((h) => h.amount)).toEqual(rows(good).map((h) => h.amount));
    expect(wrong.view.errors).toEqual([expect.objectContaining({ code: 'portfolio.wrong_chain' })]);
    expect(wrong.view.notice?.message).toMatch(/chain 1, not 31337/);
    expect(t.node.methods.at(-1)).toBe('eth_chainId');
  });

  it('says so when the first refresh fails and there is nothing to show', async () => {
    const t = await portfolioWallet();
    t.node.down = true;
    const result = await t.call<PortfolioResult>('portfolio.refresh');
    expect(result.view).toMatchObject({ status: 'failed', accounts: [], errors: [expect.objectContaining({ code: 'portfolio.rpc_failed' })] });
  });

  it('shares one read between refreshes asked at the same time', async () => {
    const t = await portfolioWallet();
    const [a, b] = await Promise.all([t.call<PortfolioResult>('portfolio.refresh'), t.call<PortfolioResult>('portfolio.refresh')]);
    expect(a.view).toEqual(b.view);
    expect(t.node.methods).toEqual(['eth_chainId', 'eth_call']);
  });

  it('refuses while the wallet is locked', async () => {
    const t = await portfolioWallet();
    await t.wallet.keys.lock();
    await expect(t.call('portfolio.refresh')).rejects.toMatchObject({ code: 'portfolio.locked' });
    await expect(t.call('portfolio.get')).rejects.toMatchObject({ code: 'portfolio.locked' });
    expect(t.node.methods).toEqual([]);
  });
});

describe('portfolio.get', () => {
  it('answers from storage without asking the node, and reports no refresh running', async () => {
    const t = await portfolioWallet();
    expect((await t.call<PortfolioResult>('portfolio.get')).view).toMatchObject({ status: 'empty', accounts: [] });
    const refreshed = await t.call<PortfolioResult>('portfolio.refresh');
    t.node.methods.length = 0;
    const cached = await t.call<PortfolioResult>('portfolio.get');
    expect(t.node.methods).toEqual([]);
    expect(cached).toEqual({ view: refreshed.view, refreshing: false });
  });

  it('sends only the asked account when the popup names one', async () => {
    const t = await portfolioWallet();
    await t.call('portfolio.refresh');
    const one = await t.call<PortfolioResult>('portfolio.get', { account: ACCOUNT_1.toLowerCase() });
    expect(one.view.accounts.map((a) => a.address)).toEqual([ACCOUNT_1]);
    const refreshed = await t.call<PortfolioResult>('portfolio.refresh', { account: ACCOUNT_1 });
    expect(refreshed.view.accounts.map((a) => a.address)).toEqual([ACCOUNT_1]);
  });

  it('survives a restart: a new service reads the cached snapshot from storage.local', async () => {
    const t = await portfolioWallet();
    const refreshed = await t.call<PortfolioResult>('portfolio.refresh');
    await new Promise((r) => setTimeout(r, 0)); // the storage write follows the answer
    const stored = t.local.dump()['portfolio.snapshot.31337'] as { snapshot: { accounts: unknown[] } };
    expect(stored.snapshot.accounts).toHaveLength(2);
    const { createUiApi } = await import('../../../lib/commands');
    const again = createUiApi(t.wallet, { schedule: () => undefined }, t.clock);
    expect(((await again.handle('portfolio.get', {})) as PortfolioResult).view).toEqual(refreshed.view);
  });

  it('judges cached prices against the clock: stale once the market closes or the heartbeat passes', async () => {
    const t = await portfolioWallet();
    await t.call('portfolio.refresh');
    t.clock.set(Date.UTC(2026, 0, 10, 15)); // Saturday
    const weekend = await t.call<PortfolioResult>('portfolio.get');
    expect(weekend.view.market.status).toBe('weekend');
    expect(row(weekend, TOKENS.xstock)?.price).toMatchObject({ status: 'stale', reasons: ['older-than-heartbeat', 'market-closed'] });
  });

  it('a price older than its heartbeat on an open market is stale for that reason alone', async () => {
    const t = await portfolioWallet();
    t.node.contracts[FEEDS.xPrice] = feed(20_000_000_000n, 8, START / 1000 - 7200);
    const result = await t.call<PortfolioResult>('portfolio.refresh');
    expect(result.view.market.status).toBe('open');
    expect(row(result, TOKENS.xstock)?.price).toMatchObject({ status: 'stale', reasons: ['older-than-heartbeat'] });
    expect(row(result, TOKENS.dshare)?.price).toMatchObject({ status: 'fresh', reasons: [] });
  });

  it('does not count as activity for auto-lock', async () => {
    const t = await portfolioWallet();
    await t.call('unlock', { password: PASSWORD });
    const deadline = (await t.ui.state()).autoLockAt;
    t.clock.advance(60_000);
    await t.call('portfolio.refresh');
    await t.call('portfolio.get');
    expect((await t.ui.state()).autoLockAt).toBe(deadline);
  });
});

describe('portfolio.detail', () => {
  const detail = async (address: string, options: Parameters<typeof portfolioWallet>[0] = {}) => {
    const t = await portfolioWallet(options);
    return { t, view: await t.call<Detail>('portfolio.detail', { chainId: 31337, address }) };
  };

  it('names the underlying, the issuer and the structure, marking what the registry has not verified', async () => {
    const { view } = await detail(TOKENS.xstock);
    expect(view.underlying).toEqual({
      value: { ticker: 'ACME', name: 'Acme Corp', exchange: 'NYSE', isin: 'US0000000001' },
      source: 'registry',
      verified: true,
    });
    expect(view.issuer).toMatchObject({
      name: { value: 'Backed Example', verified: true },
      legalEntity: { value: 'Backed Example AG', verified: true },
      jurisdiction: { value: 'CH' },
    });
    expect(view.structure).toEqual({ value: 'custody-backed', source: 'https://issuer.example/terms', verified: true });
    expect(view.custodian).toEqual({ value: 'Example Custody Ltd', source: 'https://issuer.example/terms', verified: false });
    expect(view.rightsNotGiven.join(' ')).toMatch(/voting/i);
  });

  it('marks every fact of an unverified token as unverified', async () => {
    const { view } = await detail(TOKENS.ondo);
    expect([view.underlying, view.issuer.name, view.issuer.legalEntity, view.structure, view.custodian].map((f) => f.verified)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(view.verified).toBe(false);
  });

  it.each([
    { token: 'xstock', status: 'backed', ratioBps: '10000' },
    { token: 'dshare', status: 'under-backed', ratioBps: '9200' },
  ] as const)('gives the backing ratio of $token from its reserve feed: $ratioBps bps', async ({ token, status, ratioBps }) => {
    const { view } = await detail(TOKENS[token]);
    expect(view.backing).toMatchObject({ status, ratioBps, fresh: true, source: { value: 'Chainlink PoR', verified: true } });
  });

  it('says a token without a reserve feed is not verifiable', async () => {
    const { view } = await detail(TOKENS.ondo);
    expect(view.backing.status).toBe('not-verifiable');
  });

  it('lists balance-per-share history and the dividends the account received, in their currency', async () => {
    const { view } = await detail(TOKENS.dshare);
    expect(view.corporateActions).toMatchObject({
      model: 'balance-per-share',
      factor: WAD.toString(),
      history: [{ value: WAD.toString(), blockNumber: '5' }],
    });
    expect(view.corporateActions.dividends).toEqual([
      expect.objectContaining({
        distributionId: '3',
        amount: '24500000',
        contract: DISTRIBUTOR,
        currency: { token: TOKENS.usdc, symbol: 'USDC', decimals: 6 },
      }),
    ]);
  });

  it('gives a multiplier token its yearly fee from the fee per period', async () => {
    const { view } = await detail(TOKENS.xstock);
    expect(view.corporateActions.model).toBe('multiplier');
    expect(Number(view.corporateActions.annualFeeBps)).toBeGreaterThan(350); // 0.01% a day, compounded: ~3.6% a year
    expect(Number(view.corporateActions.annualFeeBps)).toBeLessThan(370);
  });

  it("shows the selected account's position with its underlying shares and value", async () => {
    const { view } = await detail(TOKENS.ondo);
    expect(view.holding).toEqual({
      account: ACCOUNT_0,
      amount: (10n * WAD).toString(),
      underlyingAmount: (11n * WAD).toString(),
      value: '55000000000',
      valueDecimals: 8,
    });
  });

  it.each([
    { jurisdiction: 'DE', token: 'xstock', allowed: true, rule: 'excluded' },
    { jurisdiction: 'US', token: 'xstock', allowed: false, rule: 'excluded' },
    { jurisdiction: 'DE', token: 'restricted', allowed: false, rule: 'allowed-only' },
    { jurisdiction: 'US', token: 'restricted', allowed: true, rule: 'allowed-only' },
    // A stock whose issuer states no rule: Sharekeep cannot confirm a holder in DE may hold it.
    { jurisdiction: 'DE', token: 'ondo', allowed: false, rule: 'unknown' },
  ] as const)('a holder in $jurisdiction may hold $token: $allowed ($rule)', async ({ jurisdiction, token, allowed, rule }) => {
    const { view } = await detail(TOKENS[token], { jurisdiction });
    expect(view.restriction).toMatchObject({ allowed, rule, jurisdiction });
    if (rule !== 'unknown') expect(view.restriction.source).toMatch(/^https:\/\/issuer\.example/);
    else
      expect(view.restriction).toMatchObject({
        source: 'https://synth.example',
        message: expect.stringContaining('cannot confirm that residents of DE'),
      });
  });

  it('describes a watched token as unlisted with nothing verified', async () => {
    const { view } = await detail(TOKENS.watched);
    expect(view).toMatchObject({
      listed: false,
      verified: false,
      lookalikeOf: 'ACMEx',
      structure: { value: null, verified: false },
      restriction: { rule: 'unknown', standing: 'not-a-security', allowed: true },
    });
  });

  it("gives the price feed's recent rounds for the chart, and says a token without a feed has none", async () => {
    const t = await portfolioWallet();
    t.node.contracts[FEEDS.xPrice] = feedWithRounds(
      [190n, 195n, 200n].map((d) => d * 10n ** 8n),
      8,
      START / 1000 - 600,
    );
    const view = await t.call<Detail>('portfolio.detail', { chainId: 31337, address: TOKENS.xstock });
    expect(view.priceHistory).toMatchObject({
      status: 'ok',
      decimals: 8,
      rounds: [{ answer: '19000000000' }, { answer: '19500000000' }, { answer: '20000000000' }],
    });
    const feedless = await t.call<Detail>('portfolio.detail', { chainId: 31337, address: TOKENS.restricted });
    expect(feedless.priceHistory).toEqual({ status: 'no-feed' });
  });

  it('still shows the registry facts when the node is down, saying the chain could not be read', async () => {
    const t = await portfolioWallet();
    t.node.down = true;
    const view = await t.call<Detail>('portfolio.detail', { chainId: 31337, address: TOKENS.dshare });
    expect(view.readError).toMatch(/did not answer/);
    expect(view.backing.status).toBe('unavailable');
    expect(view.structure.value).toBe('custody-backed');
  });

  it.each([
    [{ chainId: 31337 }, 'ui.bad_params'],
    [{ chainId: 424242, address: TOKENS.xstock }, 'portfolio.other_chain'],
    [{ chainId: 31337, address: '0x00000000000000000000000000000000000000ee' }, 'portfolio.unknown_token'],
  ])('refuses %j with %s', async (params, code) => {
    const t = await portfolioWallet();
    await expect(t.call('portfolio.detail', params)).rejects.toMatchObject({ code });
  });
});
