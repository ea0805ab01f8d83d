// The address book (issue 14): the user names a recipient; the name labels that address in the
// send form's check, in approvals and in Activity, after the wallet's own names. A name that
// reads like one of the user's accounts or a known contract is refused, and nothing is stored.
import { describe, expect, it } from 'vitest';
import { createUiApi } from '../../../lib/commands';
import type { SigningView } from '../../../lib/signing';
import type { UiState } from '../../../lib/ui-contract';
import { issuer, registryData } from '../registry/fixtures';
import { ACCOUNT_0, ACCOUNT_1, connect, createTestWallet } from '../wallet/harness';

const FRIEND = '0x90F79bf6EB2c4f870365E785982E1f101E93b906';
const ISSUER_CONTRACT = '0x1111111111111111111111111111111111111111';

async function setup() {
  const t = await createTestWallet({
    registry: registryData(
      [],
      [
        issuer({
          contracts: [{ chainId: 31337, address: ISSUER_CONTRACT, role: 'mint-redeem', verified: true, source: 'https://example.org/terms' }],
        }),
      ],
    ),
  });
  const ui = createUiApi(t.wallet, { schedule: () => undefined }, t.clock);
  await t.wallet.ready();
  return { t, ui };
}

describe('the address book', () => {
  it('a named recipient is shown by that name in the approval of a transfer to it', async () => {
    const { t, ui } = await setup();
    const state = (await ui.handle('contacts.set', { address: FRIEND, name: 'Alice' })) as UiState;
    expect(state.contacts).toEqual({ [FRIEND.toLowerCase()]: 'Alice' });
    await connect(t);
    const pending = t.request('eth_sendTransaction', [{ from: ACCOUNT_0, to: FRIEND, value: '0x1' }]).catch(() => undefined);
    const approval = await t.nextApproval();
    t.wallet.approvals.decide(approval.id, { approved: false });
    await pending;
    expect((approval.details as SigningView).labels?.[FRIEND.toLowerCase()]).toBe('"Alice" (your address book)');
  });

  it("the send form's recipient check names it", async () => {
    const { ui } = await setup();
    await ui.handle('contacts.set', { address: FRIEND, name: 'Alice' });
    const check = (await ui.handle('send.checkRecipient', { from: ACCOUNT_0, to: FRIEND })) as { name?: string };
    expect(check.name).toBe('"Alice" (your address book)');
  });

  it("a named contract is still said to be a contract, and the name is said to be the user's own", async () => {
    const { t, ui } = await setup();
    t.node.answers.eth_getCode = () => '0x6080604052';
    await ui.handle('contacts.set', { address: FRIEND, name: 'Alice' });
    const check = await ui.handle('send.checkRecipient', { from: ACCOUNT_0, to: FRIEND });
    expect(check).toMatchObject({ contract: true, contact: 'Alice', name: '"Alice" (your address book)' });
  });

  it.each([
    ['the name of one of your accounts', 'Account 1'],
    ['a look-alike of an account name (Greek capital alpha)', '\u0391ccount 1'],
    ['an account name with a zero-width space', 'Acc\u200Bount 1'],
    ['an issuer', 'Acme Tokenized'],
    ["an issuer contract's label, in Cyrillic", 'Acme Tokenized mint and redemption c\u043Entract'],
    ['a protocol contract', 'Permit2 (Uniswap)'],
  ])('refuses %s and stores nothing', async (_, name) => {
    const { t, ui } = await setup();
    const before = JSON.stringify(t.local.dump());
    await expect(ui.handle('contacts.set', { address: FRIEND, name })).rejects.toMatchObject({
      code: 'contacts.lookalike',
      message: expect.stringContaining('reads like'),
    });
    expect(JSON.stringify(t.local.dump())).toBe(before);
  });

  it("the wallet's own names win over the user's: an own account cannot be renamed here", async () => {
    const { t, ui } = await setup();
    await t.wallet.keys.addAccount('Savings');
    await expect(ui.handle('contacts.set', { address: ACCOUNT_1, name: 'Bob' })).rejects.toMatchObject({ code: 'contacts.own_account' });
  });

  it('an empty name forgets the address; a name too long is refused', async () => {
    const { ui } = await setup();
    await ui.handle('contacts.set', { address: FRIEND, name: 'Alice' });
    await expect(ui.handle('contacts.set', { address: FRIEND, name: 'x'.repeat(41) })).rejects.toMatchObject({ code: 'contacts.bad_name' });
    expect(((await ui.handle('state', {})) as UiState).contacts).toEqual({ [FRIEND.toLowerCase()]: 'Alice' });
    const forgotten = (await ui.handle('contacts.set', { address: FRIEND, name: '  ' })) as UiState;
    expect(forgotten.contacts).toEqual({});
  });

  it('a stored book that does not parse keeps its good names; a locked wallet shows none', async () => {
    const { t, ui } = await setup();
    await t.local.set({ addressBook: { [FRIEND.toLowerCase()]: 'Alice', '0xnot-an-address': 'Mallory', [ACCOUNT_1.toLowerCase()]: 42 } });
    expect(((await ui.handle('state', {})) as UiState).contacts).toEqual({ [FRIEND.toLowerCase()]: 'Alice' });
    await ui.handle('lock', {});
    expect(((await ui.handle('state', {})) as UiState).contacts).toEqual({});
  });
});
