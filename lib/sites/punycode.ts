/**
 * Punycode (RFC 3492) decoding of host labels: browsers report an internationalised host as
 * ASCII ("xn--..."), and the window shows both that and the Unicode a person would read.
 */
const BASE = 36;
const T_MIN = 1;
const T_MAX = 26;
const SKEW = 38;
const DAMP = 700;
const INITIAL_BIAS = 72;
const INITIAL_N = 128;
const ACE_PREFIX = 'xn--';

function digitOf(char: number): number {
  if (char >= 0x30 && char <= 0x39) return char - 0x30 + 26; // 0-9 -> 26..35
  if (char >= 0x61 && char <= 0x7a) return char - 0x61; // a-z -> 0..25
  if (char >= 0x41 && char <= 0x5a) return char - 0x41; // A-Z -> 0..25
  return BASE; // not a digit
}

function adapt(delta: number, points: number, first: boolean): number {
  let d = first ? Math.floor(delta / DAMP) : delta >> 1;
  d += Math.floor(d / points);
  let k = 0;
  while (d > ((BASE - T_MIN) * T_MAX) >> 1) {
    d = Math.floor(d / (BASE - T_MIN));
    k += BASE;
  }
  return k + Math.floor(((BASE - T_MIN + 1) * d) / (d + SKEW));
}

/** Decodes the part of a label after "xn--"; undefined when it is not valid punycode. */
export function decodePunycode(input: string): string | undefined {
  const split = input.lastIndexOf('-');
  const output: number[] = [];
  for (let i = 0; i < Math.max(split, 0); i++) {
    const c = input.charCodeAt(i);
    if (c >= 0x80) return undefined;
    output.push(c);
  }
  let n = INITIAL_N;
  let bias = INITIAL_BIAS;
  let i = 0;
  for (let pos = split > 0 ? split + 1 : 0; pos < input.length; ) {
    const oldI = i;
    let weight = 1;
    for (let k = BASE; ; k += BASE) {
      if (pos >= input.length) return undefined;
      const digit = digitOf(input.charCodeAt(pos++));
      if (digit >= BASE) return undefined;
      i += digit * weight;
      if (i > 0x7fffffff) return undefined;
      const t = k <= bias ? T_MIN : k >= bias + T_MAX ? T_MAX : k - bias;
      if (digit < t) break;
      weight *= BASE - t;
      if (weight > 0x7fffffff) return undefined;
    }
    bias = adapt(i - oldI, output.length + 1, oldI === 0);
    n += Math.floor(i / (output.length + 1));
    i %= output.length + 1;
    if (n > 0x10ffff) return undefined;
    output.splice(i, 0, n);
    i++;
  }
  return output.length ? String.fromCodePoint(...output) : undefined;
}

/**
 * The Unicode of one "xn--" label, or undefined: it must decode, and to something that is not
 * plain ASCII (IDNA never encodes an ASCII name, so "xn--uniswap-" is not "uniswap").
 */
function decodeLabel(label: string): string | undefined {
  if (!label.toLowerCase().startsWith(ACE_PREFIX)) return undefined;
  const decoded = decodePunycode(label.slice(ACE_PREFIX.length));
  return decoded && [...decoded].some((c) => c.codePointAt(0)! > 0x7f) ? decoded : undefined;
}

/** The host as a person reads it: each "xn--" label decoded (a label that does not decode stays as it is). */
export function unicodeHost(host: string): string {
  return host
    .split('.')
    .map((label) => decodeLabel(label) ?? label)
    .join('.');
}

export const isPunycodeHost = (host: string): boolean => host.split('.').some((label) => label.toLowerCase().startsWith(ACE_PREFIX));
