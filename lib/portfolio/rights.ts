/** What holding the token does not give, compared with owning the share. Shown on the token detail. */
import type { IssuerStructure } from '../registry/index.ts';

const COMMON = [
  'No voting rights at shareholder meetings.',
  'You are not a registered shareholder: the issuer or its custodian holds the shares.',
  'No direct claim against the company that issued the share.',
];

export const RIGHTS_NOT_GIVEN: Record<IssuerStructure | 'unknown', readonly string[]> = {
  'custody-backed': [...COMMON, 'Your claim is on the issuer for the shares it holds in custody; redemption needs KYC with the issuer.'],
  synthetic: [...COMMON, 'No shares are held for you: the token tracks a price, backed by collateral, not by the share.'],
  derivative: [...COMMON, 'A contract with the issuer that pays the share price; it may not be withdrawn or transferred freely.'],
  unknown: [...COMMON, 'What backs this token is not on record.'],
};

export function rightsNotGiven(structure: IssuerStructure | null | undefined): readonly string[] {
  return RIGHTS_NOT_GIVEN[structure ?? 'unknown'];
}
