import { describe, expect, it } from 'vitest';
import { createUiApi } from '../../../lib/commands';
import { createTestWallet } from '../wallet/harness';

const HASH_OK = `0x${'11'.repeat(32)}`;
const HASH_REVERTED = `0x${'22'.repeat(32)}`;
const HASH_WAITING = `0x${'33'.repeat(32)}`;

async function setup() {
  const t = await createTestWallet({ onboard: true });
  const scheduled: (number | undefined)[] = [];
  const ui = createUiApi(t.wallet, { schedule: (at) => scheduled.push(at) }, t.clock);
  const entry = {
    chainId: 31337,
    from: '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266',
    origin: 'Sharekeep',
    summary: 'Send',
    createdAt: 0,
    nonce: 0,
    status: 'pending' as const,
  };
  for (const hash of [HASH_OK, HASH_REVERTED, HASH_WAITING]) await t.wallet.activity.add({ ...entry, hash });
  t.node.answers.eth_getTransactionReceipt = (params) =>
    ({ [HASH_OK]: { status: '0x1' }, [HASH_REVERTED]: { status: '0x0' } })[params[0] as string] ?? null;
  return { t, ui, scheduled };
}

describe("the popup's activity refresh", () => {
  it('marks mined transactions confirmed or failed from their receipts and leaves unmined ones pending', async () => {
    const { ui } = await setup();
    await ui.handle('activity.refresh', {});
    const statuses = Object.fromEntries((await ui.state()).activity.map((e) => [e.hash, e.status]));
    expect(statuses).toEqual({ [HASH_OK]: 'confirmed', [HASH_REVERTED]: 'failed', [HASH_WAITING]: 'pending' });
  });

  it('a transaction a reorg dropped, whose nonce another transaction then took, is marked dropped', async () => {
    const { t, ui } = await setup();
    t.node.answers.eth_getTransactionCount = () => '0x1';
    t.node.answers.eth_getTransactionByHash = () => null;
    await ui.handle('activity.refresh', {});
    const waiting = (await ui.state()).activity.find((e) => e.hash === HASH_WAITING);
    expect(waiting?.status).toBe('dropped');
  });

  it('stays pending while the node still knows it, though its receipt did not load', async () => {
    const { t, ui } = await setup();
    t.node.answers.eth_getTransactionCount = () => '0x1';
    t.node.answers.eth_getTransactionByHash = (params) => ({ hash: params[0] });
    await ui.handle('activity.refresh', {});
    expect((await ui.state()).activity.find((e) => e.hash === HASH_WAITING)?.status).toBe('pending');
  });

  it('does not count as user activity, so polling never postpones auto-lock', async () => {
    const { ui, scheduled } = await setup();
    await ui.handle('activity.refresh', {});
    expect(scheduled).toEqual([]);
    await ui.handle('lock', {});
    expect(scheduled).toEqual([undefined]);
  });
});

describe('live validation of an imported phrase', () => {
  it('names the unknown word and its position in a plain object', async () => {
    const { ui } = await setup();
    const answer = await ui.handle('onboarding.validate', { secret: 'test test test test test test test test test test tets junk' });
    expect(JSON.parse(JSON.stringify(answer))).toEqual({
      ok: false,
      error: { code: 'keyring.unknown_word', message: expect.stringContaining('"tets"'), word: 'tets', position: 11 },
    });
  });
});
