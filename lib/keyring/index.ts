export { createHdRoot, ETH_ACCOUNT_PARENT_PATH, type HdRoot, mnemonicToSeed } from './hd';
export { createKeyManager, type KeyManager, type KeyManagerOptions, SESSION_KEY_ENTRY } from './key-manager';
export { type Keyring, keyringFromMnemonic, keyringFromPrivateKey, openKeyring } from './keyring';
export {
  HardwarePathSchema,
  type KeyringState,
  type PublicAccount,
  PublicAccountSchema,
  parseHardwarePath,
  parseKeyringState,
} from './keyring-state';
export {
  generateMnemonic,
  MNEMONIC_LENGTHS,
  type MnemonicValidation,
  normaliseMnemonic,
  parseMnemonic,
  UnknownWordError,
  validateMnemonic,
} from './mnemonic';
export { assertPasswordAcceptable, MIN_PASSWORD_LENGTH } from './password';
export { looksLikePrivateKey, parsePrivateKey } from './private-key';
export { signPersonalMessageWithKey, signTransactionWithKey, signTypedDataWithKey, type TypedData, type TypedDataVersion } from './signing';
export { typedDataDigest, typedDataHashes } from './typed-data-hash';
