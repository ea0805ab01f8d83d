// The corporate-actions block of the token detail, rendered to HTML: a pending multiplier
// change reads as scheduled, never as history, and the fee says what it has accrued.
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
});
