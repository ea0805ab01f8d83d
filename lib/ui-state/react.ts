/** React bindings for the wallet store: a provider and a selector hook. */
import { createContext, createElement, type ReactNode, useContext } from 'react';
import type { StoreApi } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { WalletStoreState } from './store';

const WalletStoreContext = createContext<StoreApi<WalletStoreState> | null>(null);

export function WalletStoreProvider({ store, children }: { store: StoreApi<WalletStoreState>; children: ReactNode }) {
  return createElement(WalletStoreContext.Provider, { value: store }, children);
}

export function useWallet<T>(selector: (s: WalletStoreState) => T): T {
  const store = useContext(WalletStoreContext);
  if (!store) throw new Error('useWallet must be used inside WalletStoreProvider');
  return useStore(store, selector);
}
