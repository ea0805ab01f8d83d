/**
 * Which accounts a site sees and may use: one "visible accounts plus selected" rule, the
 * connect flow, and the events that tell sites when that changes.
 */
import { type Address, getAddress, isAddress } from 'viem';
import type { ApprovalQueue } from '../approvals';
import { rpcErrors, WalletError } from '../errors';
import type { KeyManager, PublicAccount } from '../keyring';
import { type Eip2255Permission, type PermissionStore, toEip2255 } from '../permissions';
import type { Clock } from '../ports';
import type { ProviderEventName } from '../provider';
import type { SiteCheck } from '../sites';
import type { SettingChangeLog, SettingsStore } from '../state';

export interface AccessDeps {
  keys: KeyManager;
  settings: SettingsStore;
  settingChanges: SettingChangeLog;
  permissions: PermissionStore;
  approvals: ApprovalQueue;
  clock: Clock;
  ready(): Promise<unknown>;
  emit(origin: string | null, event: ProviderEventName, data: unknown): void;
  stateChanged(): void;
  /** What the wallet knows about a site before it connects (the phishing list, look-alike and punycode hosts). */
  checkSite(origin: string): Promise<SiteCheck>;
}

export interface Access {
  /** The accounts the user did not hide, in wallet order. */
  visibleAccounts(): Promise<PublicAccount[]>;
  /** The selected account if it is visible, else the first visible one. */
  selectedAddress(): Promise<string | undefined>;
  /** What eth_accounts answers a site: its granted accounts, selected first; nothing while locked. */
  accountsFor(origin: string): Promise<string[]>;
  /** The account `address` if the site may use it now (connected, wallet unlocked); 4100 otherwise. */
  requireAccount(origin: string, address: unknown): Promise<Address>;
  /** A visible account of this wallet, for the wallet's own requests, while unlocked. */
  ownAccount(address: Address): Promise<Address>;
  /** Asks the user to connect a site (once per site at a time); answers its accounts. */
  connect(origin: string): Promise<string[]>;
  /** The site's EIP-2255 permissions; none while locked. */
  permissionsOf(origin: string): Promise<Eip2255Permission[]>;
  /** Tells every connected site (and `formerSites`, whose grant just went) which accounts it now sees. */
  notifyAccounts(formerSites?: string[]): Promise<void>;
  /** Disconnects a site, from the site itself or from settings; the site is told it sees no account. */
  revokeSite(origin: string): Promise<boolean>;
  /**
   * The user's jurisdiction. While unlocked it is the one sealed in the vault: a different copy
   * in storage.local (written by anything but this wallet) is put back. While locked, the copy
   * is shown, though nothing can be signed then.
   */
  jurisdiction(): Promise<string | undefined>;
}

export function createAccess(deps: AccessDeps): Access {
  const { keys, settings, permissions } = deps;

  const visibleAccounts = async () => (await keys.listAccounts()).filter((a) => !a.hidden);

  const selectedAddress = async () => {
    const accounts = await visibleAccounts();
    const chosen = (await settings.get()).selectedAddress;
    return accounts.find((a) => a.address === chosen)?.address ?? accounts[0]?.address;
  };

  const accountsFor = async (origin: string) => {
    await deps.ready();
    if (!keys.isUnlocked()) return [];
    const grant = await permissions.get(origin);
    if (!grant) return [];
    const known = new Set((await keys.listAccounts()).map((a) => a.address.toLowerCase()));
    const granted = grant.accounts.filter((a) => known.has(a.toLowerCase()));
    const selected = await selectedAddress();
    return selected && granted.includes(selected) ? [selected, ...granted.filter((a) => a !== selected)] : granted;
  };

  async function jurisdiction(): Promise<string | undefined> {
    const copy = (await settings.get()).jurisdiction;
    if (!keys.isUnlocked()) return copy;
    const sealed = keys.jurisdiction();
    if (sealed === undefined) {
      // A vault from before vaults held it: its copy is adopted once, then sealed.
      if (copy) await keys.adoptJurisdiction(copy).catch(() => undefined);
      return copy;
    }
    if (copy !== sealed) {
      await settings.update({ jurisdiction: sealed });
      await deps.settingChanges.record({ kind: 'jurisdiction-restored', from: copy, to: sealed, at: deps.clock.now() });
      deps.stateChanged();
    }
    return sealed;
  }

  return {
    visibleAccounts,
    selectedAddress,
    accountsFor,
    jurisdiction,

    async requireAccount(origin, address) {
      if (typeof address !== 'string' || !isAddress(address, { strict: false })) throw rpcErrors.invalidParams('Expected an account address.');
      const match = (await accountsFor(origin)).find((a) => a.toLowerCase() === address.toLowerCase());
      if (!match) throw rpcErrors.unauthorized();
      return getAddress(match);
    },

    async ownAccount(address) {
      if (!keys.isUnlocked()) throw new WalletError('vault.locked', 'The wallet is locked. Unlock it and try again.');
      const account = (await visibleAccounts()).find((a) => a.address.toLowerCase() === address.toLowerCase());
      if (!account) throw new WalletError('account.unknown', 'That account is not one of this wallet.');
      if (account.kind === 'watch') throw new WalletError('account.watch_only', 'This is a watch-only account: Sharekeep holds no key for it.');
      return getAddress(account.address);
    },

    async connect(origin) {
      await deps.ready();
      const existing = await accountsFor(origin);
      if (existing.length) return existing;
      const site = await deps.checkSite(origin);
      const chosen = (await deps.approvals.request(origin, 'connect', { origin, site }, { onePerOrigin: true })) as
        | { accounts?: unknown; acceptRisk?: unknown }
        | undefined;
      // A site the wallet warned of as dangerous connects only if the user took the window's extra step.
      if (site.danger && chosen?.acceptRisk !== true) throw rpcErrors.userRejected('Not connected: the site is a known or look-alike phishing site.');
      const accounts = await visibleAccounts();
      const picked = Array.isArray(chosen?.accounts) ? chosen.accounts : [];
      const selection = picked.filter((a): a is string => typeof a === 'string' && accounts.some((x) => x.address === a));
      const granted = selection.length ? selection : [(await selectedAddress()) ?? ''].filter(Boolean);
      if (!granted.length) throw rpcErrors.userRejected('No account to connect.');
      await permissions.grant(origin, granted, deps.clock.now());
      deps.stateChanged();
      const result = await accountsFor(origin);
      deps.emit(origin, 'accountsChanged', result);
      return result;
    },

    async permissionsOf(origin) {
      await deps.ready();
      if (!keys.isUnlocked()) return [];
      const grant = await permissions.get(origin);
      return grant ? [toEip2255(grant)] : [];
    },

    async notifyAccounts(formerSites = []) {
      const origins = new Set([...(await permissions.list()).map((site) => site.origin), ...formerSites]);
      for (const origin of origins) deps.emit(origin, 'accountsChanged', await accountsFor(origin));
    },

    async revokeSite(origin) {
      if (!(await permissions.revoke(origin))) return false;
      deps.emit(origin, 'accountsChanged', []);
      deps.stateChanged();
      return true;
    },
  };
}
