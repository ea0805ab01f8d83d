// @vitest-environment happy-dom
// The approval window's request card, rendered to HTML: what a user reads before deciding.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { PendingApproval } from '../../../lib/approvals';
import type { SigningView } from '../../../lib/signing';
import { ApprovalRequest } from '../../../components/ApprovalRequest';

const ACCOUNT = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
const SPENDER = '0x000000000022D473030F116dDEE9F6B43aC78BA3';
const TSLA_ADDRESS = '0x0000000000000000000000000000000000000002';

const view = (over: Partial<SigningView> = {}): SigningView => ({
  account: ACCOUNT,
  chainId: 31337,
  chainName: 'Localhost 8545',
  summary: 'Swap 100 USDC for at least 0.4 TSLAx.',
  intentKind: 'swap',
  changes: [],
  approvals: [],
  simulation: { status: 'not-run' },
  verdict: { verdict: 'allow', reasons: [] },
  warnings: [],
  ...over,
});

const approval = (over: Partial<PendingApproval> = {}): PendingApproval => ({
  id: 'a-1',
  origin: 'https://app.example',
  kind: 'transaction',
  createdAt: 1,
  details: view(),
  offerBlock: false,
  ...over,
});

const SECOND = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const ACCOUNTS = [
  { address: ACCOUNT, name: 'Account 1', kind: 'hd', index: 0, hidden: false },
  { address: SECOND, name: 'Savings', kind: 'hd', index: 1, hidden: true },
] as const;

function render(item: PendingApproval) {
  const html = renderToStaticMarkup(
    <ApprovalRequest approval={item} accounts={[...ACCOUNTS]} selectedAddress={ACCOUNT} busy={false} onDecide={() => undefined} />,
  );
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const byId = (id: string) => [...doc.querySelectorAll(`[data-testid="${id}"]`)];
  return { html, byId, one: (id: string) => byId(id)[0] };
}

