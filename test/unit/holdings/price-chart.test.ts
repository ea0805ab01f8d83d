import { describe, expect, it } from 'vitest';
import { priceChartPath } from '../../../components/price-chart-path.ts';

const BOX = { width: 100, height: 50, pad: 5 };

describe('the price chart path', () => {
  it('puts one point per round, oldest at the left, the lowest at the bottom and the highest at the top', () => {
    const { points, d, low, high } = priceChartPath([100n, 300n, 200n], BOX);
    expect([low, high]).toEqual([100n, 300n]);
    expect(points).toEqual([
      { x: 5, y: 45 },
      { x: 50, y: 5 },
      { x: 95, y: 25 },
    ]);
    expect(d).toBe('M5,45 L50,5 L95,25');
  });

  it('keeps the precision of 18-decimal answers that differ in the last digits', () => {
    const base = 10n ** 30n;
    const { points } = priceChartPath([base, base + 1n, base + 2n], BOX);
    expect(points.map((p) => p.y)).toEqual([45, 25, 5]);
  });

  it('draws a flat series across the middle and a single round as one point in the centre', () => {
    expect(priceChartPath([7n, 7n], BOX).points.map((p) => p.y)).toEqual([25, 25]);
    expect(priceChartPath([7n], BOX)).toEqual({ points: [{ x: 50, y: 25 }], d: 'M50,25', low: 7n, high: 7n });
    expect(priceChartPath([], BOX).points).toEqual([]);
  });
});
