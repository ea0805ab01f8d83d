/**
 * The queue of requests waiting for the user. Each entry names the site that asked; the
 * approval window shows them one at a time. One pending connect per site (-32002), and a
 * site the user rejected twice within a minute may be blocked for a while.
 */
import { ProviderRpcError, RpcErrorCode, rpcErrors } from '../errors';
import type { Clock } from '../ports';

export type ApprovalKind =
  | 'connect'
  | 'sign-message'
  | 'sign-typed-data'
  | 'transaction'
  | 'add-chain'
  | 'switch-chain'
  | 'watch-asset'
  | 'issuer-request';

export interface PendingApproval<Details = unknown> {
  id: string;
  origin: string;
  kind: ApprovalKind;
  createdAt: number;
  details: Details;
  /** The site was rejected twice in the last minute: the window offers to block it. */
  offerBlock: boolean;
}

export interface ApprovalDecision {
  approved: boolean;
  /** What the user chose in the window (accounts to connect, edited fees...). */
  data?: unknown;
  /** Block the site for BLOCK_MS after rejecting. */
  block?: boolean;
}

export const REJECTION_WINDOW_MS = 60_000;
export const BLOCK_MS = 10 * 60_000;
export const MAX_PENDING = 50;

export interface ApprovalQueue {
  /** Resolves with the user's data on approval; rejects with 4001 on rejection. */
  request<D>(origin: string, kind: ApprovalKind, details: D, options?: { onePerOrigin?: boolean }): Promise<unknown>;
  list(): PendingApproval[];
  decide(id: string, decision: ApprovalDecision): boolean;
  rejectAll(reason?: string): void;
  isBlocked(origin: string): boolean;
}

export function createApprovalQueue(options: { clock: Clock; onChange(): void; openWindow(): Promise<void> }): ApprovalQueue {
  const { clock, onChange, openWindow } = options;
  const pending = new Map<string, { entry: PendingApproval; resolve(data: unknown): void; reject(err: unknown): void }>();
  const rejections = new Map<string, number[]>();
  const blockedUntil = new Map<string, number>();
  let counter = 0;

  const recentRejections = (origin: string) => (rejections.get(origin) ?? []).filter((t) => clock.now() - t < REJECTION_WINDOW_MS);

  return {
    request(origin, kind, details, opts) {
      if ((blockedUntil.get(origin) ?? 0) > clock.now()) {
        return Promise.reject(rpcErrors.userRejected('This site is blocked for a while after repeated rejections.'));
      }
      const sameKind = [...pending.values()].some((p) => p.entry.origin === origin && p.entry.kind === kind);
      if (opts?.onePerOrigin && sameKind) {
        return Promise.reject(rpcErrors.resourceUnavailable(`A ${kind} request from ${origin} is already pending. Please wait.`));
      }
      if (pending.size >= MAX_PENDING) return Promise.reject(rpcErrors.resourceUnavailable('Too many requests are waiting for approval.'));
      const id = `${clock.now().toString(36)}-${(counter++).toString(36)}`;
      const entry: PendingApproval = { id, origin, kind, createdAt: clock.now(), details, offerBlock: recentRejections(origin).length >= 2 };
      const promise = new Promise<unknown>((resolve, reject) => pending.set(id, { entry, resolve, reject }));
      onChange();
      openWindow().catch(() => undefined);
      return promise;
    },
    list() {
      return [...pending.values()].map((p) => p.entry);
    },
    decide(id, decision) {
      const item = pending.get(id);
      if (!item) return false;
      pending.delete(id);
      if (decision.approved) {
        item.resolve(decision.data);
      } else {
        const origin = item.entry.origin;
        rejections.set(origin, [...recentRejections(origin), clock.now()]);
        if (decision.block) {
          blockedUntil.set(origin, clock.now() + BLOCK_MS);
          // Everything else the blocked site queued goes too.
          for (const [otherId, other] of pending) {
            if (other.entry.origin !== origin) continue;
            pending.delete(otherId);
            other.reject(rpcErrors.userRejected());
          }
        }
        item.reject(rpcErrors.userRejected());
      }
      onChange();
      return true;
    },
    rejectAll(reason) {
      for (const item of pending.values()) item.reject(new ProviderRpcError(RpcErrorCode.userRejected, reason ?? 'User rejected the request.'));
      pending.clear();
      onChange();
    },
    isBlocked(origin) {
      return (blockedUntil.get(origin) ?? 0) > clock.now();
    },
  };
}
