/** The typed contract between the wallet's pages and the background's UI port. */
export {
  type CommandTraits,
  isUiCommand,
  type SecretValidation,
  type TokenDetail,
  UI_COMMANDS,
  UI_PORT_NAME,
  type UiCommandName,
  type UiCommands,
  type UiError,
  type UiParams,
  type UiParamsArg,
  type UiResult,
} from './commands';
export type { IncomingView, UiState } from './state';
