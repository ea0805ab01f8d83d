/** What the wallet's own pages see: everything but secrets. */
import type { PendingApproval } from '../approvals';
import type { Network } from '../chains';
import type { PublicAccount } from '../keyring';
import type { SiteGrant } from '../permissions';
import type { ActivityEntry, IncomingEntry, SettingChange } from '../state';
import type { WatchedToken } from '../state';

export interface IncomingView extends IncomingEntry {
  symbol: string;
  decimals: number;
}

export interface UiState {
  initialized: boolean;
  unlocked: boolean;
  accounts: PublicAccount[];
  selectedAddress?: string;
  activeChainId: number;
  networks: Network[];
  /** Networks the portfolio leaves out (the active one is read whatever this says). */
  disabledChainIds: number[];
  jurisdiction?: string;
  autoLockMinutes: number;
  /** When the wallet locks itself if nothing happens (ms since epoch); absent while locked. */
  autoLockAt?: number;
  connectedSites: SiteGrant[];
  pendingApprovals: PendingApproval[];
  activity: ActivityEntry[];
  /** Transfers of tracked tokens to the user's accounts, newest first, with the token's symbol and decimals; empty while locked. */
  incoming: IncomingView[];
  /** Why incoming transfers of the active network may be missing (its node refused logs). */
  incomingNotice?: string;
  /** What the wallet calls the addresses activity entries went to or came from, by chain id, then lower-cased address. */
  activityLabels?: Record<number, Record<string, string>>;
  /** The user's address book: lower-cased address -> name; empty while locked. */
  contacts: Record<string, string>;
  /** Jurisdiction declared, changed, or a rewritten copy put back; empty while locked. */
  settingChanges: SettingChange[];
  watchedTokens: WatchedToken[];
}
