import { useEffect, useState } from 'react';
import { describeError } from '@/components/describe-error';
import type { SecretValidation } from '@/lib/ui-contract';
import { useWallet } from '@/lib/ui-state';

interface Props {
  onBack(): void;
  onNext(secret: string): void;
}

type Validation = SecretValidation;

const VALIDATE_AFTER_MS = 250;

/**
 * While the user is still typing the last word, an unknown-word error about it is noise;
 * every other problem shows at once, and all of them once the field loses focus.
 */
function worthShowing(result: Validation, text: string, focused: boolean): boolean {
  if (result.ok || !focused) return true;
  const wordCount = text.trim().split(/\s+/).length;
  const typingLastWord = !/\s$/.test(text);
  if (result.error.code === 'keyring.bad_length') return false;
  if (result.error.code === 'keyring.unknown_word') return !(typingLastWord && result.error.position === wordCount);
  return true;
}

/** Import: a BIP-39 phrase or a raw private key, validated by the background as it is typed. */
export function ImportStep({ onBack, onNext }: Props) {
  const call = useWallet((s) => s.call);
  const [secret, setSecret] = useState('');
  const [focused, setFocused] = useState(true);
  const [result, setResult] = useState<Validation>();

  useEffect(() => {
    setResult(undefined);
    if (!secret.trim()) return;
    let current = true;
    const timer = setTimeout(() => {
      call('onboarding.validate', { secret }).then(
        (answer) => current && setResult(answer),
        (err) => current && setResult({ ok: false, error: { code: 'internal', message: describeError(err) } }),
      );
    }, VALIDATE_AFTER_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [call, secret]);

  const shown = result && worthShowing(result, secret, focused) ? result : undefined;

  return (
    <section className="card">
      <h2>Import a wallet</h2>
      <p className="hint">Type or paste your 12 to 24 word secret phrase, or a private key (64 hexadecimal characters).</p>
      <textarea
        className="secret-input"
        data-testid="mnemonic-input"
        rows={4}
        autoComplete="off"
        autoCapitalize="off"
        spellCheck={false}
        autoFocus
        value={secret}
        onChange={(e) => setSecret(e.target.value)}
        onFocus={() => setFocused(true)}
        onBlur={() => setFocused(false)}
        aria-invalid={shown?.ok === false}
      />
      {shown?.ok === false && (
        <p className="error" role="alert" data-testid="mnemonic-error">
          {shown.error.message}
        </p>
      )}
      {shown?.ok && (
        <p className="ok" data-testid="mnemonic-valid">
          {shown.kind === 'mnemonic' ? 'Valid secret phrase.' : 'Valid private key: Sharekeep will hold this one account.'}
        </p>
      )}
      <div className="row">
        <button type="button" onClick={onBack}>
          Back
        </button>
        <button type="button" className="primary" disabled={!result?.ok} onClick={() => onNext(secret.trim())} data-testid="import-continue">
          Continue
        </button>
      </div>
    </section>
  );
}
