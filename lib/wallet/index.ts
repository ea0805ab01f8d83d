export * from './wallet';
export * from './provider-request';
export * from './ui-api';
export type { UiState } from './ui-state';
export type { SigningView } from './signing-flows';
export type { ActivityEntry } from './activity';
export type { Settings, WatchedToken } from './settings';
