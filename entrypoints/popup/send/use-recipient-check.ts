// Checks the recipient with the background as it is typed: checksum, and whether it only
// looks like an address this account sent to before (address poisoning).
import { useEffect, useState } from 'react';
import { describeError } from '@/components/describe-error';
import { useWallet } from '@/lib/ui-state';

export type RecipientCheck =
  | { state: 'empty' }
  | { state: 'invalid'; message: string }
  | { state: 'checked'; seen: boolean; lookalike?: string; contract: boolean | null; name?: string; contact?: string };

const ADDRESS_SHAPE = /^0x[0-9a-fA-F]{40}$/;

export function useRecipientCheck(from: string | undefined, to: string): RecipientCheck | undefined {
  const call = useWallet((s) => s.call);
  // Naming the recipient changes what the check answers.
  const contacts = useWallet((s) => s.state?.contacts);
  const [check, setCheck] = useState<RecipientCheck>();
  // biome-ignore lint/correctness/useExhaustiveDependencies: the address book is asked again when it changes
  useEffect(() => {
    const text = to.trim();
    if (!text) return setCheck({ state: 'empty' });
    if (!ADDRESS_SHAPE.test(text)) return setCheck({ state: 'invalid', message: 'An address is 0x followed by 40 hexadecimal characters.' });
    if (!from) return setCheck(undefined);
    let current = true;
    setCheck(undefined);
    call('send.checkRecipient', { from, to: text }).then(
      (r) => current && setCheck({ state: 'checked', ...r }),
      (err) => current && setCheck({ state: 'invalid', message: describeError(err) }),
    );
    return () => {
      current = false;
    };
  }, [call, from, to, contacts]);
  return check;
}
