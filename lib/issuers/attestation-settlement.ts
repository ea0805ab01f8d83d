/**
 * Reading an Ondo-style settlement from a receipt. The real GMTokenManager emits one event for
 * both sides, TradeExecuted, carrying the attestation it executed but no account and no
 * stablecoin amount: the wallet matches it against the attestation it signed (decoded back
 * from the call it sent) and measures the stablecoin from the ERC-20 transfers in the receipt.
 */
import { type Address, decodeFunctionData, isAddressEqual, type Log, parseEventLogs } from 'viem';
import { attestationManagerAbi, erc20Abi } from './abis';
import type { CheckedQuote } from './types';

type Quote = {
  chainId: bigint;
  attestationId: bigint;
  userId: `0x${string}`;
  asset: Address;
  quantity: bigint;
  side: number;
};

/** The attestation the request's transaction carries. */
export function sentQuote(quote: CheckedQuote): Quote | undefined {
  try {
    const call = decodeFunctionData({ abi: attestationManagerAbi, data: quote.data });
    if (call.functionName !== 'mintWithAttestation' && call.functionName !== 'redeemWithAttestation') return undefined;
    return call.args[0] as Quote;
  } catch {
    return undefined;
  }
}

/** The manager's TradeExecuted for exactly this attestation: same id, chain, KYC user id, side, asset and quantity. */
export function findTrade(logs: Log[], quote: CheckedQuote) {
  const sent = sentQuote(quote);
  if (!sent) return undefined;
  const side = quote.side === 'mint' ? 0 : 1;
  return parseEventLogs({ abi: attestationManagerAbi, eventName: 'TradeExecuted', logs, strict: true })
    .filter((log) => isAddressEqual(log.address, quote.contract))
    .map((log) => log.args)
    .find(
      (t) =>
        t.attestationId === sent.attestationId &&
        t.chainId === sent.chainId &&
        t.userId.toLowerCase() === sent.userId.toLowerCase() &&
        t.side === side &&
        t.side === sent.side &&
        isAddressEqual(t.asset, quote.token) &&
        t.quantity === quote.quantity,
    );
}

/** Stablecoin the user paid (mint) or received (redemption) in this receipt, or undefined if no transfer shows it. */
export function paymentMoved(logs: Log[], quote: CheckedQuote, user: Address): bigint | undefined {
  const transfers = parseEventLogs({ abi: erc20Abi, eventName: 'Transfer', logs, strict: true }).filter((log) =>
    isAddressEqual(log.address, quote.paymentToken),
  );
  const mine = transfers.filter((log) => isAddressEqual(quote.side === 'mint' ? log.args.from : log.args.to, user));
  if (mine.length === 0) return undefined;
  return mine.reduce((sum, log) => sum + log.args.value, 0n);
}
