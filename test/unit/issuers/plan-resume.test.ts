// A plan cut short by a worker restart goes on from the background's tracking, popup closed
// (issue 13): it waits while the vault is locked, checks the quote's expiry and price again before
// a step not yet sent goes out, and a speed-up or cancel of its allowance transaction is read from
// the chain: the same step done, or the plan stopped with the reason.
import { type Hex, isAddressEqual } from 'viem';
import { describe, expect, it } from 'vitest';
import type { IssuerRequestView } from '../../../lib/issuers';
import { askedQuantity, attestationQuote, CHAIN_ID, E18, MANAGER, mintLogs, NOW, receipt, setBalance, TOKENS, USDC, USER } from './fixtures';
import { createHarness } from './service-harness';

type Options = Parameters<typeof createHarness>[0];

function attesting(options: Options = {}) {
  const h = createHarness(options);
  setBalance(h.chain, USDC, USER, 1_000_000_000n);
  h.http.routes['POST /v1/attestations'] = (body: unknown) => {
    const b = body as { side: 'buy' | 'sell'; quantity: string };
    return [200, attestationQuote(b.side, askedQuantity(b))] as [number, unknown];
  };
  return h;
}
const mintAsk = { chainId: CHAIN_ID, token: TOKENS.NVDA, side: 'mint' as const, quantity: 2n * E18 };
const tick = () => new Promise((resolve) => setTimeout(resolve, 20));
const mintReceipts = (total: string) => (tx: { to: Hex }) =>
  isAddressEqual(tx.to, MANAGER) ? receipt(true, mintLogs(2n * E18, BigInt(total))) : receipt(true);

/** A mint whose worker stopped after the allowance went out, before the attestation call. */
async function stoppedMidPlan() {
  const h = attesting({ hangStep: 1 });
  const quote = await h.service.quote(mintAsk);
  h.setReceipt(mintReceipts(quote.quote.total));
  void h.service.submit(quote.id);
  for (let i = 0; i < 50 && h.sent.length < 1; i++) await tick();
  expect(h.sent.map((s) => s.tx.to)).toEqual([USDC]);
  return { h, quote };
}

/** Runs the background's tracking (its alarm) until the request leaves `status`, as a closed popup would never ask. */
async function trackUntil(h: ReturnType<typeof createHarness>, id: string, done: (view: IssuerRequestView) => boolean) {
  let view = await h.service.status(id);
  for (let i = 0; i < 50 && !done(view); i++) {
    await h.service.track();
    await tick();
    view = await h.service.status(id);
  }
  return view;
}

