/** personal_sign (EIP-191): the message as text where it is text, approved, then signed as given. */
import { type Hex, hexToString, isAddress, isHex } from 'viem';
import * as v from 'valibot';
import { parseDappParams } from '../params';
import { approveSigning, signerFor } from './approve';
import type { SigningDeps } from './deps';
import { signAs } from './hardware';
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

/** Invisible and direction-changing characters (bidi overrides, zero-width, BOM): they make text read other than it is. */
const FORMAT_CHARACTER = /\p{Cf}/u;

/** Hex that decodes to printable UTF-8 is text; anything else stays as given. */
function decoded(message: string): string {
  if (!isHex(message)) return message;
  try {
    const text = hexToString(message);
    return /^[\P{Cc}\n\r\t]*$/u.test(text) ? text : message;
  } catch {
    return message;
  }
}

/** The text a user reads, with invisible characters shown as visible escapes so "\u202E" cannot reverse what follows. */
export function messageText(message: string): string {
  return decoded(message).replace(new RegExp(FORMAT_CHARACTER, 'gu'), (c) => `\\u{${c.codePointAt(0)?.toString(16).toUpperCase()}}`);
}

/** What a person should know before signing this message. */
export function messageWarnings(message: string): SigningView['warnings'] {
  const warnings: SigningView['warnings'] = [];
  if (/^0x[0-9a-fA-F]{64}$/.test(message)) {
    warnings.push({
      code: 'signs-a-hash',
      message:
        'This message is a 32-byte hash, not text. Signing a hash can approve something Sharekeep cannot see (a Safe transaction signs like this). Sign only if you know what it is.',
    });
  }
  if (FORMAT_CHARACTER.test(decoded(message))) {
    warnings.push({
      code: 'hidden-characters',
      message: 'The message contains invisible or direction-changing characters, shown here as \\u{...}. The site may be hiding what it says.',
    });
  }
  return warnings;
}

export async function personalSign(deps: SigningDeps, origin: string, params: unknown[]): Promise<Hex> {
  const [message, address] = parseDappParams(PersonalSignParams, params);
  const account = await signerFor(deps, origin, address);
  const network = await deps.activeNetwork();
  const warnings = messageWarnings(message);
  const view: SigningView = {
    account,
    chainId: network.chainId,
    chainName: network.name,
    summary: warnings.some((w) => w.code === 'signs-a-hash') ? 'Sign a 32-byte hash.' : 'Sign a message. It moves no funds by itself.',
    intentKind: 'personal-message',
    changes: [],
    approvals: [],
    simulation: { status: 'not-run' },
    verdict: warnings.length
      ? { verdict: 'warn', reasons: warnings.map((w) => ({ ...w, severity: 'warn' as const })) }
      : { verdict: 'allow', reasons: [] },
    warnings,
    message: messageText(message),
  };
  const recheck = () => deps.requireAccount(origin, account);
  await approveSigning(deps, origin, 'sign-message', view, recheck);
  return signAs(deps, { origin, view, recheck }, account, { method: 'personal-message', message });
}
