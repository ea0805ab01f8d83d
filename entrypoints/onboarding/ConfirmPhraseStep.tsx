import { useMemo, useState } from 'react';

interface Props {
  mnemonic: string;
  onBack(): void;
  onNext(): void;
}

const WORDS_TO_CONFIRM = 3;

/** Distinct random positions (0-based, ascending) from a phrase of `length` words. */
function choosePositions(length: number, count: number): number[] {
  const chosen = new Set<number>();
  const random = new Uint32Array(1);
  while (chosen.size < count) {
    crypto.getRandomValues(random);
    chosen.add(random[0] % length);
  }
  return [...chosen].sort((a, b) => a - b);
}

/**
 * Proves the phrase was written down: three randomly chosen words, each typed into its own
 * `mnemonic-confirm-input` (its `data-word-index` says which word, counting from 1).
 */
export function ConfirmPhraseStep({ mnemonic, onBack, onNext }: Props) {
  const words = mnemonic.split(' ');
  const positions = useMemo(() => choosePositions(words.length, WORDS_TO_CONFIRM), [words.length]);
  const [typed, setTyped] = useState<string[]>(() => positions.map(() => ''));
  const [tried, setTried] = useState(false);
  const wrong = positions.filter((p, i) => typed[i].trim().toLowerCase() !== words[p]).map((p) => p + 1);

  const next = () => {
    setTried(true);
    if (wrong.length === 0) onNext();
  };

  return (
    <section className="card">
      <h2>Confirm your secret phrase</h2>
      <p className="hint">Type the words at these positions from what you wrote down.</p>
      <div className="confirm-words">
        {positions.map((p, i) => (
          <label className="field" key={p}>
            <span>Word #{p + 1}</span>
            <input
              data-testid="mnemonic-confirm-input"
              data-word-index={p + 1}
              autoComplete="off"
              spellCheck={false}
              value={typed[i]}
              onChange={(e) => setTyped(typed.map((t, j) => (j === i ? e.target.value : t)))}
            />
          </label>
        ))}
      </div>
      {tried && wrong.length > 0 && (
        <p className="error" data-testid="mnemonic-confirm-error">
          {wrong.length === 1 ? `Word #${wrong[0]} does not match.` : `Words ${wrong.map((n) => `#${n}`).join(', ')} do not match.`} Check what you
          wrote down.
        </p>
      )}
      <div className="row">
        <button type="button" onClick={onBack}>
          Show the words again
        </button>
        <button type="button" className="primary" onClick={next} disabled={typed.some((t) => !t.trim())} data-testid="mnemonic-confirm-submit">
          Continue
        </button>
      </div>
    </section>
  );
}