describe('a plan resumed by the background after a restart', () => {
  it('locked: tracking says it waits for the unlock to send step 2 and sends nothing; unlocked: the mint goes out once and settles', async () => {
    const { h, quote } = await stoppedMidPlan();
    const locked = h.restart({ hangStep: undefined, locked: true });
    locked.setReceipt(mintReceipts(quote.quote.total));
    await locked.service.track();
    await tick();
    const waiting = await locked.service.status(quote.id);
    expect(waiting).toMatchObject({ status: 'sending', note: expect.stringMatching(/Waiting for you to unlock Sharekeep to send step 2 of 2/) });
    expect(h.sent.map((s) => s.tx.to)).toEqual([USDC]);

    const unlocked = h.restart({ hangStep: undefined });
    unlocked.setReceipt(mintReceipts(quote.quote.total));
    await unlocked.service.track();
    const view = await trackUntil(unlocked, quote.id, (v) => v.status === 'settled');
    expect(view).toMatchObject({ status: 'settled', settlement: { tokenAmount: `${2n * E18}` } });
    expect(h.sent.map((s) => s.tx.to)).toEqual([USDC, MANAGER]);
    expect(h.plans).toHaveLength(1);
  });

  it('a price that moved more than 10% since the approval stops the plan with the reason; the mint is never sent', async () => {
    const { h, quote } = await stoppedMidPlan();
    h.chain.feedAnswer = 104n * 10n ** 8n; // the quote says $120
    const after = h.restart({ hangStep: undefined });
    await after.service.track();
    const view = await trackUntil(after, quote.id, (v) => v.status === 'failed');
    expect(view).toMatchObject({
      status: 'failed',
      error: { code: 'issuer.price_deviation', message: expect.stringMatching(/refused.*above the price feed.*nothing was sent/) },
    });
    expect(h.sent.map((s) => s.tx.to)).toEqual([USDC]);
  });

  it('a price that moved more than 2% asks the user again, saying why, before the mint goes out', async () => {
    const { h, quote } = await stoppedMidPlan();
    h.chain.feedAnswer = 114n * 10n ** 8n;
    const after = h.restart({ hangStep: undefined });
    after.setReceipt(mintReceipts(quote.quote.total));
    await after.service.track();
    const view = await trackUntil(after, quote.id, (v) => v.status === 'settled');
    expect(h.plans).toHaveLength(2);
    expect(h.plans[1].plan.details).toMatchObject({
      changed: expect.stringMatching(/price moved since you approved.*above the price feed/),
      priceCheck: { level: 'warn' },
    });
    // The new plan lists only what is left: the allowance was given already.
    expect(h.plans[1].plan.steps.map((s) => s.kind)).toEqual(['attestation']);
    expect(h.sent.map((s) => s.tx.to)).toEqual([USDC, MANAGER]);
    expect(view.status).toBe('settled');
  });

  it('a quote that expired while the worker was stopped is not sent', async () => {
    const { h, quote } = await stoppedMidPlan();
    h.chain.time = NOW + 600n;
    const after = h.restart({ hangStep: undefined });
    await after.service.track();
    const view = await trackUntil(after, quote.id, (v) => v.status === 'failed');
    expect(view).toMatchObject({ status: 'failed', error: { code: 'issuer.quote_expired' } });
    expect(h.sent.map((s) => s.tx.to)).toEqual([USDC]);
  });
});

describe("speed-up and cancel of a plan's allowance transaction", () => {
  /** A mint whose allowance transaction never gets a receipt of its own: it was replaced in Activity. */
  async function replacedAllowance(givesAllowance: boolean) {
    const h = attesting();
    const quote = await h.service.quote(mintAsk);
    h.setReceipt((tx) => {
      if (!isAddressEqual(tx.to, USDC)) return receipt(true, mintLogs(2n * E18, BigInt(quote.quote.total)));
      // The replacement (same nonce) is mined: the node forgets this hash; a speed-up repeated the approve, a cancel did not.
      h.chain.gone.add(h.sent.at(-1)!.hash);
      if (givesAllowance) h.chain.allowances.set(`${USDC.toLowerCase()}:${MANAGER.toLowerCase()}`, BigInt(quote.quote.total));
      return null;
    });
    const submitted = h.service.submit(quote.id).then(
      (view) => view,
      (err: unknown) => err,
    );
    return { h, quote, result: await submitted };
  }

  it('a sped-up allowance counts as the same step: the plan goes on, the allowance is not sent again', async () => {
    const { h, result } = await replacedAllowance(true);
    expect(result).toMatchObject({ status: 'submitted' });
    expect(h.sent.map((s) => s.tx.to)).toEqual([USDC, MANAGER]);
    expect(h.plans).toHaveLength(1);
  });

  it('a cancelled allowance stops the plan with the reason, and the mint is never sent', async () => {
    const { h, quote, result } = await replacedAllowance(false);
    expect(result).toMatchObject({ code: 'issuer.allowance_cancelled' });
    expect(await h.service.status(quote.id)).toMatchObject({
      status: 'failed',
      error: { code: 'issuer.allowance_cancelled', message: expect.stringMatching(/cancelled or replaced.*mint was not sent/) },
    });
    expect(h.sent.map((s) => s.tx.to)).toEqual([USDC]);
  });
});
