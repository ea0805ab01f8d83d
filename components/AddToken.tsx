// "Add a token by address": for tokens outside the registry. What it adds is shown as
// unverified, and a token that copies a registry token's symbol is called out.
import { type FormEvent, useState } from 'react';

export interface AddedToken {
  symbol: string;
  address: string;
  verified: boolean;
  lookalikes: { symbol: string; address: string }[];
  /** What it imitates, when it does; `address` is absent for a disguised well-known symbol. */
  imitation?: { of: string; address?: string };
  /** The wallet's name for it: a look-alike is never named as the token it imitates. */
  label?: string;
}

export function AddToken({ onAdd }: { onAdd(address: string): Promise<AddedToken> }) {
  const [open, setOpen] = useState(false);
  const [address, setAddress] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [added, setAdded] = useState<AddedToken>();

  if (!open) {
    return (
      <button type="button" className="add-token-open" data-testid="token-add-open" onClick={() => setOpen(true)}>
        Add a token by address
      </button>
    );
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    setAdded(undefined);
    try {
      setAdded(await onAdd(address.trim()));
      setAddress('');
    } catch (err) {
      setError(err instanceof Error ? err.message : 'Could not add that token.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="add-token" onSubmit={submit}>
      <label className="field">
        <span>Token contract address</span>
        <input
          data-testid="token-add-address"
          value={address}
          onChange={(e) => setAddress(e.target.value)}
          placeholder="0x…"
          spellCheck={false}
          autoComplete="off"
        />
      </label>
      {error && <p className="error">{error}</p>}
      {added && (
        <div data-testid="token-add-result" data-verified={added.verified}>
          <p className="ok">
            Added {added.label ?? added.symbol}. {added.verified ? '' : 'It is not in the Sharekeep registry: unverified.'}
          </p>
          {added.lookalikes.map((t) => (
            <p className="warning" key={t.address} data-testid="token-add-lookalike">
              {added.label ?? added.symbol} reads as the registry's {t.symbol} at {t.address}, but it is another contract. It may be an imitation.
            </p>
          ))}
          {added.imitation && !added.imitation.address && (
            <p className="warning" data-testid="token-add-lookalike">
              {added.label ?? added.symbol} spells {added.imitation.of} with look-alike or invisible characters. It may be an imitation.
            </p>
          )}
        </div>
      )}
      <div className="row">
        <button type="button" onClick={() => setOpen(false)}>
          Close
        </button>
        <button type="submit" className="primary" data-testid="token-add-submit" disabled={busy || !address.trim()}>
          Add
        </button>
      </div>
    </form>
  );
}
