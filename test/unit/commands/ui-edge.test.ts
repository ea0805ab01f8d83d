// The UI edge: every command of the contract, sent malformed params through the real UI API,
// answers the UI error its page shows, and changes nothing.
import { describe, expect, it } from 'vitest';
import { createUiApi } from '../../../lib/commands';
import { UI_COMMANDS, type UiCommandName } from '../../../lib/ui-contract';
import { ACCOUNT_0, createTestWallet, PASSWORD } from '../wallet/harness';

const LOWER_0 = ACCOUNT_0.toLowerCase();
/** ACCOUNT_0 with one letter's case flipped: a checksum error. */
const MISCASED = ACCOUNT_0.replace('Fd6', 'fd6');

/** One malformed call per command, and the UI error code the page gets for it. */
const BAD: Record<UiCommandName, { params: unknown; code: string }> = {
  state: { params: 'state please', code: 'ui.bad_params' },
  touch: { params: 42, code: 'ui.bad_params' },
  'onboarding.generate': { params: { words: 13 }, code: 'ui.bad_params' },
  'onboarding.validate': { params: { secret: ['test'] }, code: 'ui.bad_params' },
  'onboarding.create': { params: { secret: 'x', password: PASSWORD, jurisdiction: 'Germany' }, code: 'settings.bad_jurisdiction' },
  unlock: { params: { password: 1234 }, code: 'ui.bad_params' },
  lock: { params: [], code: 'ui.bad_params' },
  'accounts.select': { params: { address: '0x1234' }, code: 'ui.bad_address' },
  'accounts.add': { params: { name: { toString: 'x' } }, code: 'ui.bad_params' },
  'accounts.rename': { params: { address: ACCOUNT_0, name: 'x'.repeat(65) }, code: 'ui.bad_params' },
  'accounts.hide': { params: { address: ACCOUNT_0, hidden: 'yes' }, code: 'ui.bad_params' },
  'accounts.importKey': { params: { privateKey: null }, code: 'ui.bad_params' },
  'accounts.watch': { params: { address: MISCASED }, code: 'ui.bad_checksum' },
  'accounts.addHardware': { params: { address: MISCASED, path: "m/44'/60'/0'/0/0" }, code: 'ui.bad_checksum' },
  'network.select': { params: { chainId: 'mainnet' }, code: 'network.unknown' },
  'network.add': { params: { chainId: -5, rpcUrl: 'http://127.0.0.1:9999' }, code: 'network.bad_chain_id' },
  'network.setRpcUrl': { params: { chainId: 31337, rpcUrl: 'ftp://node.example' }, code: 'network.bad_rpc_url' },
  'network.setPortfolio': { params: { chainId: 31337, enabled: 'yes' }, code: 'ui.bad_params' },
  'settings.setJurisdiction': { params: { jurisdiction: 'D', password: PASSWORD }, code: 'settings.bad_jurisdiction' },
  'settings.setAutoLock': { params: { minutes: '15' }, code: 'settings.bad_auto_lock' },
  'secrets.revealMnemonic': { params: {}, code: 'ui.bad_params' },
  'secrets.exportKey': { params: { address: 'me', password: PASSWORD }, code: 'ui.bad_address' },
  'secrets.changePassword': { params: { oldPassword: PASSWORD }, code: 'ui.bad_params' },
  'sites.disconnect': { params: { origin: 'x'.repeat(513) }, code: 'ui.bad_params' },
  'approvals.decide': { params: { id: 'a1', approved: 'true' }, code: 'ui.bad_params' },
  'send.submit': { params: { from: ACCOUNT_0, to: ACCOUNT_0, amount: 1 }, code: 'ui.bad_params' },
  'send.checkRecipient': { params: { from: ACCOUNT_0, to: `${LOWER_0}00` }, code: 'ui.bad_address' },
  'activity.refresh': { params: 'now', code: 'ui.bad_params' },
  'activity.speedUp': { params: { hash: '0x1234' }, code: 'ui.bad_params' },
  'contacts.set': { params: { address: ACCOUNT_0, name: 7 }, code: 'ui.bad_params' },
  'activity.cancel': { params: { hash: 42 }, code: 'ui.bad_params' },
  'tokens.add': { params: { address: 7 }, code: 'ui.bad_address' },
  'tokens.remove': { params: {}, code: 'ui.bad_params' },
  'portfolio.get': { params: { account: 7 }, code: 'ui.bad_params' },
  'portfolio.refresh': { params: { force: 'yes' }, code: 'ui.bad_params' },
  'portfolio.detail': { params: { chainId: 31337 }, code: 'ui.bad_params' },
  'issuer.options': { params: { chainId: 0, token: ACCOUNT_0 }, code: 'ui.bad_params' },
  'issuer.quote': { params: { chainId: 31337, token: ACCOUNT_0, side: 'swap', amount: '1' }, code: 'ui.bad_params' },
  'issuer.submit': { params: { id: 12 }, code: 'ui.bad_params' },
  'issuer.status': { params: { id: 'x'.repeat(65) }, code: 'ui.bad_params' },
  'issuer.latest': { params: { chainId: 31337, token: 'USDC' }, code: 'ui.bad_address' },
  'issuer.credentials': { params: 'all of them', code: 'ui.bad_params' },
  'issuer.setCredentials': { params: { issuerId: 'dinari', values: { apiKeyId: 7 } }, code: 'ui.bad_params' },
  'issuer.clearCredentials': { params: { issuerId: ['dinari'] }, code: 'ui.bad_params' },
};

