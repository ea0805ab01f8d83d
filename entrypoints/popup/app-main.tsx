import '../shared/lockdown';
import { createRoot } from 'react-dom/client';
import { WalletStoreProvider } from '@/lib/ui-state';
import { openWalletStore } from '../shared/wallet-store';
import { App } from './App';
import '@/components/forms.css';
import './popup.css';

createRoot(document.getElementById('root')!).render(
  <WalletStoreProvider store={openWalletStore()}>
    <App />
  </WalletStoreProvider>,
);
