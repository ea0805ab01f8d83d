import { WalletError } from '../errors';

export const MIN_PASSWORD_LENGTH = 8;

/** The one rule the background enforces; the onboarding screen adds a strength hint on top. */
export function assertPasswordAcceptable(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new WalletError('vault.weak_password', `Choose a password of at least ${MIN_PASSWORD_LENGTH} characters.`);
  }
}
