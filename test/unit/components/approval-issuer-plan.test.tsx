// @vitest-environment happy-dom
// An issuer request's plan in the approval window, rendered: the issuer named as the site, every
// step in order with its contract named and where the funds are, the payout (amount, to whom,
// when), the issuer's fee, the deadline, the price check and the plan's network fee; a step the
// guard blocks disables Approve.
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ApprovalRequest } from '../../../components/ApprovalRequest';
import { ARM_DELAY_MS } from '../../../components/use-armed-decision';
import type { PendingApproval } from '../../../lib/approvals';
import type { PlanStepView, PlanView } from '../../../lib/signing';
import { mountedRoot } from './support';

const ACCOUNT = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
const USDC = '0x5FbDB2315678afecb367f032d93F642f64180aa3';
const MANAGER = '0x67f65B834aaAc92C15c2EBa9FF7E81f2d33a1cFD';
const ORIGIN = 'Devnet Attest (http://127.0.0.1:8787)';

const step = (over: Partial<PlanStepView>): PlanStepView => ({
  index: 0,
  kind: 'allowance',
  title: `Allow Devnet Attest's contract ${MANAGER} to take 50.25 USDC`,
  funds: "Your USDC stay in your account; Devnet Attest's contract may take up to 50.25 USDC from it.",
  to: USDC,
  summary: 'Allow 0x67f6… to spend 50.25 USDC',
  approvals: [{ token: USDC, symbol: 'USDC', spender: MANAGER, amount: '50.25', unlimited: false }],
  changes: [],
  simulation: { status: 'ok' },
  verdict: { verdict: 'allow', reasons: [] },
  gasLimit: '70000',
  ...over,
});

const plan = (steps: PlanStepView[]): PlanView => ({
  account: ACCOUNT,
  chainId: 31337,
  chainName: 'Devnet',
  title: 'Mint 0.5 NVDAon with Devnet Attest',
  details: {
    pay: { amount: '50.25', symbol: 'USDC' },
    payout: { amount: '0.5', symbol: 'NVDAon', to: ACCOUNT, when: 'in the same transaction, once it is mined' },
    fee: { amount: '0.25', symbol: 'USDC' },
    deadline: { expiry: '1800000120', expiresAt: 1_800_000_120_000 },
    priceCheck: { level: 'ok', message: 'Within 2% of the price feed.', arithmeticDeviationBps: 0, source: 'feed' },
  },
  steps,
  verdict: { verdict: steps.some((s) => s.verdict.verdict === 'block') ? 'block' : 'allow', reasons: steps.flatMap((s) => s.verdict.reasons) },
  fee: {
    type: 'eip1559',
    nativeSymbol: 'ETH',
    gasLimit: '270000',
    gasSetBySite: false,
    options: [{ choice: 'normal', maxFeeGwei: '2', priorityFeeGwei: '1', maxCost: '0.00054' }],
    preselected: 'normal',
    usdNote: 'No ETH price.',
  },
  labels: { [MANAGER.toLowerCase()]: 'Devnet Attest attestation manager' },
});

const mounted = mountedRoot({
  before: () => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] }),
  after: () => vi.useRealTimers(),
});

/** The window showing `view`, once its buttons are armed. */
function render(view: PlanView) {
  const approval: PendingApproval = { id: 'p-1', origin: ORIGIN, kind: 'issuer-request', createdAt: 1, details: view, offerBlock: false };
  act(() =>
    mounted.root.render(<ApprovalRequest approval={approval} accounts={[]} selectedAddress={ACCOUNT} busy={false} onDecide={() => undefined} />),
  );
  act(() => vi.advanceTimersByTime(ARM_DELAY_MS));
  return {
    all: (id: string) => [...mounted.host.querySelectorAll(`[data-testid="${id}"]`)],
    one: (id: string) => mounted.host.querySelector(`[data-testid="${id}"]`),
  };
}

const mint = step({ index: 1, kind: 'attestation', to: MANAGER, title: 'Mint 0.5 NVDAon', approvals: [], funds: '50.25 USDC go from you…' });

describe('the issuer-request window', () => {
  it('shows the whole plan: the issuer as the site, each step in order, the payout, fee, deadline, price check and network fee', () => {
    const { one, all } = render(plan([step({}), mint]));
    expect(one('approval-origin')?.textContent).toBe(ORIGIN);
    expect(one('approval-kind')?.textContent).toBe('issuer-request');
    expect(all('plan-step').map((s) => [s.getAttribute('data-kind'), s.getAttribute('data-to')])).toEqual([
      ['allowance', USDC],
      ['attestation', MANAGER],
    ]);
    expect(all('plan-step')[0].querySelector('[data-testid="approval-allowance"]')?.textContent).toMatch(
      /50\.25 USDC.*may be spent by.*Devnet Attest attestation manager/,
    );
    expect(all('plan-step-funds')[0].textContent).toMatch(/stay in your account/);
    expect(one('plan-payout')?.textContent).toBe(`0.5 NVDAon to ${ACCOUNT}, in the same transaction, once it is mined`);
    expect(one('plan-issuer-fee')?.textContent).toBe('0.25 USDC');
    expect(one('plan-deadline')?.getAttribute('data-expiry')).toBe('1800000120');
    expect(one('issuer-price-check')?.getAttribute('data-level')).toBe('ok');
    expect(one('approval-fee')).not.toBeNull();
    expect(one('approval-approve')?.hasAttribute('disabled')).toBe(false);
  });

  it('a step the guard blocks makes the plan blocked: the reason is shown and Approve is disabled', () => {
    const reason = { code: 'restricted-token', severity: 'block' as const, message: 'Step 2: NVDAon may not be bought by residents of US.' };
    const { one } = render(plan([step({}), { ...mint, verdict: { verdict: 'block', reasons: [reason] } }]));
    expect(one('approval-verdict')?.getAttribute('data-verdict')).toBe('block');
    expect(one('approval-reason')?.textContent).toMatch(/Step 2: NVDAon may not be bought/);
    expect(one('approval-approve')?.hasAttribute('disabled')).toBe(true);
  });

  it('a plan asked again says why', () => {
    const view = plan([mint]);
    const { one } = render({ ...view, details: { ...(view.details as object), changed: 'the network fee is now 90 gwei, above the cap' } });
    expect(one('plan-changed')?.textContent).toMatch(/Asked again: the network fee is now 90 gwei/);
  });
});
