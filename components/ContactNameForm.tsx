import { type FormEvent, useState } from 'react';
import { describeError } from './describe-error';

/**
 * Names an address in the user's address book, inline: a button, then a text field. The
 * background refuses a name that reads like an account or a known contract; its sentence shows
 * here and the field keeps what was typed.
 */
export function ContactNameForm({ current, onSave }: { current?: string; onSave(name: string): Promise<unknown> }) {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState(current ?? '');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  if (!open)
    return (
      <button type="button" className="link" data-testid="contact-name-edit" onClick={() => setOpen(true)}>
        {current ? 'Rename' : 'Name this address'}
      </button>
    );
  const save = async (e?: FormEvent) => {
    e?.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await onSave(name.trim());
      setOpen(false);
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <span className="contact-name">
      <input
        className="contact-name-field"
        aria-label="Name for this address"
        placeholder="Name (empty to forget)"
        maxLength={40}
        value={name}
        onChange={(e) => setName(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') void save(e);
        }}
        data-testid="contact-name-input"
      />
      <button type="button" disabled={busy} onClick={() => void save()} data-testid="contact-name-save">
        Save
      </button>
      {error && (
        <span className="error" role="alert" data-testid="contact-name-error">
          {error}
        </span>
      )}
    </span>
  );
}