describe('ApprovalRequest', () => {
  it('names a known contract beside its address, and an unknown one not at all', () => {
    const { byId } = render(
      approval({
        details: view({
          approvals: [
            { token: TSLA_ADDRESS, symbol: 'USDC', spender: SPENDER, amount: '100', unlimited: false },
            { token: TSLA_ADDRESS, symbol: 'USDC', spender: '0x000000000000000000000000000000000000dEaD', amount: '5', unlimited: false },
          ],
          labels: { [SPENDER.toLowerCase()]: 'Permit2 (Uniswap)' },
        }),
      }),
    );
    const labels = byId('contract-label');
    expect(labels.map((l) => [l.getAttribute('data-address'), l.textContent])).toEqual([[SPENDER, 'Permit2 (Uniswap)']]);
    // Beside the address, in the same allowance line: the address is still shown.
    expect(labels[0].closest('[data-testid="approval-allowance"]')?.querySelector('[data-testid="approval-spender"]')?.textContent).toBe(SPENDER);
  });

  it('names the site exactly and the kind', () => {
    const { one } = render(approval());
    expect(one('approval-origin').textContent).toBe('https://app.example');
    expect(one('approval-kind').textContent).toBe('transaction');
    expect(one('approval-punycode')).toBeUndefined();
  });

  it('shows a punycode hostname as punycode, with a note', () => {
    const { one } = render(approval({ origin: 'https://xn--80ak6aa92e.com' }));
    expect(one('approval-origin').textContent).toBe('https://xn--80ak6aa92e.com');
    expect(one('approval-punycode').textContent).toMatch(/punycode/);
  });

  // Whether approve is enabled once armed: approval-armed.test.tsx (the buttons start disabled).
  it.each(['allow', 'warn', 'block'] as const)('shows a %s verdict with its reasons', (verdict) => {
    const reasons =
      verdict === 'allow' ? [] : [{ code: 'x', severity: verdict, message: `reason ${verdict}`, source: 'https://issuer.example/terms' }];
    const { one, byId } = render(approval({ details: view({ verdict: { verdict, reasons } }) }));
    expect(one('approval-verdict').getAttribute('data-verdict')).toBe(verdict);
    expect(byId('approval-reason').map((r) => r.textContent)).toEqual(reasons.map((r) => `${r.message} Source`));
  });

  it("shows the wallet's verdict as it is given, rebuilding nothing from the intent's warnings", () => {
    // The signing pipeline already judged these warnings: the window must not second-guess it.
    const details = view({
      verdict: { verdict: 'allow', reasons: [] },
      warnings: [{ code: 'unknown-method', message: 'Unknown method.' }],
    });
    const { one, byId } = render(approval({ details }));
    expect(one('approval-verdict').getAttribute('data-verdict')).toBe('allow');
    expect(byId('approval-reason')).toHaveLength(0);
  });

  it.each([
    ['add-chain', { chainId: 5, name: 'X', rpcUrl: 'https://rpc.example' }, 'warn', ['site-added-network']],
    ['watch-asset', { verified: true, lookalikes: [] }, 'allow', []],
    ['watch-asset', { verified: false, lookalikes: [{ symbol: 'AAPLx', address: SPENDER }] }, 'warn', ['unverified-token', 'lookalike-token']],
  ] as const)('a %s request shows the verdict compliance gives it', (kind, details, verdict, codes) => {
    const { one, byId } = render(approval({ kind, details }));
    expect(one('approval-verdict').getAttribute('data-verdict')).toBe(verdict);
    expect(byId('approval-reason').map((r) => r.getAttribute('data-code'))).toEqual(codes);
  });

  it('shows a verdict a non-signing request carries instead of its default', () => {
    const carried = { verdict: 'block' as const, reasons: [{ code: 'x', severity: 'block' as const, message: 'No.' }] };
    const { one } = render(approval({ kind: 'add-chain', details: { chainId: 5, verdict: carried } }));
    expect(one('approval-verdict').getAttribute('data-verdict')).toBe('block');
  });

  it('flags an unlimited approval and names the spender', () => {
    const details = view({
      approvals: [{ token: '0x0000000000000000000000000000000000000001', symbol: 'USDC', spender: SPENDER, amount: 'unlimited', unlimited: true }],
    });
    const { one } = render(approval({ details }));
    expect(one('approval-allowance').getAttribute('data-unlimited')).toBe('true');
    expect(one('approval-allowance').textContent).toMatch(/Unlimited USDC/);
    expect(one('approval-spender').textContent).toBe(SPENDER);
  });

  it('shows bounds on balance changes', () => {
    const details = view({
      changes: [
        { token: '0x0000000000000000000000000000000000000001', symbol: 'USDC', amount: '100', direction: 'out' },
        { token: '0x0000000000000000000000000000000000000002', symbol: 'TSLAx', amount: '0.4', direction: 'in', bound: 'min' },
      ],
    });
    const { byId } = render(approval({ details }));
    expect(byId('approval-change').map((c) => c.textContent)).toEqual(['You send 100 USDC', 'You receive at least 0.4 TSLAx']);
  });

  it("says who receives what a swap buys for another address, flagging one that is not the user's", () => {
    const bought = (recipient: string) => ({
      token: TSLA_ADDRESS,
      symbol: 'TSLAx',
      amount: '2',
      direction: 'in' as const,
      bound: 'min' as const,
      recipient,
    });
    const details = view({
      changes: [
        { token: '0x0000000000000000000000000000000000000003', symbol: 'USDC', amount: '100', direction: 'out' },
        bought('0x0000000000000000000000000000000000000001'),
        bought(SECOND),
      ],
    });
    const { byId } = render(approval({ details }));
    const [, stranger, own] = byId('approval-change');
    expect(stranger.getAttribute('data-recipient')).toBe('0x0000000000000000000000000000000000000001');
    expect(stranger.textContent).not.toMatch(/You receive/);
    expect(stranger.textContent).toMatch(/Received by 0x0000000000000000000000000000000000000001, which is not one of your accounts/);
    expect(byId('approval-recipient').map((r) => r.getAttribute('data-own'))).toEqual(['false', 'true']);
    expect(own.textContent).toMatch(/your account Savings/);
  });

  it.each([
    [{ status: 'ok', changes: [{ token: 'native', symbol: 'ETH', delta: '-1' }] }, /-1 ETH/],
    [{ status: 'reverted', note: 'STF' }, /dry run failed: STF/],
    [{ status: 'unsupported', note: 'No simulation on this network.' }, /could not be simulated/],
  ] as [SigningView['simulation'], RegExp][])('states the simulation outcome plainly (%o)', (simulation, text) => {
    const { one } = render(approval({ details: view({ simulation, transaction: { to: SPENDER, value: '0', nativeSymbol: 'ETH' } }) }));
    expect(one('approval-simulation').getAttribute('data-status')).toBe(simulation.status);
    expect(one('approval-simulation').textContent).toMatch(text);
  });

  it('shows the message of a sign-message request and keeps typed data collapsible', () => {
    const message = render(approval({ kind: 'sign-message', details: view({ message: 'Log in to app.example', intentKind: 'personal-message' }) }));
    expect(message.one('approval-message').textContent).toBe('Log in to app.example');
    const typed = render(approval({ kind: 'sign-typed-data', details: view({ typedData: '{\n  "a": 1\n}', intentKind: 'cow-order' }) }));
    expect(typed.one('approval-typed-data').tagName).toBe('DETAILS');
    expect(typed.one('approval-typed-data').hasAttribute('open')).toBe(false);
  });

  it('offers to reject and block only when the queue says so', () => {
    expect(render(approval()).one('approval-reject-block')).toBeUndefined();
    expect(render(approval({ offerBlock: true })).one('approval-reject-block').textContent).toMatch(/block this site for 10 minutes/);
  });

  it('connect: the selected account is ticked by default', () => {
    const { byId } = render(approval({ kind: 'connect', details: { origin: 'https://app.example' } }));
    const boxes = byId('approval-account');
    expect(boxes.map((b) => [b.getAttribute('data-address'), b.hasAttribute('checked')])).toEqual([[ACCOUNT, true]]);
  });
});
