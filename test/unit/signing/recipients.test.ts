// Which transfer recipients the guard treats as contracts (a pair, a pool): the input that turns
// "a restricted token sent to a pair" from a warned transfer into a blocked sale.
import type { Address } from 'viem';
import { describe, expect, it } from 'vitest';
import type { Intent } from '../../../lib/intent';
import { contractRecipients } from '../../../lib/signing/recipients';
import type { TokenLookup } from '../../../lib/tokens';

const STOCK = '0x1111111111111111111111111111111111111111' as Address;
const PLAIN = '0x2222222222222222222222222222222222222222' as Address;
const PAIR = '0x3333333333333333333333333333333333333333' as Address;
const FRIEND = '0x4444444444444444444444444444444444444444' as Address;
const DELEGATED = '0x5555555555555555555555555555555555555555' as Address;
const SILENT = '0x6666666666666666666666666666666666666666' as Address;

const tokens = {
  policy: (_c: number, a: string) => (a === STOCK ? { symbol: 'X', issuerName: 'I', verified: true, restrictions: { source: '' } } : undefined),
} as unknown as TokenLookup;
const code: Record<string, string> = { [PAIR]: '0x6080', [FRIEND]: '0x', [DELEGATED]: `0xef0100${'ab'.repeat(20)}` };
const calls: string[] = [];
const rpc = async (method: string, params: unknown[] = []) => {
  calls.push(`${method}:${params[0]}`);
  if (params[0] === SILENT) throw new Error('node down');
  return code[params[0] as string] ?? '0x';
};
const intentWith = (deliveries: { token: Address; to: Address }[]) =>
  ({ deliveries: deliveries.map((d) => ({ ...d, amount: 1n, reason: 'transfer' })) }) as unknown as Intent;

describe('contract recipients of registry-token transfers', () => {
  it('names pairs, not people (an EIP-7702 account is a person), and counts an unanswered node as a contract', async () => {
    const intent = intentWith([PAIR, FRIEND, DELEGATED, SILENT].map((to) => ({ token: STOCK, to })));
    expect(await contractRecipients(rpc, tokens, 1, intent)).toEqual([PAIR, SILENT]);
  });

  it('asks nothing for transfers of tokens the registry does not know', async () => {
    calls.length = 0;
    expect(await contractRecipients(rpc, tokens, 1, intentWith([{ token: PLAIN, to: PAIR }]))).toEqual([]);
    expect(calls).toEqual([]);
  });
});
