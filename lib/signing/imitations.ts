/**
 * Tokens outside the registry that read as a registry token or a well-known symbol: the view
 * names them as look-alikes (TokenLookup.shown) and the verdict says so, at least a warning.
 */
import type { Address } from 'viem';
import type { ComplianceReason, ComplianceResult } from '../compliance';
import type { TokenInfo } from '../intent';
import type { TokenLookup } from '../tokens';

type InfoOf = (address: Address) => TokenInfo | undefined;

/** One warning per imitating token the request touches. */
export function imitationReasons(tokens: TokenLookup, chainId: number, addresses: readonly Address[], info: InfoOf): ComplianceReason[] {
  return [...new Set(addresses)].flatMap((address) => {
    const found = info(address);
    const imitation = found && tokens.imitation(chainId, address, found);
    if (!imitation) return [];
    const real = imitation.address ? `the registry's ${imitation.of} is ${imitation.address}` : `it is not a ${imitation.of} Sharekeep knows`;
    return [
      {
        code: 'lookalike-token',
        severity: 'warn' as const,
        message: `The token ${address} calls itself ${found.symbol}, which reads as ${imitation.of}, but ${real}: it may be an imitation.`,
      },
    ];
  });
}

/** The verdict with the look-alike warnings added: an allow becomes a warn, a block stays a block. */
export function withImitations(verdict: ComplianceResult, reasons: ComplianceReason[]): ComplianceResult {
  if (reasons.length === 0) return verdict;
  return { verdict: verdict.verdict === 'allow' ? 'warn' : verdict.verdict, reasons: [...verdict.reasons, ...reasons] };
}
