import type { Address } from 'viem';
import { describeTime, isUnlimited } from '../format';
import type { FunctionDecoder } from './decoder';

export const PERMIT2_ADDRESS = '0x000000000022D473030F116dDEE9F6B43aC78BA3';

function describeExpiry(expiration: number): string {
  if (expiration === 0) return 'until the end of this block';
  return `until ${describeTime(expiration)}`;
}

export const permit2Decoders: FunctionDecoder[] = [
  {
    signature: 'function approve(address token, address spender, uint160 amount, uint48 expiration)',
    describe([token, spender, amount, expiration], env) {
      const value = amount as bigint;
      const unlimited = isUnlimited(value);
      const t = token as Address;
      const s = spender as Address;
      return {
        kind: 'permit2-approve',
        summary: `Allow ${env.d.address(s)} to spend ${env.d.amount(t, value)} through Permit2 ${describeExpiry(Number(expiration))}.`,
        approvals: [{ token: t, spender: s, amount: value, unlimited }],
        warnings: unlimited
          ? [{ code: 'unlimited-approval', message: `${env.d.address(s)} could take all of your ${env.d.token(t)} held by Permit2's allowance.` }]
          : [],
      };
    },
  },
];
