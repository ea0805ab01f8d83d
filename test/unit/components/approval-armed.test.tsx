// @vitest-environment happy-dom
// Issue 10, item 7: a request's buttons take only a press that began after it was on screen, so
// the second click of a double click on one request's Sign cannot approve the next one.
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ApprovalRequest, type ApprovalDecision } from '../../../components/ApprovalRequest';
import { ARM_DELAY_MS } from '../../../components/use-armed-decision';
import type { PendingApproval } from '../../../lib/approvals';
import type { SigningView } from '../../../lib/signing';
import { mountedRoot } from './support';

const ACCOUNT = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
const view = (verdict: SigningView['verdict']['verdict'] = 'allow'): SigningView => ({
  account: ACCOUNT,
  chainId: 31337,
  chainName: 'Localhost 8545',
  summary: 'Send 1 ETH.',
  intentKind: 'native-transfer',
  changes: [],
  approvals: [],
  simulation: { status: 'not-run' },
  verdict: { verdict, reasons: verdict === 'allow' ? [] : [{ code: 'x', severity: verdict, message: `reason ${verdict}` }] },
  warnings: [],
});
const request = (id: string, over: Partial<PendingApproval> = {}): PendingApproval => ({
  id,
  origin: 'https://app.example',
  kind: 'transaction',
  createdAt: 1,
  details: view(),
  offerBlock: true,
  ...over,
});

let decisions: [string, ApprovalDecision][];

/** Shows `item` as the approval window does: one card per request, keyed by its id. */
function show(item: PendingApproval) {
  act(() =>
    mounted.root.render(
      <ApprovalRequest
        key={item.id}
        approval={item}
        accounts={[{ address: ACCOUNT, name: 'Account 1', kind: 'hd', index: 0, hidden: false }]}
        selectedAddress={ACCOUNT}
        busy={false}
        onDecide={(d) => decisions.push([item.id, d])}
      />,
    ),
  );
}

const button = (id: string) => mounted.host.querySelector(`[data-testid="${id}"]`) as HTMLButtonElement;
const wait = (ms: number) => act(() => vi.advanceTimersByTime(ms));
const fire = (target: EventTarget, event: Event) => act(() => void target.dispatchEvent(event));
const pointerDown = (id: string) => fire(button(id), new PointerEvent('pointerdown', { bubbles: true, pointerType: 'mouse' }));
const click = (id: string, detail = 1) => fire(button(id), new MouseEvent('click', { bubbles: true, detail }));
const keyDown = (id: string, key: string, repeat = false) => fire(button(id), new KeyboardEvent('keydown', { bubbles: true, key, repeat }));
const setVisibility = (state: 'hidden' | 'visible') => {
  Object.defineProperty(document, 'visibilityState', { value: state, configurable: true });
  fire(document, new Event('visibilitychange'));
};
/** A mouse press on the button: down, then the click the browser makes of it. */
const press = (id: string) => {
  pointerDown(id);
  click(id);
};

const mounted = mountedRoot({
  before: () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    decisions = [];
  },
  after: () => {
    Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
    vi.useRealTimers();
  },
});

describe('the approval buttons are armed only after the request was on screen', () => {
  it.each(['approval-approve', 'approval-reject', 'approval-reject-block'])('%s is disabled at first and takes a press after the delay', (id) => {
    show(request('a'));
    expect(button(id).disabled).toBe(true);
    press(id);
    wait(ARM_DELAY_MS - 1);
    expect(button(id).disabled).toBe(true);
    press(id);
    expect(decisions).toEqual([]);
    wait(1);
    expect(button(id).disabled).toBe(false);
    press(id);
    expect(decisions.map(([requestId]) => requestId)).toEqual(['a']);
  });

  it('a double click on Sign approves the request it was meant for, not the one queued behind it', () => {
    show(request('first'));
    wait(ARM_DELAY_MS);
    press('approval-approve');
    show(request('second', { details: view() }));
    // The second click of the double click lands on the next request's button.
    press('approval-approve');
    wait(ARM_DELAY_MS * 2);
    expect(decisions).toEqual([['first', { approved: true, data: undefined }]]);
    expect(button('approval-approve').disabled).toBe(false);
  });

  it('ignores a click whose press began before the buttons were armed', () => {
    show(request('a'));
    wait(ARM_DELAY_MS - 10);
    pointerDown('approval-approve'); // held down across the moment it arms
    wait(20);
    click('approval-approve');
    expect(decisions).toEqual([]);
    // A click with no press of its own (the press began on another element) counts for nothing.
    click('approval-approve');
    expect(decisions).toEqual([]);
    press('approval-approve');
    expect(decisions).toHaveLength(1);
  });

  it('takes Enter or Space pressed once armed, never a held key repeating or a click with no key or pointer', () => {
    show(request('a'));
    keyDown('approval-approve', 'Enter');
    wait(ARM_DELAY_MS);
    click('approval-approve', 0); // the click a browser makes of Enter
    keyDown('approval-approve', 'Enter', true);
    click('approval-approve', 0);
    click('approval-approve', 0); // element.click() from a script
    expect(decisions).toEqual([]);
    keyDown('approval-approve', 'Enter');
    click('approval-approve', 0);
    keyDown('approval-approve', ' ');
    click('approval-approve', 0);
    expect(decisions).toHaveLength(2);
  });

  it('holds the buttons again while the window is unfocused or hidden, and for the delay after it comes back', () => {
    show(request('a'));
    wait(ARM_DELAY_MS);
    expect(button('approval-approve').disabled).toBe(false);
    fire(window, new Event('blur'));
    expect(button('approval-approve').disabled).toBe(true);
    fire(window, new Event('focus'));
    press('approval-approve');
    wait(ARM_DELAY_MS - 1);
    press('approval-approve');
    expect(decisions).toEqual([]);
    wait(1);
    press('approval-approve');
    expect(decisions).toHaveLength(1);

    setVisibility('hidden');
    expect(button('approval-approve').disabled).toBe(true);
    setVisibility('visible');
    press('approval-approve');
    wait(ARM_DELAY_MS);
    expect(decisions).toHaveLength(1);
    press('approval-approve');
    expect(decisions).toHaveLength(2);
  });

  it.each([
    ['allow', false],
    ['warn', false],
    ['block', true],
  ] as const)('once armed, a %s verdict leaves approve disabled: %s', (verdict, disabled) => {
    show(request('a', { details: view(verdict) }));
    wait(ARM_DELAY_MS);
    expect(button('approval-approve').disabled).toBe(disabled);
    expect(button('approval-reject').disabled).toBe(false);
    press('approval-approve');
    expect(decisions).toHaveLength(disabled ? 0 : 1);
  });

  it('keeps approve disabled for a non-signing request that carries a block verdict', () => {
    const carried = { verdict: 'block' as const, reasons: [{ code: 'x', severity: 'block' as const, message: 'No.' }] };
    show(request('a', { kind: 'add-chain', details: { chainId: 5, verdict: carried } }));
    wait(ARM_DELAY_MS);
    expect(button('approval-approve').disabled).toBe(true);
    expect(button('approval-reject').disabled).toBe(false);
  });
});
