// An issuer request is one plan approved once (issue 13): every step listed with where the funds
// are, the payout, the fee, the deadline and the price check; the steps are then sent without
// further approvals; a step that no longer matches stops the plan and asks again, once; and a
// worker restart mid-plan finishes it with nothing sent twice.
import { isAddressEqual } from 'viem';
import { describe, expect, it } from 'vitest';
import {
  askedQuantity,
  attestationQuote,
  CHAIN_ID,
  DEPOSIT,
  depositQuote,
  E18,
  MANAGER,
  mintLogs,
  PAYOUT,
  receipt,
  setBalance,
  TOKENS,
  transferLog,
  USDC,
  USER,
} from './fixtures';
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

describe('one plan per issuer request', () => {
  it('a mint is one approval listing the USDC allowance, then the attestation call, the payout, the fee and the deadline', async () => {
    const h = attesting();
    const quote = await h.service.quote(mintAsk);
    await h.service.submit(quote.id);

    expect(h.plans).toHaveLength(1);
    const [{ origin, plan }] = h.plans;
    expect(origin).toBe('Devnet Attest (http://127.0.0.1:8787)');
    expect(plan.steps.map((s) => [s.kind, s.tx.to])).toEqual([
      ['allowance', USDC],
      ['attestation', MANAGER],
    ]);
    expect(plan.steps[0]).toMatchObject({
      title: expect.stringMatching(new RegExp(`Allow Devnet Attest's contract ${MANAGER} to take [\\d.]+ USDC`)),
      funds: expect.stringMatching(/Your USDC stay in your account; Devnet Attest's contract may take up to/),
    });
    expect(plan.steps[1].funds).toMatch(/USDC go from you to Devnet Attest's contract and 2 NVDAon come to you, in this one transaction/);
    expect(plan.details).toMatchObject({
      pay: { symbol: 'USDC' },
      payout: { amount: '2', symbol: 'NVDAon', to: USER, when: 'in the same transaction, once it is mined' },
      fee: { symbol: 'USDC' },
      deadline: { expiry: quote.quote.expiry, expiresAt: quote.quote.expiresAt },
      priceCheck: { level: expect.any(String) },
    });
    // Both steps went out on that one approval, exactly as listed.
    expect(h.sent.map((s) => [s.tx.to, s.tx.data])).toEqual(plan.steps.map((s) => [s.tx.to, s.tx.data]));
  });

  it('a redemption by deposit is one step: the transfer to the deposit address, paid out from the payout address within T+3', async () => {
    const h = createHarness();
    setBalance(h.chain, TOKENS.SPY, USER, 10n * E18);
    h.http.routes[`GET /v1/redemption-wallets/${USER}`] = () => [200, { address: USER, approved: true, depositAddress: DEPOSIT }];
    h.http.routes['POST /v1/quotes'] = (body) => [200, depositQuote(BigInt((body as { quantity: string }).quantity))];
    h.setReceipt(() => receipt(true, [transferLog(TOKENS.SPY, USER, DEPOSIT, 2n * E18)]));
    const quote = await h.service.quote({ chainId: CHAIN_ID, token: TOKENS.SPY, side: 'redeem', quantity: 2n * E18 });
    await h.service.submit(quote.id);

    const { plan } = h.plans[0];
    expect(plan.steps.map((s) => s.kind)).toEqual(['deposit']);
    expect(plan.steps[0].funds).toMatch(/Your 2 SPYx go to Devnet Backed's deposit address; [\d.]+ USDC are paid to you from 0x7+ within T\+3/);
    expect(plan.details.payout).toMatchObject({ symbol: 'USDC', to: USER, from: PAYOUT, when: expect.stringMatching(/within T\+3/) });
  });

  it('an allowance that already covers the total is not in the plan', async () => {
    const h = attesting();
    h.chain.allowances.set(`${USDC.toLowerCase()}:${MANAGER.toLowerCase()}`, 10n ** 12n);
    const quote = await h.service.quote(mintAsk);
    await h.service.submit(quote.id);
    expect(h.plans[0].plan.steps.map((s) => s.kind)).toEqual(['attestation']);
  });

  it('a step that no longer matches the plan stops it and asks again once, in a window that says why', async () => {
    const h = attesting({ differs: (id, index) => (id === 'plan-1' && index === 1 ? 'the network fee is now 90 gwei, above the cap' : undefined) });
    const quote = await h.service.quote(mintAsk);
    const view = await h.service.submit(quote.id);

    expect(h.plans).toHaveLength(2);
    expect(h.plans[1].plan.details.changed).toMatch(/not the one you approved: the network fee is now 90 gwei, above the cap/);
    // The allowance went out under the first plan; the new plan lists only the mint, and nothing was sent twice.
    expect(h.plans[1].plan.steps.map((s) => s.kind)).toEqual(['attestation']);
    expect(h.sent.map((s) => s.tx.to)).toEqual([USDC, MANAGER]);
    expect(view.status).toBe('submitted');
  });

  it('a second difference fails the request with what differs, and nothing more is sent', async () => {
    const h = attesting({ differs: (_id, index) => (index === 0 ? 'it would call 0xdead, not the contract approved' : undefined) });
    const quote = await h.service.quote(mintAsk);
    await expect(h.service.submit(quote.id)).rejects.toMatchObject({
      code: 'issuer.plan_changed',
      message: expect.stringMatching(/it would call 0xdead, not the contract approved.*asked again once already/),
    });
    expect(h.plans).toHaveLength(2);
    expect(h.sent).toEqual([]);
    expect(await h.service.status(quote.id)).toMatchObject({ status: 'failed', error: { code: 'issuer.plan_changed' } });
  });

  it('a worker stopped mid-plan resumes after the restart: the mint goes out, the allowance is not sent again', async () => {
    const h = attesting({ hangStep: 1 });
    const quote = await h.service.quote(mintAsk);
    const receipts = (tx: { to: `0x${string}` }) =>
      isAddressEqual(tx.to, MANAGER) ? receipt(true, mintLogs(2n * E18, BigInt(quote.quote.total))) : receipt(true);
    h.setReceipt(receipts);
    void h.service.submit(quote.id);
    for (let i = 0; i < 50 && h.sent.length < 1; i++) await tick();
    expect(h.sent.map((s) => s.tx.to)).toEqual([USDC]);

    const after = h.restart({ hangStep: undefined });
    after.setReceipt(receipts);
    expect(await after.service.latest(CHAIN_ID, TOKENS.NVDA)).toMatchObject({ id: quote.id, status: 'sending' });
    let view = await after.service.status(quote.id);
    for (let i = 0; i < 50 && view.status !== 'settled'; i++) {
      await tick();
      view = await after.service.status(quote.id);
    }
    expect(view).toMatchObject({ status: 'settled', settlement: { tokenAmount: `${2n * E18}` } });
    expect(h.sent.map((s) => s.tx.to)).toEqual([USDC, MANAGER]);
    expect(h.plans).toHaveLength(1);
    expect(view.plan).toEqual([
      { kind: 'allowance', to: USDC, hash: h.sent[0].hash },
      { kind: 'attestation', to: MANAGER, hash: h.sent[1].hash },
    ]);
  });
});
