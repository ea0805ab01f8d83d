import { AMOUNT_TEXT as AMOUNT } from '@/lib/tokens';
import { type FormEvent, useState } from 'react';
import { formatUnits } from 'viem';
import { ContactNameForm } from '@/components/ContactNameForm';
import { describeError } from '@/components/describe-error';
import { useWallet } from '@/lib/ui-state';
import { navigate } from '../router';
import { useRecipientCheck } from './use-recipient-check';
import { useSendableTokens } from './use-sendable-tokens';

/** Send the native coin or a token from the selected account; the approval window confirms it. */
export function SendScreen({ token }: { token?: string }) {
  const call = useWallet((s) => s.call);
  const from = useWallet((s) => s.state?.selectedAddress);
  const isWatchOnly = useWallet((s) => s.state?.accounts.find((a) => a.address === s.state?.selectedAddress)?.kind === 'watch');
  const choices = useSendableTokens(from, token);

  const [tokenAddress, setTokenAddress] = useState(token ?? '');
  const [to, setTo] = useState('');
  const [amount, setAmount] = useState('');
  const [status, setStatus] = useState<{ kind: 'busy' | 'sent' | 'error'; text: string; hash?: string }>();
  const recipient = useRecipientCheck(from, to);
  const isOwn = useWallet((s) => s.state?.accounts.some((a) => a.address.toLowerCase() === to.trim().toLowerCase()));
  const chosen = choices.find((c) => c.address.toLowerCase() === tokenAddress.toLowerCase()) ?? choices[0];
  const amountProblem = amount && !AMOUNT.test(amount.trim()) ? 'Enter an amount like 1.5' : undefined;
  const ready = !isWatchOnly && recipient?.state === 'checked' && AMOUNT.test(amount.trim()) && status?.kind !== 'busy';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!ready || !from) return;
    setStatus({ kind: 'busy', text: 'Review and approve the transfer in the Sharekeep window.' });
    try {
      const { hash } = await call('send.submit', {
        from,
        to: to.trim(),
        amount: amount.trim(),
        token: chosen.address || undefined,
        decimals: chosen.decimals,
      });
      setStatus({ kind: 'sent', text: 'Sent. It shows as pending in Activity until it is mined.', hash });
    } catch (err) {
      setStatus({ kind: 'error', text: describeError(err) });
    }
  };

  return (
    <form className="screen" onSubmit={submit}>
      <h2>Send</h2>
      {isWatchOnly && <p className="warning">This is a watch-only address: Sharekeep holds no key for it and cannot send from it.</p>}
      <label className="field">
        <span>Asset</span>
        <select value={chosen.address} onChange={(e) => setTokenAddress(e.target.value)} data-testid="send-token">
          {choices.map((c) => (
            <option key={c.address || 'native'} value={c.address}>
              {c.symbol}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>To</span>
        <input
          className="mono"
          placeholder="0x…"
          autoComplete="off"
          spellCheck={false}
          value={to}
          onChange={(e) => setTo(e.target.value)}
          data-testid="send-to"
        />
      </label>
      {recipient?.state === 'invalid' && to.trim().length >= 42 && (
        <p className="error" data-testid="send-to-error">
          {recipient.message}
        </p>
      )}
      {recipient?.state === 'checked' && recipient.lookalike && (
        <p className="warning" data-testid="send-recipient-warning">
          You have never sent to this address, but it looks like {recipient.lookalike}, which you have used. Scammers plant look-alike addresses in
          your history: compare every character before you send.
        </p>
      )}
      {recipient?.state === 'checked' && recipient.name && (
        <p className="hint" data-testid="send-recipient-name">
          {recipient.name}
        </p>
      )}
      {recipient?.state === 'checked' && !isOwn && (
        <ContactNameForm current={recipient.contact} onSave={(name) => call('contacts.set', { address: to.trim(), name })} />
      )}
      {recipient?.state === 'checked' && recipient.contract === true && (!recipient.name || recipient.contact) && (
        <p className="warning" data-testid="send-recipient-contract">
          This address is a contract, not a person's account. Tokens sent to a contract that cannot pass them on are lost: check that it expects them.
        </p>
      )}
      {recipient?.state === 'checked' && !recipient.seen && !recipient.lookalike && (
        <p className="hint">First transfer from this account to this address.</p>
      )}
      <label className="field">
        <span>Amount ({chosen.symbol})</span>
        <input
          inputMode="decimal"
          placeholder="0.0"
          autoComplete="off"
          value={amount}
          onChange={(e) => setAmount(e.target.value)}
          data-testid="send-amount"
        />
      </label>
      {chosen.balance !== undefined && (
        <p className="hint" data-testid="send-balance">
          Balance: {formatUnits(chosen.balance, chosen.decimals)} {chosen.symbol}
        </p>
      )}
      {amountProblem && <p className="error">{amountProblem}</p>}
      {status && (
        <p className={status.kind === 'error' ? 'error' : status.kind === 'sent' ? 'ok' : 'hint'} role="status" data-testid="send-status">
          {status.text}
          {status.hash && <span className="mono"> {status.hash}</span>}
        </p>
      )}
      <div className="row">
        {status?.kind === 'sent' && (
          <button type="button" onClick={() => navigate('/activity')}>
            View activity
          </button>
        )}
        <button type="submit" className="primary" disabled={!ready} data-testid="send-submit">
          Review and send
        </button>
      </div>
    </form>
  );
}
