/**
 * Which issuer mints and redeems a token, and through which allowlisted origin and contracts.
 * Only verified registry entries count: an issuer without a verified origin, or without a
 * verified mint/redeem contract on the chain, offers nothing.
 */
import { type Address, getAddress, isAddressEqual } from 'viem';
import type { Issuer, Registry, Token } from '../registry';
import { issuerError } from './errors';
import type { IssuerSide } from './types';

export interface ResolvedIssuer {
  token: Token;
  issuer: Issuer;
  /** The allowlisted origin of the issuer's API, or undefined when it has none. */
  origin?: string;
  mintContracts: Address[];
  /** Issuer contracts a redemption calls, or (a deposit issuer) its registered deposit address. */
  redeemContracts: Address[];
  /** A deposit issuer's registered payout addresses: where its stablecoin payouts come from. */
  payoutAddresses: Address[];
  /** A Dinari-style issuer: the verified key that signs its fee quotes on this chain, and the stablecoins its orders pay in. */
  feeQuoteSigners: Address[];
  paymentTokens: Address[];
  /** An Ondo-style issuer: the verified keys that sign its attestations on this chain. */
  attestationSigners: Address[];
}

export function resolveIssuer(registry: Registry | undefined, chainId: number, tokenAddress: string): ResolvedIssuer {
  const token = registry?.findToken(chainId, tokenAddress);
  const issuer = token && registry?.issuer(token.issuer);
  if (!registry || !token || !issuer) {
    throw issuerError('issuer.unsupported', 'Sharekeep knows no issuer that mints or redeems this token on this network.');
  }
  const origin = issuer.origins.find((o) => o.verified && registry.isAllowlistedIssuerOrigin(o.origin))?.origin;
  const usable = issuer.contracts.filter((c) => c.chainId === chainId && c.verified && registry.isAllowlistedIssuerContract(chainId, c.address));
  // Not contracts the wallet calls: verified entries of the issuer on this chain, not in the contract allowlist.
  const ownAddresses = (role: string) =>
    issuer.contracts.filter((c) => c.chainId === chainId && c.verified && c.role === role).map((c) => getAddress(c.address));
  const withRole = (roles: string[]) => usable.filter((c) => roles.includes(c.role)).map((c) => getAddress(c.address));
  return {
    token,
    issuer,
    origin: origin ? new URL(origin).origin : undefined,
    mintContracts: withRole(['mint', 'mint-redeem']),
    redeemContracts: withRole(issuer.redemptionByDeposit ? ['redemption-deposit'] : ['redeem', 'mint-redeem']),
    payoutAddresses: withRole(['payout']),
    feeQuoteSigners: ownAddresses('fee-quote-signer'),
    paymentTokens: ownAddresses('payment-token'),
    attestationSigners: ownAddresses('attestation-signer'),
  };
}

export const contractsFor = (resolved: ResolvedIssuer, side: IssuerSide) => (side === 'mint' ? resolved.mintContracts : resolved.redeemContracts);

/**
 * A deposit-style issuer (Backed) without a mint contract issues new tokens off chain, only to the
 * clients it has onboarded: what the user is told instead of a mint, and where to go.
 */
export function offChainMint(resolved: ResolvedIssuer): { reason: string; link: string } | undefined {
  const { issuer, token } = resolved;
  const deposit = issuer.redemptionByDeposit;
  if (!deposit || resolved.mintContracts.length > 0) return undefined;
  return {
    reason: `${issuer.name} issues new ${token.symbol} only to clients it has onboarded, off chain; no contract mints it for a wallet, so Sharekeep cannot mint it here. To buy from ${issuer.name}, become its client through its onboarding:`,
    link: deposit.onboarding,
  };
}

/** Throws unless the issuer has an allowlisted origin and an allowlisted contract for this side. */
export function requireAllowlisted(resolved: ResolvedIssuer, side: IssuerSide): string {
  const { issuer, origin } = resolved;
  const deposit = issuer.redemptionByDeposit;
  const offChain = side === 'mint' ? offChainMint(resolved) : undefined;
  if (offChain) throw issuerError('issuer.unsupported', `${offChain.reason} ${offChain.link}. Nothing was sent.`);
  if (deposit && side === 'redeem' && resolved.redeemContracts.length === 0) {
    throw issuerError(
      'issuer.not_allowlisted',
      `${issuer.name} redeems tokens sent to its registered deposit address from a wallet it has approved, but Sharekeep does not know that address on this network. Nothing was sent; redeem through ${issuer.name}'s onboarding: ${deposit.onboarding}`,
    );
  }
  if (!origin || contractsFor(resolved, side).length === 0) {
    throw issuerError(
      'issuer.not_allowlisted',
      `${issuer.name} is not allowlisted in Sharekeep to ${side} ${resolved.token.symbol} on this network. Nothing was sent.`,
    );
  }
  return origin;
}

export function requireAllowlistedContract(resolved: ResolvedIssuer, side: IssuerSide, contract: Address): void {
  if (!contractsFor(resolved, side).some((c) => isAddressEqual(c, contract))) {
    throw issuerError(
      'issuer.not_allowlisted',
      `${resolved.issuer.name}'s quote asks you to call ${contract}, which is not one of its allowlisted contracts. Nothing was signed.`,
    );
  }
}

/** A deposit redemption's payout must come from one of the issuer's registered payout addresses. */
export function requireAllowlistedPayout(resolved: ResolvedIssuer, payoutFrom: Address): void {
  if (!resolved.payoutAddresses.some((a) => isAddressEqual(a, payoutFrom))) {
    throw issuerError(
      'issuer.not_allowlisted',
      `${resolved.issuer.name}'s quote says the payout comes from ${payoutFrom}, which is not its registered payout address. Nothing was signed.`,
    );
  }
}
