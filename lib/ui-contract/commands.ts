/**
 * The one contract between the wallet's pages and the background: every UI command, what it
 * takes and what it answers. The client (lib/ui-state), the server (lib/commands) and the
 * lists of passive and read-only commands all derive from this file, so a command cannot be
 * added on one side only. Types and a small table only: the popup bundles this.
 */
import type { PublicAccount } from '../keyring';
import type { PortfolioResult, TokenDetailView } from '../holdings';
import type { IssuerCredentialsView, IssuerOptions, IssuerRequestView } from '../issuers';
import type { WatchCandidate } from '../networks';
import type { UiState } from './state';

/** The port every wallet page opens to the background. */
export const UI_PORT_NAME = 'sharekeep:ui';

/** What `onboarding.validate` says of a secret the user typed. */
export type SecretValidation =
  | { ok: true; kind: 'mnemonic' | 'private-key' }
  | { ok: false; error: { code: string; message: string; position?: number } };

export type TokenDetail = TokenDetailView & { readError: string | null };

type NoParams = Record<string, never>;

/** Command name -> the params the page sends and the result the background answers. */
export interface UiCommands {
  state: { params: NoParams; result: UiState };
  touch: { params: NoParams; result: null };
  'onboarding.generate': { params: { words?: 12 | 24 }; result: { mnemonic: string } };
  'onboarding.validate': { params: { secret: string }; result: SecretValidation };
  'onboarding.create': {
    params: { secret: string; password: string; jurisdiction: string; replaceExisting?: boolean };
    result: UiState;
  };
  unlock: { params: { password: string }; result: UiState };
  lock: { params: NoParams; result: UiState };
  'accounts.select': { params: { address: string }; result: UiState };
  'accounts.add': { params: { name?: string }; result: PublicAccount };
  'accounts.rename': { params: { address: string; name: string }; result: null };
  'accounts.hide': { params: { address: string; hidden: boolean }; result: UiState };
  'accounts.importKey': { params: { privateKey: string; name?: string }; result: PublicAccount };
  'accounts.watch': { params: { address: string; name?: string }; result: PublicAccount };
  /** A Ledger account: the address the device derived at `path` (the page asked the device). */
  'accounts.addHardware': { params: { address: string; path: string; name?: string }; result: PublicAccount };
  'network.select': { params: { chainId: number }; result: UiState };
  'network.add': { params: { chainId: number | string; rpcUrl: string; name?: string; symbol?: string }; result: UiState };
  'network.setRpcUrl': { params: { chainId: number; rpcUrl: string }; result: UiState };
  /** Whether the portfolio reads this network's holdings (the active network is always read). */
  'network.setPortfolio': { params: { chainId: number; enabled: boolean }; result: UiState };
  'settings.setJurisdiction': { params: { jurisdiction: string; password: string }; result: UiState };
  'settings.setAutoLock': { params: { minutes: number }; result: UiState };
  'secrets.revealMnemonic': { params: { password: string }; result: { mnemonic: string } };
  'secrets.exportKey': { params: { address: string; password: string }; result: { privateKey: string } };
  'secrets.changePassword': { params: { oldPassword: string; newPassword: string }; result: null };
  'sites.disconnect': { params: { origin: string }; result: UiState };
  'approvals.decide': { params: { id: string; approved: boolean; data?: unknown; block?: boolean }; result: null };
  'send.submit': {
    params: { from: string; to: string; amount: string; token?: string; decimals?: number };
    result: { hash: string };
  };
  'send.checkRecipient': {
    params: { from: string; to: string };
    /**
     * `contract`: code sits at the address (null: the node did not say); `name`: what the wallet calls it;
     * `contact`: the user's address-book name, when `name` is that and not one the wallet knows.
     */
    result: { seen: boolean; lookalike?: string; contract: boolean | null; name?: string; contact?: string };
  };
  /** Settles pending transactions and scans the active network for incoming transfers. */
  'activity.refresh': { params: NoParams; result: null };
  /** Names an address in the address book (an empty name forgets it); a look-alike of a known name is refused. */
  'contacts.set': { params: { address: string; name: string }; result: UiState };
  /** Re-sends a pending transaction with the same nonce and higher fees, through the approval window. */
  'activity.speedUp': { params: { hash: string }; result: { hash: string } };
  /** Replaces a pending transaction with a 0-value transfer to oneself, same nonce, higher fees. */
  'activity.cancel': { params: { hash: string }; result: { hash: string } };
  'tokens.add': { params: { address: string }; result: WatchCandidate };
  'tokens.remove': { params: { address: string }; result: UiState };
  'portfolio.get': { params: { account?: string }; result: PortfolioResult };
  'portfolio.refresh': { params: { force?: boolean; account?: string }; result: PortfolioResult };
  'portfolio.detail': { params: { chainId: number; address: string; account?: string }; result: TokenDetail };
  'issuer.options': { params: { chainId: number; token: string }; result: IssuerOptions };
  'issuer.quote': {
    params: { chainId: number; token: string; side: 'mint' | 'redeem'; amount: string; from?: string };
    result: IssuerRequestView;
  };
  'issuer.submit': { params: { id: string }; result: IssuerRequestView };
  'issuer.status': { params: { id: string }; result: IssuerRequestView };
  'issuer.latest': { params: { chainId: number; token: string }; result: IssuerRequestView | null };
  /** The issuers whose API takes the user's own credentials, and which of them are saved (never the values). */
  'issuer.credentials': { params: NoParams; result: IssuerCredentialsView[] };
  'issuer.setCredentials': { params: { issuerId: string; values: Record<string, string> }; result: IssuerCredentialsView[] };
  'issuer.clearCredentials': { params: { issuerId: string }; result: IssuerCredentialsView[] };
}

