/** The server side of the UI contract: one typed handler per command, grouped by room. */
import type { UiState } from '../ui-contract';
import type { UiCommandName, UiResult } from '../ui-contract';
import type { Wallet } from '../wallet';
import type { ParsedParams } from './ui-params';

export type UiHandlers = { [K in UiCommandName]: (params: ParsedParams<K>) => Promise<UiResult<K>> };

/** What every group of handlers may use besides the wallet. */
export interface CommandContext {
  wallet: Wallet;
  state(): Promise<UiState>;
  /** Counts as user activity: moves the auto-lock deadline. */
  touch(): Promise<void>;
  lock(): Promise<void>;
}

export type HandlerGroup<K extends UiCommandName> = Pick<UiHandlers, K>;
