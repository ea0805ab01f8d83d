import { type Address, getAddress, isAddressEqual } from 'viem';
import { isUnlimited } from '../format';
import type { IntentWarning } from '../types';
import type { DecodeEnv, FunctionDecoder, IntentDraft } from './decoder';

/** The token is the contract called; the wallet may not know it. */
function tokenOf(env: DecodeEnv): Address {
  return env.tx.to as Address;
}

function unlimitedWarning(env: DecodeEnv, token: Address, spender: Address): IntentWarning {
  return {
    code: 'unlimited-approval',
    message: `${env.d.address(spender)} could take all of your ${env.d.token(token)}, now and in the future, until you revoke it.`,
  };
}

function approval(env: DecodeEnv, spender: Address, amount: bigint, verb: string): IntentDraft {
  const token = tokenOf(env);
  const unlimited = isUnlimited(amount);
  return {
    kind: 'erc20-approve',
    summary: `${verb} ${env.d.address(spender)} to spend ${env.d.amount(token, amount)} from your account.`,
    approvals: [{ token, spender, amount, unlimited }],
    warnings: unlimited ? [unlimitedWarning(env, token, spender)] : [],
  };
}

export const erc20Decoders: FunctionDecoder[] = [
  {
    signature: 'function transfer(address to, uint256 amount)',
    describe([to, amount], env) {
      const token = tokenOf(env);
      const recipient = getAddress(to as Address);
      return {
        kind: 'erc20-transfer',
        summary: `Send ${env.d.amount(token, amount as bigint)} to ${env.d.address(recipient)}.`,
        assetsOut: [{ token, amount: amount as bigint }],
        deliveries: isAddressEqual(recipient, env.tx.from) ? [] : [{ token, amount: amount as bigint, to: recipient, reason: 'transfer' }],
      };
    },
  },
  {
    signature: 'function approve(address spender, uint256 amount)',
    describe: ([spender, amount], env) => approval(env, spender as Address, amount as bigint, 'Allow'),
  },
  {
    signature: 'function increaseAllowance(address spender, uint256 addedValue)',
    describe: ([spender, amount], env) => approval(env, spender as Address, amount as bigint, 'Additionally allow'),
  },
  {
    signature: 'function transferFrom(address from, address to, uint256 amount)',
    describe([from, to, amount], env) {
      const token = tokenOf(env);
      const value = amount as bigint;
      const mine = (a: unknown) => isAddressEqual(a as Address, env.tx.from);
      return {
        kind: 'erc20-transfer-from',
        summary: `Move ${env.d.amount(token, value)} from ${env.d.address(from as Address)} to ${env.d.address(to as Address)}.`,
        assetsOut: mine(from) && !mine(to) ? [{ token, amount: value }] : [],
        assetsIn: mine(to) && !mine(from) ? [{ token, amount: value }] : [],
        deliveries: mine(to) ? [] : [{ token, amount: value, to: getAddress(to as Address), reason: 'transfer' }],
        tokens: [token],
      };
    },
  },
];
