/**
 * The geometry of the token detail's price chart: one point per feed round, oldest at the left,
 * evenly spaced (rounds come when the price moves or the heartbeat passes, not on a clock), the
 * lowest answer at the bottom and the highest at the top. Answers are bigint: they are scaled
 * with integer arithmetic, so a feed with 18 decimals loses nothing before the last division.
 */

export interface ChartBox {
  width: number;
  height: number;
  /** Space kept free on every side, so a point's dot is not cut off. */
  pad: number;
}

export interface ChartPoint {
  x: number;
  y: number;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** The points of `answers` (oldest first) in `box`, the SVG path through them, and the lowest and highest answer. A flat series is drawn across the middle. */
export function priceChartPath(answers: readonly bigint[], box: ChartBox): { points: ChartPoint[]; d: string; low: bigint; high: bigint } {
  if (answers.length === 0) return { points: [], d: '', low: 0n, high: 0n };
  const innerW = box.width - 2 * box.pad;
  const innerH = box.height - 2 * box.pad;
  let low = answers[0];
  let high = answers[0];
  for (const a of answers) {
    if (a < low) low = a;
    if (a > high) high = a;
  }
  const span = high - low;
  // Heights in thousandths of the inner height, computed in bigint, then placed as numbers.
  const SCALE = 1000n;
  const points = answers.map((a, i) => {
    const x = answers.length === 1 ? box.width / 2 : box.pad + (innerW * i) / (answers.length - 1);
    const fromBottom = span === 0n ? 500 : Number(((a - low) * SCALE) / span);
    const y = box.pad + innerH - (innerH * fromBottom) / Number(SCALE);
    return { x: round2(x), y: round2(y) };
  });
  const d = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x},${p.y}`).join(' ');
  return { points, d, low, high };
}
