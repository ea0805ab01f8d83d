/**
 * The queue of requests waiting for the user. Each entry names the site that asked; the
 * approval window shows them one at a time. One pending connect per site (-32002), a few
 * pending requests per site so one site cannot fill the queue for all, and a site the user
 * rejected twice within a minute may be blocked for a while; the block is kept in the given
 * store, so it outlives a service-worker restart. A site's request opens (or focuses) the
 * window only when none of that site's requests is already waiting in it.
 */
import { ProviderRpcError, RpcErrorCode, rpcErrors } from '../errors';
import type { Clock, KeyValueStore } from '../ports';
import { isOpaqueOrigin, OPAQUE_ORIGIN_ERROR } from '../provider';

export type ApprovalKind =
  | 'connect'
  | 'sign-message'
  | 'sign-typed-data'
  | 'transaction'
  | 'add-chain'
  | 'switch-chain'
  | 'watch-asset'
  | 'issuer-request'
  /** The second step for a hardware account: the approved request, signed on the device. */
  | 'hardware-sign';

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
  /** What the user chose in the window (accounts to connect, the fee to pay...). */
  data?: unknown;
  /** Block the site for BLOCK_MS after rejecting. */
  block?: boolean;
}

export const REJECTION_WINDOW_MS = 60_000;
export const BLOCK_MS = 10 * 60_000;
export const MAX_PENDING = 50;
/** Pending requests one site may have at once; the rest of MAX_PENDING stays for other sites. */
export const MAX_PENDING_PER_ORIGIN = 5;
const BLOCKS_KEY = 'approvals.blockedUntil';

export interface RequestOptions {
  onePerOrigin?: boolean;
  /**
   * Checks what the user chose before the request counts as approved: what it returns is what
   * `request` resolves with; what it throws goes back to the window and the request stays pending.
   */
  parse?(data: unknown): unknown;
}

export interface ApprovalQueue {
  /** Resolves with the user's data on approval (parsed by `options.parse`); rejects with 4001 on rejection. */
  request<D>(origin: string, kind: ApprovalKind, details: D, options?: RequestOptions): Promise<unknown>;
  list(): PendingApproval[];
  /** False when the request is gone; throws what `parse` throws, leaving the request pending. */
  decide(id: string, decision: ApprovalDecision): boolean;
  rejectAll(reason?: string): void;
  isBlocked(origin: string): boolean;
}

export interface ApprovalQueueOptions {
  clock: Clock;
  onChange(): void;
  openWindow(): Promise<void>;
  /** Where blocks are kept (storage.session in the extension); in memory only without it. */
  store?: KeyValueStore;
}

export function createApprovalQueue(options: ApprovalQueueOptions): ApprovalQueue {
  const { clock, onChange, openWindow, store } = options;
  const pending = new Map<
    string,
    { entry: PendingApproval; resolve(data: unknown): void; reject(err: unknown): void; parse?: RequestOptions['parse'] }
  >();
  const rejections = new Map<string, number[]>();
  const blockedUntil = new Map<string, number>();
  let counter = 0;

  // Blocks a previous worker wrote, read once before the first request is judged.
  let loaded: Promise<void> | undefined;
  const loadBlocks = () => {
    loaded ??= (store?.get<Record<string, number>>(BLOCKS_KEY) ?? Promise.resolve(undefined)).then(
      (saved) => {
        for (const [origin, until] of Object.entries(saved ?? {})) {
          if (typeof until === 'number' && until > clock.now() && until > (blockedUntil.get(origin) ?? 0)) blockedUntil.set(origin, until);
        }
      },
      () => undefined,
    );
    return loaded;
  };
  const saveBlocks = () => {
    const live = Object.fromEntries([...blockedUntil].filter(([, until]) => until > clock.now()));
    return store?.set({ [BLOCKS_KEY]: live }).catch(() => undefined);
  };

  const recentRejections = (origin: string) => (rejections.get(origin) ?? []).filter((t) => clock.now() - t < REJECTION_WINDOW_MS);
  const pendingOf = (origin: string) => [...pending.values()].filter((p) => p.entry.origin === origin).map((p) => p.entry);

  return {
    async request(origin, kind, details, opts) {
      if (isOpaqueOrigin(origin)) throw new ProviderRpcError(OPAQUE_ORIGIN_ERROR.code, OPAQUE_ORIGIN_ERROR.message);
      await loadBlocks();
      // From here to the insert nothing awaits, so concurrent requests are judged one at a time.
      if ((blockedUntil.get(origin) ?? 0) > clock.now()) {
        throw rpcErrors.userRejected('This site is blocked for a while after repeated rejections.');
      }
      const mine = pendingOf(origin);
      if (opts?.onePerOrigin && mine.some((p) => p.kind === kind)) {
        throw rpcErrors.resourceUnavailable(`A ${kind} request from ${origin} is already pending. Please wait.`);
      }
      if (mine.length >= MAX_PENDING_PER_ORIGIN) {
        throw rpcErrors.resourceUnavailable('This site already has several requests waiting for approval. Please wait.');
      }
      if (pending.size >= MAX_PENDING) throw rpcErrors.resourceUnavailable('Too many requests are waiting for approval.');
      const id = `${clock.now().toString(36)}-${(counter++).toString(36)}`;
      const entry: PendingApproval = { id, origin, kind, createdAt: clock.now(), details, offerBlock: recentRejections(origin).length >= 2 };
      const promise = new Promise<unknown>((resolve, reject) => pending.set(id, { entry, resolve, reject, parse: opts?.parse }));
      onChange();
      // The window already shows this site's requests: a new one does not pull it to the front again.
      if (mine.length === 0) openWindow().catch(() => undefined);
      return promise;
    },
    list() {
      return [...pending.values()].map((p) => p.entry);
    },
    decide(id, decision) {
      const item = pending.get(id);
      if (!item) return false;
      const data = decision.approved && item.parse ? item.parse(decision.data) : decision.data;
      pending.delete(id);
      if (decision.approved) {
        item.resolve(data);
      } else {
        const origin = item.entry.origin;
        rejections.set(origin, [...recentRejections(origin), clock.now()]);
        if (decision.block) {
          blockedUntil.set(origin, clock.now() + BLOCK_MS);
          saveBlocks();
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
