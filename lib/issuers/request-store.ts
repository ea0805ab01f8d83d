/**
 * Issuer requests kept in storage.local, so a request survives a service-worker restart or a
 * closed popup: a submitted one is tracked again where it was, and one that was being sent when
 * the worker stopped is never sent a second time.
 */
import * as v from 'valibot';
import type { Clock, KeyValueStore } from '../ports';
import { issuerError } from './errors';
import type { IssuerRequest } from './view';

const KEY = 'issuers.requests';
const MAX_REQUESTS = 50;

/** bigint is not JSON: tagged on the way out, revived on the way in. */
const BIGINT_TAG = '$bigint';
const toJson = (requests: readonly IssuerRequest[]) =>
  JSON.parse(JSON.stringify(requests, (_key, value) => (typeof value === 'bigint' ? { [BIGINT_TAG]: value.toString() } : value)));
const revive = (raw: unknown): unknown =>
  JSON.parse(JSON.stringify(raw), (_key, value) =>
    value && typeof value === 'object' && typeof value[BIGINT_TAG] === 'string' && /^-?\d+$/.test(value[BIGINT_TAG])
      ? BigInt(value[BIGINT_TAG])
      : value,
  );

const hex = v.pipe(v.string(), v.regex(/^0x[0-9a-fA-F]*$/));
/** The parts the service relies on; the rest of a stored request is its own earlier output. */
const StoredRequest = v.looseObject({
  id: v.pipe(v.string(), v.maxLength(64)),
  chainId: v.number(),
  user: hex,
  status: v.picklist(['quote', 'sending', 'submitted', 'payout-pending', 'settled', 'failed']),
  hashes: v.array(hex),
  expiresAt: v.number(),
  sendingSince: v.optional(v.number()),
  plan: v.optional(
    v.looseObject({
      id: v.pipe(v.string(), v.maxLength(64)),
      steps: v.pipe(v.array(v.looseObject({ kind: v.string(), to: hex, data: hex, hash: v.optional(hex) })), v.maxLength(8)),
    }),
  ),
  quote: v.looseObject({ protocol: v.string(), side: v.picklist(['mint', 'redeem']), contract: hex, data: hex, quantity: v.bigint() }),
});

export interface RequestStore {
  load(): Promise<IssuerRequest[]>;
  save(requests: readonly IssuerRequest[]): Promise<void>;
}

export function createRequestStore(store: KeyValueStore | undefined): RequestStore {
  return {
    async load() {
      const raw = await store?.get(KEY).catch(() => undefined);
      if (!Array.isArray(raw)) return [];
      const revived = revive(raw) as unknown[];
      return revived.flatMap((entry) => (v.is(StoredRequest, entry) ? [{ ...(entry as unknown as IssuerRequest), busy: false }] : []));
    },
    async save(requests) {
      // Best effort: a full storage leaves the request in memory, as before.
      await store?.set({ [KEY]: toJson(requests.map(({ busy: _busy, ...r }) => r as IssuerRequest)) }).catch(() => undefined);
    },
  };
}

/** The service's requests: in memory, mirrored to storage after every change, restored once. */
export interface RequestBook {
  add(request: IssuerRequest): Promise<void>;
  find(id: string): Promise<IssuerRequest>;
  all(): Promise<IssuerRequest[]>;
  save(): Promise<void>;
  /** Runs `run` with the request marked in storage as being approved (a restart then knows the approval was cut short). */
  marking<T>(request: IssuerRequest, run: () => Promise<T>): Promise<T>;
}

export function createRequestBook(store: KeyValueStore | undefined, clock: Pick<Clock, 'now'>): RequestBook {
  const requests = new Map<string, IssuerRequest>();
  const stored = createRequestStore(store);
  // Requests of an earlier worker, read once. One that was being sent when that worker stopped
  // may have gone out: it is never sent again, and the user is told to look at Activity.
  let loaded: Promise<void> | undefined;
  const restore = () =>
    (loaded ??= stored.load().then((earlier) => {
      for (const request of earlier) {
        if (request.status === 'quote' && request.sendingSince !== undefined) {
          request.status = 'failed';
          request.error = {
            code: 'issuer.interrupted',
            message: 'Sharekeep restarted while this request waited for your approval; nothing of it was sent. Ask for a new quote.',
          };
        }
        request.sendingSince = undefined;
        if (!requests.has(request.id)) requests.set(request.id, request);
      }
    }));
  const save = () => stored.save([...requests.values()]);

  return {
    async add(request) {
      await restore();
      requests.set(request.id, request);
      while (requests.size > MAX_REQUESTS) requests.delete(requests.keys().next().value as string);
      await save();
    },
    async find(id) {
      await restore();
      const request = requests.get(id);
      if (!request) throw issuerError('issuer.unknown_request', 'That quote is no longer known. Ask for a new quote.');
      return request;
    },
    async all() {
      await restore();
      return [...requests.values()];
    },
    save,
    async marking(request, run) {
      request.sendingSince = clock.now();
      await save();
      try {
        return await run();
      } finally {
        request.sendingSince = undefined;
        await save();
      }
    },
  };
}
