/**
 * The verdict of a pending approval. A request that signs carries the wallet's verdict (the
 * signing pipeline's `evaluate`), shown as it is; a request that signs nothing (adding a
 * network, watching a token) gets its warnings here, so the window rebuilds none itself.
 */
import type { ComplianceReason, ComplianceResult } from './types';

export interface ApprovalLike {
  kind: string;
  details: unknown;
}

const ALLOW: ComplianceResult = { verdict: 'allow', reasons: [] };

function carriedVerdict(details: unknown): ComplianceResult | undefined {
  if (typeof details !== 'object' || details === null || !('verdict' in details)) return undefined;
  const verdict = (details as { verdict: unknown }).verdict;
  if (typeof verdict !== 'object' || verdict === null) return undefined;
  const { verdict: value, reasons } = verdict as Partial<ComplianceResult>;
  return (value === 'allow' || value === 'warn' || value === 'block') && Array.isArray(reasons) ? { verdict: value, reasons } : undefined;
}

function watchAssetReasons(details: unknown): ComplianceReason[] {
  const watch = (details ?? {}) as {
    verified?: boolean;
    lookalikes?: { symbol: string; address: string }[];
    imitation?: { of: string; address?: string };
  };
  const reasons: ComplianceReason[] = [];
  if (!watch.verified) {
    reasons.push({
      code: 'unverified-token',
      severity: 'warn',
      message: "This token is not in Sharekeep's verified registry: anyone can deploy a token with any name.",
    });
  }
  for (const other of watch.lookalikes ?? []) {
    reasons.push({
      code: 'lookalike-token',
      severity: 'warn',
      message: `Its symbol or name reads as ${other.symbol}, the registry token at ${other.address}, but it is a different contract: it may be an imitation.`,
    });
  }
  if (watch.imitation && !watch.imitation.address) {
    reasons.push({
      code: 'lookalike-token',
      severity: 'warn',
      message: `Its symbol or name is ${watch.imitation.of} spelt with look-alike or invisible characters: a real ${watch.imitation.of} would not need them.`,
    });
  }
  return reasons;
}

/** A connect request carries the wallet's check of the site (lib/sites): its warnings are the verdict's reasons. */
function connectReasons(details: unknown): ComplianceReason[] {
  const site = (details ?? {}) as { site?: { warnings?: { code: string; severity: string; message: string }[] } };
  return (site.site?.warnings ?? []).map((w) => ({ code: w.code, severity: 'warn' as const, message: w.message }));
}

/** The verdict the approval window shows for a pending request. */
export function approvalVerdict(approval: ApprovalLike): ComplianceResult {
  const carried = carriedVerdict(approval.details);
  if (carried) return carried;
  if (approval.kind === 'add-chain') {
    const message = 'Add networks only from sites you trust: the RPC server will see your addresses and could show false balances.';
    return { verdict: 'warn', reasons: [{ code: 'site-added-network', severity: 'warn', message }] };
  }
  if (approval.kind === 'connect') {
    const reasons = connectReasons(approval.details);
    return { verdict: reasons.length ? 'warn' : 'allow', reasons };
  }
  if (approval.kind === 'watch-asset') {
    const reasons = watchAssetReasons(approval.details);
    return { verdict: reasons.length ? 'warn' : 'allow', reasons };
  }
  return ALLOW;
}
