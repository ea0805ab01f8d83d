import { type Address, isAddressEqual } from 'viem';
import type { DecodeEnv } from './decoder';

/** Whether `token` is the chain's wrapped native currency (WETH and kin). */
export function isWrappedNative(env: DecodeEnv, token: Address): boolean {
  if (env.ctx.wrappedNative) return isAddressEqual(env.ctx.wrappedNative, token);
  const symbol = env.d.token(token);
  return symbol === `W${env.ctx.nativeSymbol ?? 'ETH'}`;
}

/**
 * Routers that receive native currency with the call wrap it to pay a swap whose
 * input is the wrapped token: that payment leaves the user as native currency.
 */
export function paidAs(env: DecodeEnv, token: Address): Address | 'native' {
  return (env.tx.value ?? 0n) > 0n && isWrappedNative(env, token) ? 'native' : token;
}
