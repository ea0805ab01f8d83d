import '../shared/lockdown';
import { createRoot } from 'react-dom/client';
import { WalletStoreProvider } from '@/lib/ui-state';
import { openWalletStore } from '../shared/wallet-store';
import { ApprovalApp } from './ApprovalApp';

const store = openWalletStore();
const close = () => window.close();

createRoot(document.getElementById('root')!).render(
  <WalletStoreProvider store={store}>
    <ApprovalApp close={close} />
  </WalletStoreProvider>,
);
