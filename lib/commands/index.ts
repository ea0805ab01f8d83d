/** The one face the background's UI port serves: the pages' commands, under lib/ui-contract. */
export { issuerCommands, portfolioCommands } from './issuer-commands';
export { WALLET_ORIGIN } from './send-commands';
export { type AutoLockPort, createUiApi, type UiApi } from './ui-api';
export { parseUiParams, UI_PARAMS } from './ui-params';