async function setup() {
  const t = await createTestWallet();
  const ui = createUiApi(t.wallet, { schedule: () => undefined }, t.clock);
  return { t, ui };
}

describe('the UI edge', () => {
  it('has a malformed case for every command of the contract', () => {
    expect(Object.keys(BAD).sort()).toEqual(Object.keys(UI_COMMANDS).sort());
  });

  it.each(Object.entries(BAD))('%s with bad params answers its UI error and changes nothing', async (method, { params, code }) => {
    const { t, ui } = await setup();
    const before = JSON.stringify(t.local.dump());
    const error = await ui.handle(method, params).then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(error).toMatchObject({ code, message: expect.any(String) });
    expect((error as Error).message.length).toBeGreaterThan(5);
    expect(JSON.stringify(t.local.dump())).toBe(before);
    expect(t.node.sent).toEqual([]);
    expect(t.wallet.approvals.list()).toEqual([]);
  });

  it('an unknown command, or a prototype key, is refused by name', async () => {
    const { ui } = await setup();
    for (const method of ['wallet.drain', 'toString', '__proto__', 'constructor'])
      await expect(ui.handle(method, {})).rejects.toMatchObject({ code: 'ui.unknown_command' });
  });

  it('params the page omits are no params, and unknown keys are dropped', async () => {
    const { ui } = await setup();
    await expect(ui.handle('state', undefined)).resolves.toMatchObject({ unlocked: true });
    await expect(ui.handle('settings.setAutoLock', { minutes: 5, evil: true })).resolves.toMatchObject({ autoLockMinutes: 5 });
  });

  it('addresses are taken in one case or correctly checksummed, and answered checksummed', async () => {
    const { t, ui } = await setup();
    await t.wallet.keys.addAccount();
    const second = (await t.wallet.keys.listAccounts())[1].address;
    const state = (await ui.handle('accounts.select', { address: `  ${second.toLowerCase()} ` })) as { selectedAddress: string };
    expect(state.selectedAddress).toBe(second);
  });

  it('an RPC URL typed by hand meets the rules a dApp-proposed one does', async () => {
    const { t, ui } = await setup();
    t.node.answers.eth_chainId = () => '0x539';
    await expect(ui.handle('network.add', { chainId: 1337, name: 'Side', rpcUrl: 'http://node.example:8545' })).rejects.toMatchObject({
      code: 'network.bad_rpc_url',
    });
    await expect(ui.handle('network.add', { chainId: 1337, name: 'Ethereum', rpcUrl: 'http://127.0.0.1:9999' })).rejects.toMatchObject({
      code: 'network.imitates',
    });
    await expect(ui.handle('network.setRpcUrl', { chainId: 31337, rpcUrl: 'https://user:pw@node.example' })).rejects.toMatchObject({
      code: 'network.bad_rpc_url',
    });
    await expect(ui.handle('network.add', { chainId: '0x539', name: 'Side', rpcUrl: 'http://127.0.0.1:9999' })).resolves.toMatchObject({
      networks: expect.arrayContaining([expect.objectContaining({ chainId: 1337, name: 'Side' })]),
    });
  });

  it('a passive command does not postpone auto-lock; a user action does', async () => {
    const t = await createTestWallet();
    const deadlines: (number | undefined)[] = [];
    const ui = createUiApi(t.wallet, { schedule: (at) => deadlines.push(at) }, t.clock);
    await ui.handle('touch', {});
    const first = deadlines.length;
    t.clock.advance(60_000);
    for (const method of Object.keys(UI_COMMANDS) as UiCommandName[])
      if (UI_COMMANDS[method].passive && method !== 'touch')
        await ui.handle(method, method.startsWith('issuer.') ? { id: 'x' } : {}).catch(() => undefined);
    expect(deadlines.length).toBe(first);
    await ui.handle('settings.setAutoLock', { minutes: 10 });
    expect(deadlines.at(-1)).toBe(t.clock.now() + 10 * 60_000);
  });
});
