// The popup's issuer commands through the real wallet core (in-memory ports, scripted node).
import { describe, expect, it } from 'vitest';
import { createManualClock, createMemoryStore } from '../../../lib/ports/memory';
import { createUiApi } from '../../../lib/commands';
import { createWallet } from '../../../lib/wallet';
import { createFakeNode, PASSWORD, TEST_PHRASE } from '../wallet/harness';
import { CHAIN_ID, createFakeFetch, testRegistry, TOKENS } from '../issuers/fixtures';

async function uiWith(options: { jurisdiction?: string; unlocked?: boolean } = {}) {
  const http = createFakeFetch();
  const node = createFakeNode(CHAIN_ID);
  const wallet = createWallet({
    local: createMemoryStore(),
    session: createMemoryStore(),
    clock: createManualClock(),
    rpc: node.transport,
    issuerFetch: http.fetch,
    openApproval: async () => undefined,
    emit: () => undefined,
    stateChanged: () => undefined,
    loadRegistry: async () => testRegistry().data,
    kdfIterations: 1000,
    initialSettings: { activeChainId: CHAIN_ID },
  });
  await wallet.keys.createFromMnemonic(TEST_PHRASE, PASSWORD);
  await wallet.settings.update({ jurisdiction: options.jurisdiction ?? 'DE' });
  if (options.unlocked === false) await wallet.keys.lock();
  const ui = createUiApi(wallet, { schedule: () => undefined }, createManualClock());
  return { ui, http, node };
}

describe('issuer UI commands', () => {
  it('offers mint and redeem buttons for a token of an allowlisted issuer only', async () => {
    const { ui } = await uiWith();
    expect(await ui.handle('issuer.options', { chainId: CHAIN_ID, token: TOKENS.NVDA })).toMatchObject({ mint: true, redeem: true });
    expect(await ui.handle('issuer.options', { chainId: CHAIN_ID, token: TOKENS.LOST })).toMatchObject({ mint: false, redeem: false });
  });

  it.each([
    { name: 'an amount that is not a number', params: { amount: 'lots' }, code: 'issuer.bad_amount' },
    { name: 'more decimals than the token has', params: { amount: `0.${'1'.repeat(19)}` }, code: 'issuer.bad_amount' },
    { name: 'a zero amount', params: { amount: '0' }, code: 'issuer.bad_amount' },
    { name: 'an unknown side', params: { side: 'swap' }, code: 'ui.bad_params' },
    { name: 'a bad token address', params: { token: '0x1234' }, code: 'ui.bad_address' },
    { name: 'another network', params: { chainId: 1 }, code: 'issuer.unsupported' },
  ])('refuses $name with $code, asking the issuer nothing', async ({ params, code }) => {
    const { ui, http } = await uiWith();
    await expect(ui.handle('issuer.quote', { chainId: CHAIN_ID, token: TOKENS.NVDA, side: 'mint', amount: '1', ...params })).rejects.toMatchObject({
      code,
    });
    expect(http.calls).toEqual([]);
  });

  it('asks nothing of the issuer while the wallet is locked', async () => {
    const { ui, http } = await uiWith({ unlocked: false });
    await expect(ui.handle('issuer.quote', { chainId: CHAIN_ID, token: TOKENS.NVDA, side: 'mint', amount: '1' })).rejects.toMatchObject({
      code: 'vault.locked',
    });
    expect(http.calls).toEqual([]);
  });

  it('with jurisdiction US, refuses to quote AMZNr: no HTTP request, no transaction', async () => {
    const { ui, http, node } = await uiWith({ jurisdiction: 'US' });
    await expect(ui.handle('issuer.quote', { chainId: CHAIN_ID, token: TOKENS.AMZN, side: 'mint', amount: '1' })).rejects.toMatchObject({
      code: 'issuer.blocked',
    });
    expect(http.calls).toEqual([]);
    expect(node.sent).toEqual([]);
  });

  it('an unknown request id is a clear error', async () => {
    const { ui } = await uiWith();
    await expect(ui.handle('issuer.submit', { id: 'nope' })).rejects.toMatchObject({ code: 'issuer.unknown_request' });
  });
});
