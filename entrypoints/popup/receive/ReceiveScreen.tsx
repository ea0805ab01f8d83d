import { useState } from 'react';
import { AddressQr } from '@/components/AddressQr';
import { useWallet } from '@/lib/ui-state';

/** Receive: the selected account's address in full, to copy or to scan, and on which network. */
export function ReceiveScreen() {
  const selected = useWallet((s) => s.state?.selectedAddress);
  const accounts = useWallet((s) => s.state?.accounts);
  const network = useWallet((s) => s.state?.networks.find((n) => n.chainId === s.state?.activeChainId));
  const [copied, setCopied] = useState<'yes' | 'failed'>();
  if (!selected) return <p className="hint">Choose an account first.</p>;
  const account = accounts?.find((a) => a.address === selected);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(selected);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  };

  return (
    <section className="screen receive">
      <h2>Receive</h2>
      <p className="hint">
        Send only tokens on <strong>{network?.name ?? 'this network'}</strong> to {account?.name ?? 'this account'}. The same address works on every
        EVM network, but a token sent on another network arrives there, not here.
      </p>
      <AddressQr value={selected} testId="receive-qr" />
      <p className="receive-address mono" data-testid="receive-address">
        {selected}
      </p>
      <button type="button" className="primary wide" onClick={copy} data-testid="receive-copy">
        {copied === 'yes' ? 'Copied' : 'Copy address'}
      </button>
      {copied === 'failed' && (
        <p className="error" role="alert">
          The browser refused the clipboard: select the address above and copy it by hand.
        </p>
      )}
    </section>
  );
}
