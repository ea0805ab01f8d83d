// Backed-style redemption by deposit: one ERC-20 transfer to the registered deposit address from
// a pre-approved wallet, then "payout pending" (kept across a worker restart) until the issuer's
// payout address sends the stablecoin, then settled with the amount received.
import { decodeFunctionData } from 'viem';
import { describe, expect, it } from 'vitest';
import { erc20Abi } from '../../../lib/issuers/abis';
import { CHAIN_ID, DEPOSIT, depositQuote, E18, ELSEWHERE, PAYOUT, receipt, setBalance, TOKENS, transferLog, USDC, USER } from './fixtures';
import { createHarness } from './service-harness';

function harness(approved = true) {
  const h = createHarness();
  setBalance(h.chain, TOKENS.SPY, USER, 10n * E18);
  h.http.routes[`GET /v1/redemption-wallets/${USER}`] = () => [200, { address: USER, approved, depositAddress: DEPOSIT }];
  h.http.routes['POST /v1/quotes'] = (body) => [200, depositQuote(BigInt((body as { quantity: string }).quantity))];
  // The deposit's receipt: the user's tokens arrive at the deposit address.
  h.setReceipt(() => receipt(true, [transferLog(TOKENS.SPY, USER, DEPOSIT, 2n * E18)]));
  return h;
}
const ask = { chainId: CHAIN_ID, token: TOKENS.SPY, side: 'redeem' as const, quantity: 2n * E18 };

describe('redemption by deposit', () => {
  it('sends one transfer of exactly the tokens to the registered deposit address, with no approval', async () => {
    const h = harness();
    const quote = await h.service.quote(ask);
    expect(quote).toMatchObject({ protocol: 'deposit', deposit: { address: DEPOSIT, payoutFrom: PAYOUT, settlementDays: 3 } });
    await h.service.submit(quote.id);
    expect(h.sent).toHaveLength(1);
    expect(h.sent[0].tx.to).toBe(TOKENS.SPY);
    expect(decodeFunctionData({ abi: erc20Abi, data: h.sent[0].tx.data })).toEqual({ functionName: 'transfer', args: [DEPOSIT, 2n * E18] });
  });

  it('waits as "payout pending" across a worker restart, then settles with the amount the payout address sent', async () => {
    const h = harness();
    const quote = await h.service.quote(ask);
    await h.service.submit(quote.id);
    const pending = await h.service.status(quote.id);
    expect(pending).toMatchObject({ status: 'payout-pending', note: expect.stringMatching(/Payout pending: .*within T\+3/) });
    expect(pending.deposit?.payoutDueBy).toBeGreaterThan(0);

    const after = h.restart();
    expect(await after.service.status(quote.id)).toMatchObject({ status: 'payout-pending' });
    expect(await after.service.latest(CHAIN_ID, TOKENS.SPY)).toMatchObject({ id: quote.id, status: 'payout-pending' });
    // A transfer from anyone but the registered payout address is not the payout.
    after.chain.fillLogs = [transferLog(USDC, ELSEWHERE, USER, 5n)];
    expect((await after.service.status(quote.id)).status).toBe('payout-pending');
    after.chain.fillLogs = [transferLog(USDC, PAYOUT, USER, 1_234_567n)];
    expect(await after.service.status(quote.id)).toMatchObject({
      status: 'settled',
      settlement: { tokenAmount: `${2n * E18}`, paymentAmount: '1234567' },
    });
    expect(after.sent).toHaveLength(1);
    // Activity: "payout pending" on the deposit's entry once it was sent, then the amount received.
    const deposit = h.sent[0].hash;
    expect(h.payouts[0]).toEqual({
      hash: deposit,
      payout: { state: 'pending', symbol: 'USDC', decimals: 6, when: expect.stringMatching(/within T\+3/) },
    });
    expect(after.payouts.at(-1)).toEqual({ hash: deposit, payout: { state: 'received', symbol: 'USDC', decimals: 6, amount: '1234567' } });
  });

  it('a wallet the issuer has not pre-approved is refused before anything is sent, with the onboarding named', async () => {
    const h = harness(false);
    await expect(h.service.quote(ask)).rejects.toMatchObject({
      code: 'issuer.kyc_required',
      message: /not a wallet Devnet Backed has approved.*onboarding/,
    });
    expect(h.sent).toEqual([]);
  });

  it.each([
    { name: 'another deposit address', o: { depositAddress: ELSEWHERE }, message: /not one of its allowlisted contracts/ },
    { name: 'another payout address', o: { payoutAddress: ELSEWHERE }, message: /not its registered payout address/ },
  ])('a quote naming $name than the registry is refused', async ({ o, message }) => {
    const h = harness();
    h.http.routes['POST /v1/quotes'] = (body) => [200, depositQuote(BigInt((body as { quantity: string }).quantity), o)];
    await expect(h.service.quote(ask)).rejects.toMatchObject({ code: 'issuer.not_allowlisted', message });
    expect(h.sent).toEqual([]);
  });

  it('a deposit that did not reach the deposit address fails instead of waiting for a payout', async () => {
    const h = harness();
    h.setReceipt(() => receipt(true, [transferLog(TOKENS.SPY, USER, ELSEWHERE, 2n * E18)]));
    const quote = await h.service.quote(ask);
    await h.service.submit(quote.id);
    expect(await h.service.status(quote.id)).toMatchObject({ status: 'failed', error: { message: /did not deliver the tokens/ } });
  });

  it('offers no mint, and says the issuer issues new tokens only to its onboarded clients, off chain, with its onboarding link', async () => {
    const h = harness();
    expect(await h.service.options(CHAIN_ID, TOKENS.SPY)).toMatchObject({
      mint: false,
      redeem: true,
      unavailable: {
        mint: {
          reason: expect.stringMatching(/issues new SPYx only to clients it has onboarded, off chain; .*Sharekeep cannot mint it here/),
          link: 'devnet:deployment/onboarding',
        },
      },
    });
    expect((await h.service.options(CHAIN_ID, TOKENS.SPY)).unavailable?.redeem).toBeUndefined();
    // A page that asks anyway is told the same, and nothing is asked of the issuer.
    await expect(h.service.quote({ ...ask, side: 'mint' })).rejects.toMatchObject({
      code: 'issuer.unsupported',
      message: /issues new SPYx only to clients it has onboarded, off chain; .*onboarding: devnet:deployment\/onboarding\. Nothing was sent\./,
    });
    expect(h.sent).toEqual([]);
  });

  it('an issuer whose deposit address is not known offers no redemption and says where to go', async () => {
    const h = harness();
    const options = await h.service.options(CHAIN_ID, TOKENS.BSPY);
    expect(options).toMatchObject({ redeem: false, unavailable: { redeem: { reason: /does not know that address/, link: expect.any(String) } } });
    await expect(h.service.quote({ ...ask, token: TOKENS.BSPY })).rejects.toMatchObject({
      code: 'issuer.not_allowlisted',
      message: /does not know that address on this network.*onboarding: devnet:/,
    });
    expect(h.http.calls).toEqual([]);
  });
});
