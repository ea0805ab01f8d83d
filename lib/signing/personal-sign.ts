/** personal_sign (EIP-191): the message as text where it is text, approved, then signed as given. */
import { type Hex, hexToString, isAddress, isHex } from 'viem';
import * as v from 'valibot';
import { parseDappParams } from '../errors';
import { approveSigning, signerFor } from './approve';
import type { SigningDeps } from './deps';
import type { SigningView } from './view';

const MAX_MESSAGE = 1_000_000;

const PersonalSignParams = v.pipe(
  v.array(v.unknown(), 'personal_sign expects [message, address].'),
  v.minLength(1, 'personal_sign expects [message, address].'),
  // Some dApps send [address, message]; an address is never what a user is asked to sign.
  v.transform(([first, second]) =>
    typeof first === 'string' && isAddress(first) && !(typeof second === 'string' && isAddress(second)) ? [second, first] : [first, second],
  ),
  v.tuple([
    v.pipe(v.string('personal_sign expects [message, address] with the message as a string.'), v.maxLength(MAX_MESSAGE, 'Message too long.')),
    v.unknown(),
  ]),
);

/** The text a user reads: hex that decodes to printable UTF-8 is shown decoded, anything else as given. */
export function messageText(message: string): string {
  if (!isHex(message)) return message;
  try {
    const decoded = hexToString(message);
    return /^[\P{Cc}\n\r\t]*$/u.test(decoded) ? decoded : message;
  } catch {
    return message;
  }
}

export async function personalSign(deps: SigningDeps, origin: string, params: unknown[]): Promise<Hex> {
  const [message, address] = parseDappParams(PersonalSignParams, params);
  const account = await signerFor(deps, origin, address);
  const network = await deps.activeNetwork();
  const view: SigningView = {
    account,
    chainId: network.chainId,
    chainName: network.name,
    summary: 'Sign a message. It moves no funds by itself.',
    intentKind: 'personal-message',
    changes: [],
    approvals: [],
    simulation: { status: 'not-run' },
    verdict: { verdict: 'allow', reasons: [] },
    warnings: [],
    message: messageText(message),
  };
  await approveSigning(deps, origin, 'sign-message', view, () => deps.requireAccount(origin, account));
  return deps.keys.signMessage(account, message);
}
