/** The BIP-44 layouts a Ledger user may have accounts under, and the path of the n-th account in each. */

export type DerivationScheme = 'ledger-live' | 'legacy';

export const DERIVATION_SCHEMES: Record<DerivationScheme, { label: string; pathAt(index: number): string }> = {
  // Ledger Live: one hardened account level per account.
  'ledger-live': { label: "Ledger Live (m/44'/60'/x'/0/0)", pathAt: (index) => `m/44'/60'/${index}'/0/0` },
  // MyEtherWallet and older Ledger Chrome apps: accounts as the last, unhardened level.
  legacy: { label: "Legacy (m/44'/60'/0'/x)", pathAt: (index) => `m/44'/60'/0'/${index}` },
};

export const isDerivationScheme = (text: string): text is DerivationScheme => Object.hasOwn(DERIVATION_SCHEMES, text);
