/** A rough strength hint for a new password: length first, then variety. Advice, not a rule. */
export const MIN_PASSWORD_LENGTH = 8;

export type Strength = { level: 0 | 1 | 2 | 3; label: string };

export function passwordStrength(password: string): Strength {
  if (password.length < MIN_PASSWORD_LENGTH) return { level: 0, label: `Too short: use at least ${MIN_PASSWORD_LENGTH} characters` };
  const kinds = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((re) => re.test(password)).length;
  const points = (password.length >= 12 ? 1 : 0) + (password.length >= 16 ? 1 : 0) + (kinds >= 3 ? 1 : 0);
  if (points >= 2) return { level: 3, label: 'Strong' };
  if (points === 1) return { level: 2, label: 'Fair: a longer passphrase would be stronger' };
  return { level: 1, label: 'Weak: add words or mix letters, digits and symbols' };
}

/** Why the pair cannot be used yet, or undefined when it can. */
export function newPasswordProblem(password: string, confirm: string): string | undefined {
  if (password.length < MIN_PASSWORD_LENGTH) return `Use at least ${MIN_PASSWORD_LENGTH} characters.`;
  if (password !== confirm) return 'The two passwords do not match.';
  return undefined;
}
