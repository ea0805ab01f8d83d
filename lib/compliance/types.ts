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
