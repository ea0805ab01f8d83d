import { useWallet } from '@/lib/ui-state';
import { SetupPrompt } from './SetupPrompt';
import { Shell } from './Shell';
import { UnlockScreen } from './UnlockScreen';

/** Which face the popup shows: nothing yet, set-up, unlock, or the wallet itself. */
export function App() {
  const phase = useWallet((s) => (!s.state ? 'waiting' : !s.state.initialized ? 'setup' : s.state.unlocked ? 'unlocked' : 'locked'));
  if (phase === 'waiting') return <main className="popup" aria-busy="true" />;
  if (phase === 'setup') return <SetupPrompt />;
  if (phase === 'locked') return <UnlockScreen />;
  return <Shell />;
}
