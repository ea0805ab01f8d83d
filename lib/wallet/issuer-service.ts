/** The issuer service over the wallet's own parts: its registry, RPC, settings, accounts and signing road. */
import { createIssuerService, type IssuerService, issuerError } from '../issuers';
import type { AllowlistedFetch, Clock, KeyValueStore, RpcCall } from '../ports';
import type { Registry } from '../registry';
import type { Signing } from '../signing';
import type { ActivityLog, SettingsStore } from '../state';
import type { TokenLookup } from '../tokens';
import type { Access } from './accounts';

export interface IssuerParts {
  ready(): Promise<unknown>;
  registry(): Registry | undefined;
  fetch?: AllowlistedFetch;
  credentials?(issuerId: string): Promise<Record<string, string> | undefined>;
  rpc: RpcCall;
  settings: SettingsStore;
  tokens: TokenLookup;
  access: Access;
  signing: Signing;
  /** Activity, where a redemption's payout is noted. */
  activity: Pick<ActivityLog, 'notePayout'>;
  /** Tells the pages the wallet's state changed (Activity shows the payout). */
  stateChanged(): void;
  /** The vault is unlocked: a plan's next step can be signed. */
  unlocked(): boolean;
  clock: Clock;
  /** storage.local, where requests outlive the worker. */
  local: KeyValueStore;
}

export function composeIssuerService(parts: IssuerParts): IssuerService {
  const { settings, access } = parts;
  return createIssuerService({
    ready: parts.ready,
    registry: parts.registry,
    fetch: parts.fetch,
    credentials: parts.credentials,
    rpc: parts.rpc,
    activeChainId: async () => (await settings.get()).activeChainId,
    jurisdiction: () => access.jurisdiction(),
    policy: (chainId, address) => parts.tokens.policy(chainId, address),
    async signer(address) {
      const wanted = address ?? (await access.selectedAddress());
      if (!wanted) throw issuerError('issuer.no_account', 'Choose an account of this wallet first.');
      return access.ownAccount(wanted as `0x${string}`).catch((err: unknown) => {
        const code = (err as { code?: unknown }).code;
        if (code === 'account.unknown') throw issuerError('issuer.no_account', 'Choose an account of this wallet first.');
        if (code === 'account.watch_only')
          throw issuerError('issuer.no_account', 'This is a watch-only account: Sharekeep holds no key for it and cannot mint or redeem with it.');
        throw err;
      });
    },
    approvePlan: (origin, plan) => parts.signing.approvePlan(origin, plan),
    sendStep: (planId, index, tx) => parts.signing.sendPlanStep(planId, index, tx),
    async notePayout(hash, payout) {
      await parts.activity.notePayout(hash, payout);
      parts.stateChanged();
    },
    unlocked: parts.unlocked,
    changed: parts.stateChanged,
    clock: parts.clock,
    store: parts.local,
  });
}
