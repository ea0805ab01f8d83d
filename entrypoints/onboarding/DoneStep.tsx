/** The end of onboarding: the wallet exists and this is its first account. */
export function DoneStep({ address }: { address: string }) {
  return (
    <section className="card" data-testid="onboarding-done">
      <h2>Your wallet is ready</h2>
      <p className="hint">Your first account:</p>
      <p className="address" data-testid="onboarding-address">
        {address}
      </p>
      <p className="hint">Open Sharekeep from the browser toolbar to see your portfolio. You can close this tab.</p>
    </section>
  );
}
