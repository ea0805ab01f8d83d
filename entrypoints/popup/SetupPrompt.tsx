/** No wallet yet: the set-up happens in a full tab, where there is room for the phrase. */
export function SetupPrompt() {
  const openOnboarding = () => browser.tabs.create({ url: browser.runtime.getURL('/onboarding.html') }).then(() => window.close());
  return (
    <main className="popup centered">
      <span className="logo" aria-hidden="true" />
      <h1>Sharekeep</h1>
      <p className="hint">Create a wallet or import one you already have.</p>
      <button type="button" className="primary" onClick={openOnboarding} data-testid="open-onboarding">
        Set up Sharekeep
      </button>
    </main>
  );
}
