/**
 * The commands the wallet's own pages (popup, approval window, onboarding) may send, served
 * under the typed contract of lib/ui-contract. Only extension pages reach this: the
 * background checks the sender before calling it. Each command's params are parsed at this
 * edge (ui-params.ts); the handlers live with their room.
 */
import { WalletError } from '../errors';
import type { Clock } from '../ports';
import { isUiCommand, UI_COMMANDS, type UiCommandName, type UiResult, type UiState } from '../ui-contract';
import type { Wallet } from '../wallet';
import { accountCommands } from './account-commands';
import { activityCommands, activityView } from './activity-commands';
import type { CommandContext, UiHandlers } from './handlers';
import { issuerCommands, portfolioCommands } from './issuer-commands';
import { sendCommands } from './send-commands';
import { settingsCommands } from './settings-commands';
import { parseUiParams } from './ui-params';

export interface AutoLockPort {
  /** Called when the auto-lock deadline moves (undefined: no deadline, wallet locked). */
  schedule(at: number | undefined): void;
}

export interface UiApi {
  state(): Promise<UiState>;
  /** User activity: moves the auto-lock deadline. */
  touch(): Promise<void>;
  lock(): Promise<void>;
  /** Whether the auto-lock deadline has passed. */
  autoLockDue(): boolean;
  /** One command from a page: params parsed, the handler run, auto-lock postponed unless passive. */
  handle(method: string, params: unknown): Promise<unknown>;
}

export function createUiApi(wallet: Wallet, autoLock: AutoLockPort, clock: Clock): UiApi {
  let autoLockAt: number | undefined;

  const touch = async () => {
    if (!wallet.keys.isUnlocked()) return;
    if (autoLockAt === undefined) await wallet.markUnlocked(true);
    const minutes = (await wallet.settings.get()).autoLockMinutes;
    autoLockAt = minutes > 0 ? clock.now() + minutes * 60_000 : undefined;
    autoLock.schedule(autoLockAt);
  };

  const lock = async () => {
    await wallet.keys.lock();
    await wallet.markUnlocked(false);
    autoLockAt = undefined;
    autoLock.schedule(undefined);
    await wallet.notifyAccounts();
  };

  async function state(): Promise<UiState> {
    await wallet.ready();
    const settings = await wallet.settings.get();
    const unlocked = wallet.keys.isUnlocked();
    const activity = unlocked ? await wallet.activity.list() : [];
    return {
      initialized: await wallet.keys.isInitialized(),
      unlocked,
      accounts: await wallet.keys.listAccounts(),
      selectedAddress: await wallet.selectedAddress(),
      activeChainId: settings.activeChainId,
      networks: await wallet.settings.networks(),
      disabledChainIds: settings.disabledChainIds,
      jurisdiction: await wallet.jurisdiction(),
      autoLockMinutes: settings.autoLockMinutes,
      autoLockAt: unlocked ? autoLockAt : undefined,
      connectedSites: await wallet.permissions.list(),
      pendingApprovals: wallet.approvals.list(),
      activity,
      ...(await activityView(wallet, activity, unlocked)),
      settingChanges: unlocked ? await wallet.settingChanges.list() : [],
      watchedTokens: settings.watchedTokens,
    };
  }

  const context: CommandContext = { wallet, state, touch, lock };
  const handlers: UiHandlers = {
    state,
    ...accountCommands(context),
    ...settingsCommands(context),
    ...sendCommands(context),
    ...activityCommands(context),
    ...issuerCommands(wallet),
    ...portfolioCommands(wallet, clock),
  };

  async function run<K extends UiCommandName>(method: K, raw: unknown): Promise<UiResult<K>> {
    const handler = handlers[method] as (params: unknown) => Promise<UiResult<K>>;
    return handler(parseUiParams(method, raw));
  }

  return {
    state,
    touch,
    lock,
    autoLockDue: () => autoLockAt !== undefined && clock.now() >= autoLockAt,
    async handle(method, params) {
      if (!isUiCommand(method)) throw new WalletError('ui.unknown_command', `Unknown command ${method}.`);
      const result = await run(method, params);
      if (!UI_COMMANDS[method].passive) await touch();
      return result;
    },
  };
}
