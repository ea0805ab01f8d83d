// The backing line of the token detail, rendered to HTML: the ratio over every chain names them,
// and a ratio over fewer chains than the token is issued on says so and which are left out.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { TokenBacking } from '../../../components/TokenBacking';
import type { BackingCoverage, BackingView } from '../../../lib/holdings';

const WAD = 10n ** 18n;
const backing = (coverage: BackingCoverage, ratioBps: string): BackingView => ({
  status: Number(ratioBps) < 10_000 ? 'under-backed' : 'backed',
  ratioBps,
  reserves: (100n * 10n ** 8n).toString(),
  reservesDecimals: 8,
  supply: coverage.chains.reduce((s, c) => s + BigInt(c.supply), 0n).toString(),
  supplyDecimals: 18,
  coverage,
  updatedAt: 0,
  fresh: true,
  ageSeconds: 60,
  heartbeatSeconds: 86_400,
  source: { value: 'Chainlink PoR', source: 'https://issuer.example', verified: true },
});
const text = (html: string) => html.replace(/<[^>]+>/g, '');

describe('TokenBacking', () => {
  it('names every chain whose supply the reserves cover', () => {
    const html = renderToStaticMarkup(
      <TokenBacking
        backing={backing(
          {
            scope: 'all-chains',
            chains: [
              { chainId: 1, name: 'Ethereum', supply: (60n * WAD).toString() },
              { chainId: 42161, name: 'Arbitrum One', supply: (40n * WAD).toString() },
            ],
            missing: [],
          },
          '10000',
        )}
      />,
    );
    expect(html).toContain('data-scope="all-chains"');
    expect(text(html)).toMatch(/for 100(\.00)? tokens/);
    expect(text(html)).toMatch(/every chain it is on: Ethereum 60(\.00)? \+ Arbitrum One 40/);
    expect(text(html)).not.toContain('overstates');
    expect(text(html)).not.toContain('at most');
  });

  it('says "this chain only" and names the chains left out, with why', () => {
    const html = renderToStaticMarkup(
      <TokenBacking
        backing={backing(
          {
            scope: 'this-chain-only',
            chains: [{ chainId: 1, name: 'Ethereum', supply: (100n * WAD).toString() }],
            missing: [
              { chainId: 42161, name: 'Arbitrum One', reason: 'failed' },
              { chainId: 56, name: 'BNB Smart Chain', reason: 'disabled' },
            ],
          },
          '10000',
        )}
      />,
    );
    expect(html).toContain('data-scope="this-chain-only"');
    expect(html).toContain('data-missing="42161,56"');
    expect(text(html)).toContain('Backingat most 100.0%');
    expect(text(html)).toContain('This chain only');
    expect(text(html)).toContain('Arbitrum One (its node did not answer), BNB Smart Chain (turned off in Settings)');
    expect(text(html)).toContain('the ratio overstates the backing');
  });
});
