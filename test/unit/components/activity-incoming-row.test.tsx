// @vitest-environment happy-dom
// An incoming transfer in Activity, rendered: the amount in the token's units, who sent it, a
// payout said to be one, and the transaction on the block explorer only where one is configured.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ActivityIncomingRow } from '../../../components/ActivityIncomingRow';
import type { IncomingView } from '../../../lib/ui-contract';

const HASH = `0x${'ab'.repeat(32)}`;
const SENDER = '0x70997970c51812dc3a010c7d01b50e0d17dc79c8';

const entry = (over: Partial<IncomingView> = {}): IncomingView => ({
  hash: HASH,
  logIndex: 0,
  chainId: 1,
  blockNumber: 123,
  token: '0x00000000000000000000000000000000000000a1',
  from: SENDER,
  to: '0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266',
  amount: '1500000000000000000',
  payout: false,
  seenAt: 0,
  symbol: 'TSLAx',
  decimals: 18,
  ...over,
});

function render(props: Parameters<typeof ActivityIncomingRow>[0]) {
  document.body.innerHTML = renderToStaticMarkup(<ActivityIncomingRow {...props} />);
  return document.querySelector('[data-testid="activity-row"]') as HTMLElement;
}

describe('an incoming activity row', () => {
  it('shows the amount, the direction and the status', () => {
    const row = render({ entry: entry() });
    expect(row.dataset).toMatchObject({ hash: HASH, status: 'confirmed', direction: 'in', kind: 'transfer' });
    expect(row.querySelector('[data-testid="activity-amount"]')?.textContent).toBe('1.5 TSLAx');
    expect(row.textContent).toContain('Received');
  });

  it('links the transaction to the configured explorer without a referrer', () => {
    const link = render({ entry: entry(), explorer: 'https://etherscan.io/' }).querySelector('a');
    expect(link?.getAttribute('href')).toBe(`https://etherscan.io/tx/${HASH}`);
    expect(link?.getAttribute('rel')).toBe('noreferrer');
  });

  it.each([
    ['no explorer', undefined],
    ['an explorer that is not http(s)', 'javascript:alert(1)'],
  ])('has no link with %s', (_, explorer) => {
    expect(render({ entry: entry(), explorer }).querySelector('a')).toBeNull();
  });

  it("says an issuer's payout is one, and names the sender the wallet knows", () => {
    const row = render({
      entry: entry({ payout: true, symbol: 'USDC', decimals: 6, amount: '2500000' }),
      labels: { [SENDER]: 'Acme dividend contract' },
    });
    expect(row.dataset.kind).toBe('payout');
    expect(row.textContent).toContain('Payout 2.5 USDC');
    expect(row.querySelector('[data-testid="contract-label"]')?.textContent).toBe('Acme dividend contract');
  });

  it('says a transfer from the zero address was minted, naming no sender', () => {
    const row = render({ entry: entry({ from: `0x${'0'.repeat(40)}` }) });
    expect(row.textContent).toContain('Minted 1.5 TSLAx');
    expect(row.textContent).not.toContain('from');
  });
});
