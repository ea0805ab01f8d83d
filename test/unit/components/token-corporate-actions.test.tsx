// The corporate-actions block of the token detail, rendered to HTML: a pending multiplier
// change reads as scheduled, never as history, the fee says what it has accrued, and a dShare's
// announced distributions show their amount, currency, window, state and what is left.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { TokenCorporateActions } from '../../../components/TokenCorporateActions';
import type { CorporateActionsView } from '../../../lib/holdings';

const WAD = 10n ** 18n;
const actions: CorporateActionsView = {
  model: 'multiplier',
  factor: ((2n * WAD * 9996n) / 10_000n).toString(),
  history: [{ value: (2n * WAD).toString(), blockNumber: null, transactionHash: null, activationTime: Date.UTC(2026, 0, 1) / 1000 }],
  scheduled: [{ value: (3n * WAD).toString(), activationTime: Date.UTC(2026, 0, 9) / 1000, nonce: '3' }],
  dividends: [],
  announced: [],
  annualFeeBps: '704',
  fee: {
    feePerPeriod: (2n * 10n ** 14n).toString(),
    periodSeconds: 86_400,
    lastAppliedAt: Date.UTC(2026, 0, 4) / 1000,
    periodsPassed: '2',
    annualFeeBps: '704',
  },
  historySource: 'views',
  errors: [],
};

const sections = (html: string) => {
  const history = html.slice(html.indexOf('<h4>History</h4>'), html.indexOf('<h4>Scheduled</h4>'));
  const scheduled = html.slice(html.indexOf('<h4>Scheduled</h4>'));
  return { history, scheduled };
};

describe('TokenCorporateActions', () => {
  it('lists the pending change under Scheduled only, and the past split under History', () => {
    const html = renderToStaticMarkup(<TokenCorporateActions actions={actions} tokenSymbol="ACMEx" />);
    const { history, scheduled } = sections(html);
    expect(history).toMatch(/× 2/);
    expect(history).not.toMatch(/× 3/);
    expect(scheduled).toMatch(/× 3.*not active yet/);
    expect(html).toMatch(/update log/);
  });

  it('says how many fee periods the balance already counts', () => {
    const html = renderToStaticMarkup(<TokenCorporateActions actions={actions} tokenSymbol="ACMEx" />);
    expect(html).toMatch(/7\.04% a year/);
    expect(html).toMatch(/2 fee periods accrued since/);
    const none = renderToStaticMarkup(
      <TokenCorporateActions actions={{ ...actions, fee: { ...actions.fee!, periodsPassed: '0' } }} tokenSymbol="ACMEx" />,
    );
    expect(none).not.toMatch(/accrued since/);
  });

  it("lists a dShare's announced distributions with amount, currency, window, state and what is left", () => {
    const usdc = { token: '0x00000000000000000000000000000000000000c1', symbol: 'USDC', decimals: 6 };
    const base = {
      contract: '0x00000000000000000000000000000000000000d1',
      token: usdc.token,
      reclaimed: false,
      blockNumber: '7',
      transactionHash: null,
    };
    const announced: CorporateActionsView['announced'] = [
      {
        ...base,
        distributionId: '2',
        totalDistribution: '10000000000',
        remaining: '9975500000',
        startDate: Date.UTC(2026, 2, 1) / 1000,
        endDate: Date.UTC(2026, 4, 30) / 1000,
        state: 'open',
        currency: usdc,
      },
      {
        ...base,
        distributionId: '1',
        totalDistribution: '500000000',
        remaining: '0',
        startDate: 1,
        endDate: 2,
        state: 'ended',
        reclaimed: true,
        token: null,
        currency: null,
      },
    ];
    const html = renderToStaticMarkup(
      <TokenCorporateActions
        actions={{ ...actions, model: 'balance-per-share', fee: null, annualFeeBps: null, history: [], scheduled: [], announced }}
        tokenSymbol="ACME.d"
      />,
    );
    const items = html.split('data-testid="announced-distribution"').slice(1);
    expect(items).toHaveLength(2);
    expect(items[0]).toMatch(/^ data-state="open" data-distribution-id="2"/);
    expect(items[0]).toMatch(/10,?000(\.00)? USDC.*open now/);
    expect(items[0]).toMatch(/9,?975\.5 USDC left to pay/);
    expect(items[0]).toMatch(/2026.* to .*2026/);
    expect(items[1]).toMatch(/^ data-state="ended"/);
    expect(items[1]).toMatch(/currency unknown.*ended.*reclaimed/);
    expect(html).not.toMatch(/No corporate actions recorded/);
  });
});
