/** The one face the background's UI port serves: the popup's and pages' commands. */
export { createIssuerCommands, PASSIVE_ISSUER_COMMANDS } from './issuer-commands';
export { type AutoLockPort, createUiApi, WALLET_ORIGIN } from './ui-api';
export type { UiState } from './ui-state';
