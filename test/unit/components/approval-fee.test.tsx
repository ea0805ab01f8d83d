// @vitest-environment happy-dom
// The network fee in the approval window, before approval: the most it can cost, the speed the
// user picks, a custom fee, and the site's own fee; what is picked is what the decision carries.
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { type ApprovalDecision, ApprovalRequest } from '../../../components/ApprovalRequest';
import { ARM_DELAY_MS } from '../../../components/use-armed-decision';
import type { PendingApproval } from '../../../lib/approvals';
import type { FeeView, SigningView } from '../../../lib/signing';
import { mountedRoot } from './support';

const ACCOUNT = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';

const FEE: FeeView = {
  type: 'eip1559',
  nativeSymbol: 'ETH',
  gasLimit: '50000',
  gasSetBySite: false,
  baseFeeGwei: '10',
  options: [
    { choice: 'slow', maxFeeGwei: '13.5', priorityFeeGwei: '1', maxCost: '0.000675' },
    { choice: 'normal', maxFeeGwei: '22', priorityFeeGwei: '2', maxCost: '0.0011' },
    { choice: 'fast', maxFeeGwei: '30', priorityFeeGwei: '5', maxCost: '0.0015' },
  ],
  preselected: 'normal',
  usdNote: 'Sharekeep has no ETH price for this network, so the cost is shown in ETH only.',
};

const view = (fee: FeeView): SigningView => ({
  account: ACCOUNT,
  chainId: 31337,
  chainName: 'Localhost 8545',
  summary: 'Send 1 ETH.',
  intentKind: 'native-transfer',
  changes: [],
  approvals: [],
  simulation: { status: 'not-run' },
  verdict: { verdict: 'allow', reasons: [] },
  warnings: [],
  fee,
});

let decisions: ApprovalDecision[];

function show(fee: FeeView) {
  const approval: PendingApproval = {
    id: 'a',
    origin: 'https://app.example',
    kind: 'transaction',
    createdAt: 1,
    details: view(fee),
    offerBlock: false,
  };
  act(() =>
    mounted.root.render(
      <ApprovalRequest
        approval={approval}
        accounts={[{ address: ACCOUNT, name: 'Account 1', kind: 'hd', index: 0, hidden: false }]}
        selectedAddress={ACCOUNT}
        busy={false}
        onDecide={(d) => decisions.push(d)}
      />,
    ),
  );
}

const el = <T extends HTMLElement>(id: string) => mounted.host.querySelector(`[data-testid="${id}"]`) as T;
const fire = (target: EventTarget, event: Event) => act(() => void target.dispatchEvent(event));
const approve = () => {
  act(() => vi.advanceTimersByTime(ARM_DELAY_MS));
  fire(el('approval-approve'), new PointerEvent('pointerdown', { bubbles: true, pointerType: 'mouse' }));
  fire(el('approval-approve'), new MouseEvent('click', { bubbles: true, detail: 1 }));
};
const select = (value: string) => {
  const node = el<HTMLSelectElement>('fee-speed');
  node.value = value;
  fire(node, new Event('change', { bubbles: true }));
};
const type = (id: string, value: string) => {
  const input = el<HTMLInputElement>(id);
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(input, value);
  fire(input, new Event('input', { bubbles: true }));
};

const mounted = mountedRoot({
  before: () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    decisions = [];
  },
  after: () => vi.useRealTimers(),
});

describe('the network fee in the approval window', () => {
  it('shows the most the preselected speed can cost before approval, and says why there is no USD value', () => {
    show(FEE);
    expect(el('approval-fee').textContent).toBe('At most 0.0011 ETH');
    expect(el('approval-fee').dataset).toMatchObject({ speed: 'normal', maxFeeGwei: '22', priorityFeeGwei: '2', gasLimit: '50000' });
    expect(el('approval-fee-usd').textContent).toContain('no ETH price');
    expect([...el<HTMLSelectElement>('fee-speed').options].map((o) => o.value)).toEqual(['slow', 'normal', 'fast', 'custom']);
  });

  it('approves with the speed picked, and shows its cost', () => {
    show(FEE);
    select('fast');
    expect(el('approval-fee').textContent).toBe('At most 0.0015 ETH');
    approve();
    expect(decisions).toEqual([{ approved: true, data: { fee: { speed: 'fast' } } }]);
  });

  it('takes a custom max fee and tip, starting from the speed shown, and prices them', () => {
    show(FEE);
    select('custom');
    expect(el<HTMLInputElement>('fee-max-fee').value).toBe('22');
    expect(el<HTMLInputElement>('fee-priority-fee').value).toBe('2');
    type('fee-max-fee', '40');
    type('fee-priority-fee', '3.5');
    expect(el('approval-fee').textContent).toBe('At most 0.002 ETH');
    approve();
    expect(decisions).toEqual([{ approved: true, data: { fee: { speed: 'custom', maxFeeGwei: '40', priorityFeeGwei: '3.5' } } }]);
  });

  it("keeps the site's fee and gas limit, named as set by the site, unless the user picks another", () => {
    show({
      ...FEE,
      gasSetBySite: true,
      options: [{ choice: 'site', maxFeeGwei: '95', priorityFeeGwei: '2', maxCost: '0.00475' }, ...FEE.options],
      preselected: 'site',
    });
    expect(el<HTMLSelectElement>('fee-speed').value).toBe('site');
    expect(el<HTMLSelectElement>('fee-speed').selectedOptions[0].textContent).toContain('Set by the site');
    expect(el('approval-gas-limit').textContent).toBe('50000 (set by the site)');
    approve();
    expect(decisions).toEqual([{ approved: true, data: { fee: { speed: 'site' } } }]);
  });
});
