/**
 * What the wallet knows about a token: the registry's and the watch list's entries first
 * (token-lookup), else symbol and decimals read from the chain once and remembered (token-info).
 */
export { createTokenInfoCache, readSymbolAndDecimals, readTokenName, type TokenInfoCache, type TokenInfoSource } from './token-info';
export { createTokenLookup, type TokenLookup } from './token-lookup';
export { AMOUNT_TEXT, type ParsedAmount, parseAmount } from './amount';
export { createOnchainStandards, type OnchainStandards, type StandardsAnswer, type StandardsRequest } from './onchain-standards';
export { createStandardsCache, type DetectedStandards, type StandardsCache } from './standard-detect';
export { backedAbi, dinariAbi, erc1404Abi, erc3643Abi, ondoComplianceAbi } from './standard-abis';
