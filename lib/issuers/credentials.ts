/**
 * The user's own credentials for an issuer API that will not answer without them. Dinari's
 * Enterprise API (docs.dinari.com/reference) takes a key pair from its Partners Dashboard in the
 * X-API-Key-Id and X-API-Secret-Key headers and names the user's account by id; a self-custody
 * wallet cannot hold such a key of its own, so the user who has one enters it in Settings.
 *
 * Where they live: storage.local in the background, under one key, never in a page. The pages
 * only learn which fields are set; the values leave the background only as headers to the
 * issuer's allowlisted origin (dinari-api.ts over the AllowlistedFetch port). They are not kept
 * in the vault: they open no funds, and tracking a request needs them while the wallet is locked.
 */
import * as v from 'valibot';
import { type KeyValueStore, readStored, validEntries } from '../ports';
import type { Issuer } from '../registry';
import { issuerError } from './errors';

const KEY = 'issuerCredentials';
const MAX_VALUE = 512;

export interface CredentialField {
  key: string;
  label: string;
  /** Shown as a password field and never echoed. */
  secret: boolean;
}

/** The credentials each kind of issuer API takes. */
export const ISSUER_API_FIELDS = {
  // Ondo GM (https://docs.ondo.finance/api-reference): one key in the x-api-key header.
  'ondo-gm': [{ key: 'apiKey', label: 'API key', secret: true }],
  'dinari-v2': [
    { key: 'apiKeyId', label: 'API key ID', secret: false },
    { key: 'apiSecretKey', label: 'API secret key', secret: true },
    { key: 'accountId', label: 'Account ID', secret: false },
  ],
} as const satisfies Record<string, readonly CredentialField[]>;

export type IssuerApiKind = keyof typeof ISSUER_API_FIELDS;

/** What the user is told each kind of issuer needs before it answers. */
const NEEDS: Record<IssuerApiKind, string> = {
  'ondo-gm':
    'Ondo GM mints and redeems only through its API: you need an API key Ondo issues to you, a completed identity check (KYC) with Ondo, and this address whitelisted by Ondo. Sharekeep cannot provide any of them.',
  'dinari-v2':
    'Dinari answers only partners with an API key pair from its Partners Dashboard, for an account whose identity check (KYC) it has approved. Sharekeep cannot provide either.',
};

/** Which API an issuer speaks, read off the registry (its `api`; the one home of that rule). */
export function apiKindOf(issuer: Pick<Issuer, 'api'>): IssuerApiKind | undefined {
  return issuer.api;
}

export interface IssuerCredentialsView {
  issuerId: string;
  name: string;
  kind: IssuerApiKind;
  /** What the issuer needs that the wallet cannot provide. */
  needs: string;
  fields: (CredentialField & { set: boolean })[];
}

const Values = v.record(v.string(), v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_VALUE)));
const STORED = { schema: v.record(v.string(), Values), fallback: (): Record<string, Record<string, string>> => ({}), salvage: validEntries(Values) };

export interface IssuerCredentialStore {
  /** The saved values for an issuer, for its API's headers; undefined when none are saved. */
  get(issuerId: string): Promise<Record<string, string> | undefined>;
  /** Every issuer of the registry whose API takes credentials, with which fields are set (never their values). */
  list(issuers: readonly Issuer[]): Promise<IssuerCredentialsView[]>;
  set(issuer: Issuer, values: Record<string, string>): Promise<void>;
  clear(issuerId: string): Promise<void>;
}

export function createIssuerCredentialStore(store: KeyValueStore): IssuerCredentialStore {
  const all = () => readStored(store, KEY, STORED);
  return {
    async get(issuerId) {
      const saved = (await all())[issuerId];
      return saved && Object.keys(saved).length > 0 ? { ...saved } : undefined;
    },
    async list(issuers) {
      const saved = await all();
      return issuers.flatMap((issuer) => {
        const kind = apiKindOf(issuer);
        if (!kind) return [];
        const mine = saved[issuer.id] ?? {};
        return [
          {
            issuerId: issuer.id,
            name: issuer.name,
            kind,
            needs: NEEDS[kind],
            fields: ISSUER_API_FIELDS[kind].map((f) => ({ ...f, set: Object.hasOwn(mine, f.key) })),
          },
        ];
      });
    },
    async set(issuer, values) {
      const kind = apiKindOf(issuer);
      if (!kind) throw issuerError('issuer.unsupported', `${issuer.name} takes no credentials in Sharekeep.`);
      const fields: readonly CredentialField[] = ISSUER_API_FIELDS[kind];
      const unknown = Object.keys(values).filter((k) => !fields.some((f) => f.key === k));
      if (unknown.length > 0) throw issuerError('issuer.bad_credentials', `${issuer.name} takes no field named ${unknown.join(', ')}.`);
      const kept: Record<string, string> = {};
      for (const field of fields) {
        const value = values[field.key]?.trim() ?? '';
        // A control character or space inside would not survive as an HTTP header.
        if (!value || value.length > MAX_VALUE || /[\s\p{Cc}]/u.test(value)) {
          throw issuerError('issuer.bad_credentials', `Enter ${issuer.name}'s ${field.label} as it was given to you, without spaces.`);
        }
        kept[field.key] = value;
      }
      const saved = await all();
      await store.set({ [KEY]: { ...saved, [issuer.id]: kept } });
    },
    async clear(issuerId) {
      const saved = await all();
      if (!Object.hasOwn(saved, issuerId)) return;
      delete saved[issuerId];
      await store.set({ [KEY]: saved });
    },
  };
}
