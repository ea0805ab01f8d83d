// @vitest-environment happy-dom
// The approval window's device step, rendered: the request the user approved, "Confirm on your
// Ledger", and exactly what was sent to the device, read from the bytes themselves.
import { renderToStaticMarkup } from 'react-dom/server';
import { parseGwei } from 'viem';
import { describe, expect, it } from 'vitest';
import { type DeviceState, HardwareSignStep } from '../../../components/HardwareSignStep';
import type { PendingApproval } from '../../../lib/approvals';
import { hardwarePayload } from '../../../lib/hardware';
import type { HardwareSignView } from '../../../lib/signing';

const LEDGER = '0x8C8d35429F74ec245F8Ef2f4Fd1e551cFF97d650' as const;
const TO = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const PATH = "m/44'/60'/1'/0/0";

const tx = {
  type: 'eip1559',
  chainId: 31337,
  nonce: 12,
  to: TO,
  value: 250_000_000_000_000_000n,
  gas: 21_000n,
  maxFeePerGas: parseGwei('3'),
  maxPriorityFeePerGas: parseGwei('1'),
} as const;

const details: HardwareSignView = {
  account: LEDGER,
  chainId: 31337,
  chainName: 'Localhost 8545',
  summary: 'Send 0.25 ETH.',
  intentKind: 'native-transfer',
  changes: [],
  approvals: [],
  simulation: { status: 'not-run' },
  verdict: { verdict: 'allow', reasons: [] },
  warnings: [],
  hardware: { account: LEDGER, path: PATH, payload: hardwarePayload({ method: 'transaction', tx }) },
};

const approval: PendingApproval = { id: 'h-1', origin: 'https://dapp.example', kind: 'hardware-sign', createdAt: 1, details, offerBlock: false };
const accounts = [{ address: LEDGER, name: 'Ledger 1', kind: 'hardware' as const, path: PATH, hidden: false }];

function render(device: DeviceState) {
  const html = renderToStaticMarkup(
    <HardwareSignStep approval={approval} accounts={accounts} device={device} onConnect={() => undefined} onReject={() => undefined} />,
  );
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return (id: string) => doc.querySelector(`[data-testid="${id}"]`);
}

describe('the approval window while a Ledger signs', () => {
  it('says "Confirm on your Ledger" beside the approved request and the site', () => {
    const one = render({ state: 'signing' });
    expect(one('approval-kind')?.textContent).toBe('hardware-sign');
    expect(one('approval-origin')?.textContent).toContain('https://dapp.example');
    expect(one('approval-summary')?.textContent).toBe('Send 0.25 ETH.');
    expect(one('hardware-status')?.getAttribute('data-state')).toBe('signing');
    expect(one('hardware-status')?.textContent).toMatch(/^Confirm on your Ledger/);
    expect(one('hardware-connect')?.hasAttribute('disabled')).toBe(true);
  });

  it('shows the nonce, gas limit and fee cap of the very transaction sent to the device', () => {
    const text = render({ state: 'signing' })('hardware-payload')?.textContent ?? '';
    expect(text).toContain(TO);
    expect(text).toContain('0.25');
    expect(text).toContain('12');
    expect(text).toContain('21000');
    expect(text).toContain('3 gwei');
  });

  it('asks for a click to pick the Ledger when none is allowed yet, and offers a retry after an error', () => {
    const connect = render({ state: 'connect' });
    expect(connect('hardware-connect')?.hasAttribute('disabled')).toBe(false);
    expect(connect('hardware-connect')?.textContent).toBe('Connect Ledger');
    const failed = render({ state: 'error', message: 'You rejected the request on your Ledger. Nothing was signed.' });
    expect(failed('hardware-status')?.getAttribute('role')).toBe('alert');
    expect(failed('hardware-status')?.textContent).toContain('rejected the request on your Ledger');
    expect(failed('hardware-connect')?.textContent).toBe('Try again');
  });
});
