import { useState } from 'react';
import { useWallet } from '@/lib/ui-state';
import { ConfirmPhraseStep } from './ConfirmPhraseStep';
import { DoneStep } from './DoneStep';
import { HardwareStep } from './HardwareStep';
import { ImportStep } from './ImportStep';
import { SecureStep } from './SecureStep';
import { ShowPhraseStep } from './ShowPhraseStep';

/** Where the user is in setting up: each step hands the next the secret it will encrypt. */
type Step =
  | { name: 'choose' }
  | { name: 'show-phrase'; mnemonic?: string }
  | { name: 'confirm-phrase'; mnemonic: string }
  | { name: 'import' }
  | { name: 'secure'; secret: string; back: Step }
  | { name: 'done'; address: string }
  | { name: 'hardware' };

/** `hardware`: opened from Settings to add Ledger accounts to the wallet there is. */
export function Onboarding({ start = 'choose' }: { start?: 'choose' | 'hardware' }) {
  const [step, setStep] = useState<Step>(start === 'hardware' ? { name: 'hardware' } : { name: 'choose' });
  const initialized = useWallet((s) => s.state?.initialized === true);

  return (
    <main className="onboarding">
      <header className="brand">
        <span className="logo" aria-hidden="true" />
        <h1>Sharekeep</h1>
      </header>
      {step.name === 'choose' && (
        <section className="card">
          <h2>Set up your wallet</h2>
          <p className="hint">Your keys stay in this browser, encrypted with a password only you know.</p>
          {initialized && (
            <p className="warning">
              A wallet already exists in this browser. Setting up a new one replaces it: make sure you have its secret phrase.
            </p>
          )}
          <div className="choices">
            <button type="button" className="primary" data-testid="onboarding-create" onClick={() => setStep({ name: 'show-phrase' })}>
              Create a new wallet
            </button>
            <button type="button" data-testid="onboarding-import" onClick={() => setStep({ name: 'import' })}>
              Import a secret phrase or private key
            </button>
            {initialized && (
              <button type="button" data-testid="onboarding-hardware" onClick={() => setStep({ name: 'hardware' })}>
                Add a Ledger to this wallet
              </button>
            )}
          </div>
        </section>
      )}
      {step.name === 'show-phrase' && (
        <ShowPhraseStep
          shown={step.mnemonic}
          onBack={() => setStep({ name: 'choose' })}
          onNext={(mnemonic) => setStep({ name: 'confirm-phrase', mnemonic })}
        />
      )}
      {step.name === 'confirm-phrase' && (
        <ConfirmPhraseStep
          mnemonic={step.mnemonic}
          onBack={() => setStep({ name: 'show-phrase', mnemonic: step.mnemonic })}
          onNext={() => setStep({ name: 'secure', secret: step.mnemonic, back: { name: 'choose' } })}
        />
      )}
      {step.name === 'import' && (
        <ImportStep onBack={() => setStep({ name: 'choose' })} onNext={(secret) => setStep({ name: 'secure', secret, back: { name: 'import' } })} />
      )}
      {step.name === 'secure' && (
        <SecureStep
          secret={step.secret}
          replaceExisting={initialized}
          onBack={() => setStep(step.back)}
          onDone={(address) => setStep({ name: 'done', address })}
        />
      )}
      {step.name === 'done' && <DoneStep address={step.address} />}
      {step.name === 'hardware' && <HardwareStep onBack={() => setStep({ name: 'choose' })} />}
    </main>
  );
}
