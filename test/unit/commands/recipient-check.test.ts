// The send form's recipient check (issue 14): a recipient that is a contract is said to be one,
// a known one is named, and a node that cannot tell leaves the question open rather than guess.
import { describe, expect, it } from 'vitest';
import { createUiApi } from '../../../lib/commands';
import { ACCOUNT_0, ACCOUNT_1, createTestWallet } from '../wallet/harness';

const OTHER = '0x000000000000000000000000000000000000dEaD';

async function check(code: (() => unknown) | undefined, to = OTHER) {
  const t = await createTestWallet();
  if (code) t.node.answers.eth_getCode = code;
  await t.wallet.keys.addAccount('Savings');
  const ui = createUiApi(t.wallet, { schedule: () => undefined }, t.clock);
  return ui.handle('send.checkRecipient', { from: ACCOUNT_0, to });
}

describe('the recipient check', () => {
  it.each([
    ['contract code', () => '0x6080604052', true],
    ['no code', () => '0x', false],
    ['an EIP-7702 delegation (a person with a delegate)', () => `0xef0100${'ab'.repeat(20)}`, false],
  ])('an address with %s is a contract: %s', async (_name, code, contract) => {
    expect(await check(code)).toMatchObject({ seen: false, contract });
  });

  it('a node that does not answer leaves it unknown', async () => {
    expect(await check(undefined)).toMatchObject({ contract: null });
  });

  it("names the user's own account", async () => {
    expect(await check(() => '0x', ACCOUNT_1)).toMatchObject({ name: 'Your account "Savings"', contract: false });
  });
});
