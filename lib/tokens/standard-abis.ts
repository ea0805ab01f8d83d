/**
 * The functions of the permissioned-token standards the guard reads, as their real contracts
 * declare them (T-REX v4 artifacts; ERC-1404; Ondo GM's GMToken and compliance; Backed's
 * token and sanctions list; Dinari's DShare and TransferRestrictor).
 */
import { parseAbi } from 'viem';

/** ERC-3643 Token, plus the identity registry, modular compliance and its country modules. */
export const erc3643Abi = parseAbi([
  'function identityRegistry() view returns (address)',
  'function compliance() view returns (address)',
  'function paused() view returns (bool)',
  'function isFrozen(address userAddress) view returns (bool)',
  'function isVerified(address userAddress) view returns (bool)',
  'function investorCountry(address userAddress) view returns (uint16)',
  'function getModules() view returns (address[])',
  'function canTransfer(address from, address to, uint256 amount) view returns (bool)',
  'function isCountryRestricted(address compliance, uint16 country) view returns (bool)',
  'function isCountryAllowed(address compliance, uint16 country) view returns (bool)',
]);

export const erc1404Abi = parseAbi([
  'function detectTransferRestriction(address from, address to, uint256 value) view returns (uint8)',
  'function messageForTransferRestriction(uint8 restrictionCode) view returns (string)',
]);

/**
 * Ondo GM: the token's compliance() reverts checkIsCompliant for a non-compliant user (not a view, so
 * eth_call it); its tokenPauseManager() says isTokenPaused(token), and a paused token moves for no one.
 */
export const ondoComplianceAbi = parseAbi([
  'function compliance() view returns (address)',
  'function checkIsCompliant(address user)',
  'function tokenPauseManager() view returns (address)',
  'function isTokenPaused(address token) view returns (bool)',
]);

export const backedAbi = parseAbi([
  'function isPaused() view returns (bool)',
  'function sanctionsList() view returns (address)',
  'function isSanctioned(address addr) view returns (bool)',
]);

export const dinariAbi = parseAbi([
  'function transferRestrictor() view returns (address)',
  'function isBlacklisted(address account) view returns (bool)',
]);
