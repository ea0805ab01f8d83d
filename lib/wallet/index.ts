/**
 * The wallet: the composition root that builds every part from its ports, the dApp method
 * table, and which accounts each site sees.
 */
export type { Access } from './accounts';
export type { RequestContext } from './methods';
export { type ProviderRequest, parseProviderRequest, positional } from './provider-request';
export { createWallet, type Wallet, type WalletNetworks, type WalletPorts } from './wallet';
