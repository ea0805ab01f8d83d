// @vitest-environment happy-dom
// The connect card of a dangerous site: the danger is shown, and Connect stays off until the user
// ticks that they accept the risk; what it sends then carries that acceptance.
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type ApprovalDecision, ApprovalRequest } from '../../../components/ApprovalRequest';
import type { PendingApproval } from '../../../lib/approvals';
import type { SiteCheck } from '../../../lib/sites';

const ACCOUNT = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const danger: SiteCheck = {
  host: 'xn--uniswp-7nf.org',
  unicodeHost: 'unisw\u0430p.org',
  danger: true,
  warnings: [
    { code: 'imitates-dapp', severity: 'danger', message: 'unisw\u0430p.org (xn--uniswp-7nf.org) reads like uniswap.org but is another site.' },
    { code: 'punycode', severity: 'warn', message: 'This address is written in punycode.' },
  ],
};

const connect = (site: SiteCheck): PendingApproval => ({
  id: 'c-1',
  origin: `https://${site.host}`,
  kind: 'connect',
  createdAt: 1,
  details: { origin: `https://${site.host}`, site },
  offerBlock: false,
});

let container: HTMLElement | undefined;
// The approval's buttons arm after their delay and take a fresh press (issue 10, item 7).
beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  container?.remove();
  vi.useRealTimers();
});
const press = (button: HTMLElement) =>
  act(() => {
    button.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, pointerType: 'mouse' }));
    button.click();
  });

function mount(approval: PendingApproval) {
  const decisions: ApprovalDecision[] = [];
  container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  act(() =>
    root.render(
      <ApprovalRequest
        approval={approval}
        accounts={[{ address: ACCOUNT, name: 'Account 1', kind: 'hd', index: 0, hidden: false }]}
        selectedAddress={ACCOUNT}
        busy={false}
        onDecide={(d) => decisions.push(d)}
      />,
    ),
  );
  act(() => vi.advanceTimersByTime(1_000));
  const byId = (id: string) => container!.querySelector(`[data-testid="${id}"]`) as HTMLElement | null;
  return { byId, decisions };
}

describe('connecting to a dangerous site', () => {
  it('shows the danger and both forms of the name, with Connect off until the risk is accepted', () => {
    const { byId, decisions } = mount(connect(danger));
    expect(byId('approval-phishing')?.getAttribute('data-codes')).toBe('imitates-dapp');
    expect(byId('approval-site-unicode')?.textContent).toBe('unisw\u0430p.org');
    expect(byId('approval-site-punycode')?.textContent).toBe('xn--uniswp-7nf.org');
    expect(byId('approval-verdict')?.getAttribute('data-verdict')).toBe('warn');
    const approve = byId('approval-approve') as HTMLButtonElement;
    expect(approve.disabled).toBe(true);

    act(() => (byId('approval-phishing-accept') as HTMLInputElement).click());
    expect(approve.disabled).toBe(false);
    press(approve);
    expect(decisions).toEqual([{ approved: true, data: { accounts: [ACCOUNT], acceptRisk: true } }]);
  });

  it('shows punycode that imitates nothing in both forms, with no extra step', () => {
    const site: SiteCheck = {
      host: 'xn--mnchen-3ya.de',
      unicodeHost: 'münchen.de',
      danger: false,
      warnings: [{ code: 'punycode', severity: 'warn', message: 'This address is written in punycode.' }],
    };
    const { byId, decisions } = mount(connect(site));
    expect(byId('approval-phishing')).toBeNull();
    expect(byId('approval-site-unicode')?.textContent).toBe('münchen.de');
    press(byId('approval-approve') as HTMLButtonElement);
    expect(decisions).toEqual([{ approved: true, data: { accounts: [ACCOUNT] } }]);
  });

  it('shows nothing extra for an ordinary site', () => {
    const { byId } = mount(connect({ host: '127.0.0.1', danger: false, warnings: [] }));
    expect(byId('approval-phishing')).toBeNull();
    expect(byId('approval-site-forms')).toBeNull();
    expect(byId('approval-verdict')?.getAttribute('data-verdict')).toBe('allow');
  });
});
