import { pad } from 'viem';
import { describe, expect, it } from 'vitest';
import { TRANSFER_TOPIC } from '../../../lib/activity-scan';
import { createUiApi } from '../../../lib/commands';
import { registryData, token } from '../registry/fixtures';
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

describe('incoming transfers in the activity state', () => {
  const TOKEN = '0x00000000000000000000000000000000000000a1';
  const SENDER = '0x90F79bf6EB2c4f870365E785982E1f101E93b906';

  async function withToken() {
    const t = await createTestWallet({ registry: registryData([token({ chainId: 31337, address: TOKEN, symbol: 'TSLAx', decimals: 18 })]) });
    const ui = createUiApi(t.wallet, { schedule: () => undefined }, t.clock);
    return { t, ui };
  }

  it('a refresh lists a transfer to the account with its token, and names its sender from the address book', async () => {
    const { t, ui } = await withToken();
    t.node.answers.eth_getLogs = (params) => {
      const [, , to] = (params[0] as { topics: string[] }).topics;
      return to === pad('0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266')
        ? [
            {
              address: TOKEN,
              topics: [TRANSFER_TOPIC, pad(SENDER.toLowerCase() as `0x${string}`), to],
              data: pad('0x2a'),
              blockNumber: '0x5',
              transactionHash: HASH_OK,
              logIndex: '0x0',
            },
          ]
        : [];
    };
    await ui.handle('contacts.set', { address: SENDER, name: 'Alice' });
    await ui.handle('activity.refresh', {});
    const state = await ui.state();
    expect(state.incoming).toEqual([expect.objectContaining({ hash: HASH_OK, symbol: 'TSLAx', decimals: 18, amount: '42', payout: false })]);
    expect(state.activityLabels?.[31337]?.[SENDER.toLowerCase()]).toBe('"Alice" (your address book)');
    expect(state.incomingNotice).toBeUndefined();
  });

  it('a node that does not serve logs is said to; a locked wallet shows no incoming transfers', async () => {
    const { ui } = await withToken();
    await ui.handle('activity.refresh', {});
    expect((await ui.state()).incomingNotice).toMatch(/refused to serve logs/);
    await ui.handle('lock', {});
    const locked = await ui.state();
    expect([locked.incoming, locked.incomingNotice]).toEqual([[], undefined]);
  });
});
