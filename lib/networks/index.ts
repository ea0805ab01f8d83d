/**
 * Networks and watched tokens: wallet_addEthereumChain, wallet_watchAsset and their popup twins,
 * under one set of rules for dApp- and hand-added networks.
 */
export { addChain } from './add-chain';
export { type CustomNetwork, rpcServesChain, saveCustomNetwork } from './custom';
export type { NetworkDeps } from './deps';
export { imitatedNetwork, NATIVE_SYMBOL, rpcUrlProblem } from './rules';
export { inspectToken, type WatchCandidate, watchAsset, watchToken } from './watch-asset';
