import { Fragment, useCallback, useEffect, useState } from 'react';
import { describeError } from '@/components/describe-error';
import { useWallet } from '@/lib/ui-state';

interface Props {
  /** The phrase already shown, when the user comes back from the confirmation. */
  shown?: string;
  onBack(): void;
  onNext(mnemonic: string): void;
}

/** Shows a freshly generated phrase once; the user must write it down before going on. */
export function ShowPhraseStep({ shown, onBack, onNext }: Props) {
  const call = useWallet((s) => s.call);
  const [words, setWords] = useState<12 | 24>(shown?.split(' ').length === 24 ? 24 : 12);
  const [mnemonic, setMnemonic] = useState<string | undefined>(shown);
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState(false);

  const generate = useCallback(
    (count: 12 | 24) => {
      setMnemonic(undefined);
      call('onboarding.generate', { words: count }).then(
        (r) => setMnemonic(r.mnemonic),
        (err) => setError(describeError(err)),
      );
    },
    [call],
  );
  useEffect(() => {
    if (mnemonic?.split(' ').length !== words) generate(words);
  }, [generate, words, mnemonic]);

  return (
    <section className="card">
      <h2>Your secret phrase</h2>
      <p className="warning">
        Write these words down on paper, in order, and keep them somewhere safe. Anyone who has them owns your wallet. Sharekeep will not show them
        again unless you ask with your password.
      </p>
      <label className="inline">
        <input type="checkbox" checked={words === 24} onChange={(e) => setWords(e.target.checked ? 24 : 12)} data-testid="mnemonic-24-words" />
        Use 24 words instead of 12
      </label>
      {error && <p className="error">{error}</p>}
      {mnemonic && (
        <p className="mnemonic" data-testid="mnemonic-display">
          {/* Spaces between the words keep the text a plain phrase; the grid ignores them. */}
          {mnemonic.split(' ').map((word, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a phrase may repeat a word; the position is the identity
            <Fragment key={i}>
              {i > 0 && ' '}
              <span>{word}</span>
            </Fragment>
          ))}
        </p>
      )}
      <label className="inline">
        <input type="checkbox" checked={saved} onChange={(e) => setSaved(e.target.checked)} data-testid="mnemonic-saved" />I have written the words
        down
      </label>
      <div className="row">
        <button type="button" onClick={onBack}>
          Back
        </button>
        <button
          type="button"
          className="primary"
          disabled={!mnemonic || !saved}
          onClick={() => mnemonic && onNext(mnemonic)}
          data-testid="mnemonic-continue"
        >
          Continue
        </button>
      </div>
    </section>
  );
}
