/**
 * The one rule for an amount a person types: digits, at most one point, no more fraction digits
 * than the token has, converted exactly to base units (no floating point anywhere).
 */
import { parseUnits } from 'viem';

/** What the forms accept while typing: "1", "1.5", "0.000001". */
export const AMOUNT_TEXT = /^\d{1,30}(\.\d{1,36})?$/;

export type ParsedAmount = { ok: true; value: bigint } | { ok: false; reason: string };

export function parseAmount(raw: string, decimals: number): ParsedAmount {
  const text = raw.trim();
  if (!AMOUNT_TEXT.test(text)) return { ok: false, reason: 'Enter an amount like 1.5' };
  const fraction = text.split('.')[1] ?? '';
  if (fraction.length > decimals) return { ok: false, reason: `This token has ${decimals} decimals; enter fewer digits after the point.` };
  return { ok: true, value: parseUnits(text, decimals) };
}
