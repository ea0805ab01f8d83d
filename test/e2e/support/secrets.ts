// What the custody tests hunt for: the test phrase, account 0's key and the password, in clear.
import { ACCOUNT_0_KEY, TEST_PASSWORD, TEST_PHRASE } from './wallet.ts';

const SECRETS = {
  phrase: TEST_PHRASE,
  'private key': ACCOUNT_0_KEY.slice(2),
  password: TEST_PASSWORD,
};

/** The names of the secrets `text` holds in clear (any case). */
export function leaksIn(text: string): string[] {
  const haystack = text.toLowerCase();
  return Object.entries(SECRETS)
    .filter(([, secret]) => haystack.includes(secret.toLowerCase()))
    .map(([name]) => name);
}
