export { bytesToBase64, base64ToBytes } from './base64';
export {
  CURRENT_VAULT_VERSION,
  DEFAULT_KDF_ITERATIONS,
  LEGACY_V1_ITERATIONS,
  type KdfParams,
  type ParsedEnvelope,
  type VaultEnvelope,
  corruptVault,
  parseEnvelope,
} from './envelope';
export { createMutex, type Mutex } from './mutex';
export {
  decryptWithKey,
  decryptWithPassword,
  deriveVaultKey,
  type ExportedVaultKey,
  encryptWithKey,
  exportVaultKey,
  importVaultKey,
  incorrectPassword,
  type PasswordDecryption,
  type VaultKey,
} from './vault-crypto';
export { createVaultStorage, LEGACY_VAULT_KEY, type StoredVault, VAULT_SLOT_KEYS, type VaultStorage } from './vault-storage';