export type UiCommandName = keyof UiCommands;
export type UiParams<K extends UiCommandName> = UiCommands[K]['params'];
export type UiResult<K extends UiCommandName> = UiCommands[K]['result'];

/** The params argument: optional where every param is. */
export type UiParamsArg<K extends UiCommandName> = Record<string, never> extends UiParams<K> ? [params?: UiParams<K>] : [params: UiParams<K>];

export interface CommandTraits {
  /** Sent by pages on their own (opening, polling): does not postpone auto-lock. */
  passive: boolean;
  /** Changes no wallet state: the page need not refetch the state after it. */
  read: boolean;
}

const PASSIVE_READ: CommandTraits = { passive: true, read: true };
const PASSIVE: CommandTraits = { passive: true, read: false };
const ACTION: CommandTraits = { passive: false, read: false };
const USER_READ: CommandTraits = { passive: false, read: true };

/** Every command's traits; `satisfies` keeps this table and `UiCommands` key for key. */
export const UI_COMMANDS = {
  state: PASSIVE_READ,
  touch: PASSIVE_READ,
  'onboarding.generate': USER_READ,
  'onboarding.validate': USER_READ,
  'onboarding.create': ACTION,
  unlock: ACTION,
  lock: ACTION,
  'accounts.select': ACTION,
  'accounts.add': ACTION,
  'accounts.rename': ACTION,
  'accounts.hide': ACTION,
  'accounts.importKey': ACTION,
  'accounts.watch': ACTION,
  'accounts.addHardware': ACTION,
  'network.select': ACTION,
  'network.add': ACTION,
  'network.setRpcUrl': ACTION,
  'network.setPortfolio': ACTION,
  'settings.setJurisdiction': ACTION,
  'settings.setAutoLock': ACTION,
  'secrets.revealMnemonic': USER_READ,
  'secrets.exportKey': USER_READ,
  'secrets.changePassword': ACTION,
  'sites.disconnect': ACTION,
  'approvals.decide': ACTION,
  'send.submit': ACTION,
  'send.checkRecipient': USER_READ,
  // A receipt turns an entry from pending to confirmed: the state changes.
  'activity.refresh': PASSIVE,
  'activity.speedUp': ACTION,
  'activity.cancel': ACTION,
  'contacts.set': ACTION,
  'tokens.add': ACTION,
  'tokens.remove': ACTION,
  'portfolio.get': PASSIVE_READ,
  'portfolio.refresh': PASSIVE_READ,
  'portfolio.detail': USER_READ,
  'issuer.options': PASSIVE_READ,
  'issuer.quote': USER_READ,
  'issuer.submit': ACTION,
  'issuer.status': PASSIVE_READ,
  'issuer.latest': PASSIVE_READ,
  'issuer.credentials': PASSIVE_READ,
  'issuer.setCredentials': ACTION,
  'issuer.clearCredentials': ACTION,
} as const satisfies { [K in UiCommandName]: CommandTraits };

export const isUiCommand = (method: string): method is UiCommandName => Object.hasOwn(UI_COMMANDS, method);

/** The error a page receives: a stable code and a sentence for the user. */
export interface UiError {
  code: string | number;
  message: string;
}
