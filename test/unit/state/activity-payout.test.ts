// Activity's line for a redemption's payout (issue 13): pending until the stablecoin arrives (with
// when it is due), then the amount received; nothing for a transaction that failed or never went.
import { describe, expect, it } from 'vitest';
import { type ActivityEntry, createActivityLog, payoutLine } from '../../../lib/state';
import { createMemoryStore } from '../../../lib/ports/memory';

const pending = { state: 'pending', symbol: 'USDC', decimals: 6, when: 'within T+3 (3 business days after the deposit)' } as const;
const received = { state: 'received', symbol: 'USDC', decimals: 6, amount: '99500000' } as const;

describe('the payout line of a redemption in Activity', () => {
  it.each<[string, Pick<ActivityEntry, 'status' | 'payout'>, ReturnType<typeof payoutLine>]>([
    ['a plain transaction', { status: 'confirmed' }, undefined],
    [
      'a sell order mined, not filled',
      { status: 'confirmed', payout: pending },
      { state: 'pending', text: 'Payout pending: USDC within T+3 (3 business days after the deposit)' },
    ],
    ['a deposit not yet mined', { status: 'pending', payout: { ...pending, when: undefined } }, { state: 'pending', text: 'Payout pending: USDC' }],
    ['paid out', { status: 'confirmed', payout: received }, { state: 'received', text: 'Received 99.5 USDC' }],
    ['a failed sell', { status: 'failed', payout: pending }, undefined],
    ['a dropped deposit', { status: 'dropped', payout: pending }, undefined],
    [
      'received without an amount (a bad record)',
      { status: 'confirmed', payout: { ...received, amount: undefined } },
      { state: 'pending', text: 'Payout pending: USDC' },
    ],
  ])('%s', (_name, entry, line) => {
    expect(payoutLine(entry)).toEqual(line);
  });

  it('is kept on the entry of the transaction, also one it replaced, and survives a reload', async () => {
    const store = createMemoryStore();
    const log = createActivityLog(store);
    const entry: ActivityEntry = {
      hash: '0xaa',
      chainId: 31337,
      from: '0x1',
      origin: 'Devnet Orders',
      summary: 'Sell order',
      status: 'pending',
      createdAt: 1,
      nonce: 0,
    };
    await log.add(entry);
    await log.notePayout('0xaa', pending);
    await log.replace('0xaa', { hash: '0xbb', kind: 'speed-up', sent: { value: '0', gas: '21000', type: 'legacy', gasPrice: '1' } });
    await log.notePayout('0xaa', received);
    const [stored] = await createActivityLog(store).list();
    expect(stored).toMatchObject({ hash: '0xbb', payout: received });
    expect(await log.notePayout('0xcc', received)).toBeUndefined();
  });
});
