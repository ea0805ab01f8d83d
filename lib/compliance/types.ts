import type { Address } from 'viem';

/** What the registry knows about a token's jurisdiction rules. */
export interface TokenPolicy {
  symbol: string;
  issuerName: string;
  restrictions: {
    /** ISO 3166-1 alpha-2 countries whose residents may not hold the token. */
    excluded?: string[];
    /** When present, only residents of these countries may hold the token. */
    allowedOnly?: string[];
    /** Where the rule comes from (terms, prospectus, contract header). */
    source: string;
  };
  /** Whether the registry entry was checked against the issuer's own sources. */
  verified: boolean;
}

export type TokenPolicyLookup = (chainId: number, address: Address) => TokenPolicy | undefined;

export type Severity = 'info' | 'warn' | 'block';
export type Verdict = 'allow' | 'warn' | 'block';

export interface ComplianceReason {
  code: string;
  severity: Severity;
  message: string;
  /** Where the rule behind this reason is published. */
  source?: string;
}

export interface ComplianceResult {
  verdict: Verdict;
  reasons: ComplianceReason[];
}
