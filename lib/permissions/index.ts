/**
 * Per-origin grants (EIP-2255). A site sees accounts only after the user connected it, and
 * only the accounts the user chose. Stored in storage.local under one key.
 */
import { ProviderRpcError } from '../errors';
import * as v from 'valibot';
import { type KeyValueStore, readStored, validEntries } from '../ports';
import { isOpaqueOrigin, OPAQUE_ORIGIN_ERROR } from '../provider';

export interface SiteGrant {
  origin: string;
  accounts: string[];
  grantedAt: number;
}

/** The EIP-2255 shape dApps receive from wallet_getPermissions. */
export interface Eip2255Permission {
  invoker: string;
  parentCapability: 'eth_accounts';
  caveats: { type: 'restrictReturnedAccounts'; value: string[] }[];
  date: number;
}

const KEY = 'permissions.sites';

const GrantSchema = v.object({
  origin: v.pipe(v.string(), v.maxLength(512)),
  accounts: v.array(v.pipe(v.string(), v.regex(/^0x[0-9a-fA-F]{40}$/))),
  grantedAt: v.number(),
}) satisfies v.GenericSchema<unknown, SiteGrant>;

/** A grant is kept only under its own origin: one stored under another key would be another site's. */
const STORED = {
  schema: v.pipe(
    v.record(v.string(), GrantSchema),
    v.check((sites) => Object.entries(sites).every(([origin, grant]) => grant.origin === origin)),
  ),
  fallback: (): Record<string, SiteGrant> => ({}),
  salvage: (raw: unknown) => Object.fromEntries(Object.entries(validEntries(GrantSchema)(raw)).filter(([origin, grant]) => grant.origin === origin)),
};

export interface PermissionStore {
  get(origin: string): Promise<SiteGrant | undefined>;
  list(): Promise<SiteGrant[]>;
  grant(origin: string, accounts: string[], now: number): Promise<SiteGrant>;
  revoke(origin: string): Promise<boolean>;
  /** Removes an account from every grant (it was hidden or removed); returns the origins affected. */
  forgetAccount(address: string): Promise<string[]>;
}

export function createPermissionStore(store: KeyValueStore): PermissionStore {
  const load = async (): Promise<Record<string, SiteGrant>> => ({ ...(await readStored(store, KEY, STORED)) });
  const save = (sites: Record<string, SiteGrant>) => store.set({ [KEY]: sites });
  return {
    async get(origin) {
      const sites = await load();
      return Object.hasOwn(sites, origin) ? sites[origin] : undefined;
    },
    async list() {
      return Object.values(await load()).sort((a, b) => b.grantedAt - a.grantedAt);
    },
    async grant(origin, accounts, now) {
      // "null" is every sandboxed frame of every site at once: it is never one site to trust.
      if (isOpaqueOrigin(origin)) throw new ProviderRpcError(OPAQUE_ORIGIN_ERROR.code, OPAQUE_ORIGIN_ERROR.message);
      const sites = await load();
      sites[origin] = { origin, accounts: [...new Set(accounts)], grantedAt: now };
      await save(sites);
      return sites[origin];
    },
    async revoke(origin) {
      const sites = await load();
      if (!Object.hasOwn(sites, origin)) return false;
      delete sites[origin];
      await save(sites);
      return true;
    },
    async forgetAccount(address) {
      const sites = await load();
      const affected: string[] = [];
      for (const site of Object.values(sites)) {
        const kept = site.accounts.filter((a) => a.toLowerCase() !== address.toLowerCase());
        if (kept.length === site.accounts.length) continue;
        affected.push(site.origin);
        if (kept.length) site.accounts = kept;
        else delete sites[site.origin];
      }
      if (affected.length) await save(sites);
      return affected;
    },
  };
}

export function toEip2255(grant: SiteGrant): Eip2255Permission {
  return {
    invoker: grant.origin,
    parentCapability: 'eth_accounts',
    caveats: [{ type: 'restrictReturnedAccounts', value: grant.accounts }],
    date: grant.grantedAt,
  };
}
