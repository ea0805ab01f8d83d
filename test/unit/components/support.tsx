// What the component tests share: a React root mounted in happy-dom for each test, and a holding
// worth $n (18 decimals, one token, no price) for long portfolios.
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach } from 'vitest';
import type { HoldingView } from '../../../lib/holdings';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** A fresh root in the document before each test, unmounted after it; `around` runs beside both. */
export function mountedRoot(around: { before?(): void; after?(): void } = {}): { readonly host: HTMLElement; readonly root: Root } {
  const mounted = {} as { host: HTMLElement; root: Root };
  beforeEach(() => {
    around.before?.();
    mounted.host = document.createElement('div');
    document.body.append(mounted.host);
    mounted.root = createRoot(mounted.host);
  });
  afterEach(() => {
    act(() => mounted.root.unmount());
    mounted.host.remove();
    around.after?.();
  });
  return mounted;
}

/** Holding number `n` on `chainId`: symbol S<n>, worth $n. */
export const numberedHolding = (n: number, chainId = 1): HoldingView => ({
  token: { chainId, address: `0x${n.toString(16).padStart(40, '0')}`, symbol: `S${n}`, decimals: 18 },
  amount: '1000000000000000000',
  underlyingAmount: '1000000000000000000',
  corporateActions: 'none',
  factor: null,
  price: null,
  value: String(n * 100_000_000),
  valueDecimals: 8,
  backing: null,
  unavailable: [],
  name: `S${n}`,
  listed: true,
  verified: true,
  underlying: null,
  label: `S${n}`,
});
