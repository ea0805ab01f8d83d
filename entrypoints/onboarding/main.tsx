import '../shared/lockdown';
import { createRoot } from 'react-dom/client';
import { WalletStoreProvider } from '@/lib/ui-state';
import { openWalletStore } from '../shared/wallet-store';
import { Onboarding } from './Onboarding';
import '@/components/forms.css';
import './onboarding.css';

createRoot(document.getElementById('root')!).render(
  <WalletStoreProvider store={openWalletStore()}>
    <Onboarding start={location.hash === '#hardware' ? 'hardware' : 'choose'} />
  </WalletStoreProvider>,
);
