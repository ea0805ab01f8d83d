import { describe, expect, it } from 'vitest';
import { formatBps, formatFactor, formatUnitsText, formatUsd } from '../../../components/PortfolioFormat';

describe('portfolio number formatting', () => {
  it.each([
    ['1234567800000000000000', 18, '1,234.5678'],
    ['1234567890000000000000', 18, '1,234.5678'],
    ['100000000000000000000', 18, '100'],
    ['0', 18, '0'],
    ['10', 18, '< 0.0001'],
    ['7000000', 6, '7'],
  ])('token amount %s with %i decimals reads %s', (raw, decimals, text) => {
    expect(formatUnitsText(raw, decimals)).toBe(text);
  });

  it.each([
    ['123456789', '$1.23'],
    ['11728080000000', '$117,280.80'],
    ['0', '$0.00'],
    ['999', '< $0.01'],
  ])('USD value %s (8 decimals) reads %s', (raw, text) => {
    expect(formatUsd(raw, 8)).toBe(text);
  });

  it.each([
    ['9200', 1, '92.0%'],
    ['10500', 1, '105.0%'],
    ['25', 2, '0.25%'],
    ['9999', 1, '99.9%'],
  ] as const)('%s basis points with %i decimals read %s (never rounded up to look fully backed)', (bps, digits, text) => {
    expect(formatBps(bps, digits)).toBe(text);
  });

  it('shows a factor as a multiple', () => {
    expect(formatFactor('2000000000000000000')).toBe('× 2');
    expect(formatFactor('1023400000000000000')).toBe('× 1.0234');
  });
});
