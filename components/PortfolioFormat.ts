/** Number and time formatting for the portfolio screens: bigint in, text out, no floats for amounts. */

const group = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** A fixed-point integer (decimal string) as text with at most `maxFraction` decimals, rounded down. */
export function formatUnitsText(raw: string, decimals: number, maxFraction = 4): string {
  const negative = raw.startsWith('-');
  const digits = (negative ? raw.slice(1) : raw).padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals);
  const fraction = digits.slice(digits.length - decimals, digits.length - decimals + maxFraction).replace(/0+$/, '');
  if (whole === '0' && fraction === '' && /[1-9]/.test(digits) && maxFraction > 0)
    return `${negative ? '-' : ''}< 0.${'1'.padStart(maxFraction, '0')}`;
  const text = `${group(whole)}${fraction ? `.${fraction}` : ''}`;
  return negative ? `-${text}` : text;
}

/** A USD amount with two decimals: "$1,234.56". Amounts under a cent but above zero show "< $0.01". */
export function formatUsd(raw: string, decimals: number): string {
  const value = BigInt(raw);
  if (value > 0n && value < 10n ** BigInt(Math.max(0, decimals - 2))) return '< $0.01';
  const text = formatUnitsText(raw, decimals, 2);
  const [whole, fraction = ''] = text.split('.');
  return `$${whole}.${fraction.padEnd(2, '0')}`;
}

/** Basis points as a percentage, rounded down: 9200 -> "92.0%"; with 2 digits, 25 -> "0.25%". */
export function formatBps(bps: string, fractionDigits: 1 | 2 = 1): string {
  const value = BigInt(bps);
  const fraction = (value % 100n).toString().padStart(2, '0').slice(0, fractionDigits);
  return `${value / 100n}.${fraction}%`;
}

/** An 18-decimal factor (multiplier, balance-per-share) as "× 1.0234". */
export function formatFactor(raw: string): string {
  return `× ${formatUnitsText(raw, 18, 6)}`;
}

/** An address shortened for a line of text: "0x1234…abcd". */
export function shortAddress(address: string): string {
  return `${address.slice(0, 6)}…${address.slice(-4)}`;
}

/** How long ago, coarse: "just now", "5 min ago", "3 h ago", "2 days ago". */
export function formatAge(seconds: number): string {
  if (seconds < 60) return 'just now';
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`;
  if (seconds < 2 * 86_400) return `${Math.floor(seconds / 3600)} h ago`;
  return `${Math.floor(seconds / 86_400)} days ago`;
}

/** An epoch-ms instant in the user's locale, short: "Mon 15:30". */
export function formatWhen(ms: number): string {
  return new Date(ms).toLocaleString(undefined, { weekday: 'short', hour: '2-digit', minute: '2-digit' });
}

/** An epoch-seconds date: "5 Jan 2026". */
export function formatDate(seconds: number): string {
  return new Date(seconds * 1000).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
}
