import { describe, expect, it } from 'vitest';
import { parseAmount } from '../../../lib/tokens';

describe('the one amount rule', () => {
  it.each([
    ['1', 6, 1_000_000n],
    ['1.5', 6, 1_500_000n],
    [' 0.000001 ', 6, 1n],
    ['1000000000000', 18, 10n ** 30n],
  ])('%j with %d decimals is %s base units', (text, decimals, value) => {
    expect(parseAmount(text, decimals)).toEqual({ ok: true, value });
  });

  it.each(['', '1.', '.5', '1,5', '-1', '1e6', '0x10', '1.2.3', 'NaN', '１'])('%j is refused', (text) => {
    expect(parseAmount(text, 18)).toMatchObject({ ok: false, reason: 'Enter an amount like 1.5' });
  });

  it('refuses more fraction digits than the token has, instead of rounding them away', () => {
    expect(parseAmount('1.0000001', 6)).toMatchObject({ ok: false, reason: expect.stringContaining('6 decimals') });
    expect(parseAmount('0.5', 0)).toMatchObject({ ok: false });
  });
});

describe('the send form', () => {
  it('refuses an amount with more digits than the native token has, and sends nothing', async () => {
    const { createUiApi } = await import('../../../lib/commands');
    const { createTestWallet, ACCOUNT_0, ACCOUNT_1 } = await import('../wallet/harness');
    const t = await createTestWallet();
    await t.wallet.keys.unlock('correct horse battery');
    const ui = createUiApi(t.wallet, { schedule: () => undefined }, t.clock);
    await expect(ui.handle('send.submit', { from: ACCOUNT_0, to: ACCOUNT_1, amount: '0.0000000000000000001' })).rejects.toMatchObject({
      code: 'send.bad_amount',
    });
    expect(t.wallet.approvals.list()).toEqual([]);
    expect(t.node.sent).toEqual([]);
  });
});
