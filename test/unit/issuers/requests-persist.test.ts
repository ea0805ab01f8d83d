// Issuer requests outlive the service worker (issue 13): tracking resumes after a restart, and
// a request that was being sent when the worker stopped is never sent a second time.
import { isAddressEqual } from 'viem';
import { describe, expect, it } from 'vitest';
import { askedQuantity, attestationQuote, CHAIN_ID, E18, MANAGER, mintLogs, receipt, setBalance, TOKENS, USDC, USER } from './fixtures';
import { createHarness } from './service-harness';

function ready() {
  const h = createHarness();
  setBalance(h.chain, USDC, USER, 1_000_000_000n);
  h.http.routes['POST /v1/attestations'] = (body: unknown) => {
    const b = body as { side: 'buy' | 'sell'; quantity: string };
    return [200, attestationQuote(b.side, askedQuantity(b))] as [number, unknown];
  };
  return h;
}

describe('issuer requests across a worker restart', () => {
  it('a submitted mint is found again and settles after the restart', async () => {
    const h = ready();
    const quote = await h.service.quote({ chainId: CHAIN_ID, token: TOKENS.NVDA, side: 'mint', quantity: 2n * E18 });
    h.setReceipt((tx) => (isAddressEqual(tx.to, MANAGER) ? receipt(true, mintLogs(2n * E18, BigInt(quote.quote.total))) : receipt(true)));
    await h.service.submit(quote.id);

    const after = h.restart();
    expect(await after.service.latest(CHAIN_ID, TOKENS.NVDA)).toMatchObject({ id: quote.id, status: 'submitted' });
    expect(await after.service.status(quote.id)).toMatchObject({ status: 'settled', settlement: { tokenAmount: `${2n * E18}` } });
    expect(h.sent).toHaveLength(2);
  });

  it('a quote survives too, with its amounts intact, and can be submitted after the restart', async () => {
    const h = ready();
    const quote = await h.service.quote({ chainId: CHAIN_ID, token: TOKENS.NVDA, side: 'mint', quantity: E18 });
    const after = h.restart();
    const submitted = await after.service.submit(quote.id);
    expect(submitted).toMatchObject({ status: 'submitted', quote: { total: quote.quote.total, quantity: quote.quote.quantity } });
  });

  it('a request being sent when the worker stopped is failed, not sent again', async () => {
    const h = ready();
    const quote = await h.service.quote({ chainId: CHAIN_ID, token: TOKENS.NVDA, side: 'mint', quantity: E18 });
    const stuck = h.restart({ hang: true });
    void stuck.service.submit(quote.id);
    await new Promise((r) => setTimeout(r, 20));

    const after = h.restart();
    const view = await after.service.submit(quote.id);
    expect(view).toMatchObject({ status: 'failed', error: { code: 'issuer.interrupted' } });
    expect(h.sent).toHaveLength(0);
  });

  it('a stored request that does not parse is dropped, and the rest are kept', async () => {
    const h = ready();
    const quote = await h.service.quote({ chainId: CHAIN_ID, token: TOKENS.NVDA, side: 'mint', quantity: E18 });
    const stored = (await h.store.get<unknown[]>('issuers.requests')) ?? [];
    await h.store.set({ 'issuers.requests': [...stored, { id: 'junk', status: 'stolen' }, 42] });
    const after = h.restart();
    expect(await after.service.latest(CHAIN_ID, TOKENS.NVDA)).toBeUndefined(); // a quote is not "under way"
    await expect(after.service.status('junk')).rejects.toMatchObject({ code: 'issuer.unknown_request' });
    expect(await after.service.status(quote.id)).toMatchObject({ id: quote.id, status: 'quote' });
  });
});
