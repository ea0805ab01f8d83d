// Security #1: what is shown is what is signed. Every EIP-712 value is checked strictly against
// its type and normalised once; the decoder, the window and the keyring read that one object.
import { hashTypedData, type TypedDataDefinition } from 'viem';
import { describe, expect, it } from 'vitest';
import { decodeTypedData, validateTypedData } from '../../../lib/intent';
import { typedDataDigest } from '../../../lib/keyring/typed-data-hash';
import { ACCOUNT_0, connect, createTestWallet } from '../wallet/harness';

const CHAIN = 31337;
const DAI = '0x5FbDB2315678afecb367f032d93F642f64180aa3';
const SPENDER = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';

const daiPermit = (allowed: unknown) => ({
  types: {
    EIP712Domain: [
      { name: 'name', type: 'string' },
      { name: 'version', type: 'string' },
      { name: 'chainId', type: 'uint256' },
      { name: 'verifyingContract', type: 'address' },
    ],
    Permit: [
      { name: 'holder', type: 'address' },
      { name: 'spender', type: 'address' },
      { name: 'nonce', type: 'uint256' },
      { name: 'expiry', type: 'uint256' },
      { name: 'allowed', type: 'bool' },
    ],
  },
  primaryType: 'Permit',
  domain: { name: 'Dai Stablecoin', version: '1', chainId: CHAIN, verifyingContract: DAI },
  message: { holder: ACCOUNT_0, spender: SPENDER, nonce: 0, expiry: 0, allowed },
});

const issuerOrder = (sell: unknown) => ({
  types: {
    EIP712Domain: [{ name: 'chainId', type: 'uint256' }],
    Order: [
      { name: 'recipient', type: 'address' },
      { name: 'assetToken', type: 'address' },
      { name: 'paymentToken', type: 'address' },
      { name: 'sell', type: 'bool' },
      { name: 'assetTokenQuantity', type: 'uint256' },
      { name: 'paymentTokenQuantity', type: 'uint256' },
    ],
  },
  primaryType: 'Order',
  domain: { chainId: CHAIN },
  message: { recipient: ACCOUNT_0, assetToken: DAI, paymentToken: SPENDER, sell, assetTokenQuantity: '1', paymentTokenQuantity: '100' },
});

async function codeOf(p: Promise<unknown>) {
  return p.then(
    () => 'resolved',
    (e: { code: number }) => e.code,
  );
}

describe('the audit case: a bool given as a string', () => {
  it.each(['false', 'true', 0, 1, null, 'no'])('a DAI permit with allowed %j is refused (-32602) before any window', async (allowed) => {
    const t = await createTestWallet();
    await connect(t);
    const opened = t.approvalsOpened;
    expect(await codeOf(t.request('eth_signTypedData_v4', [ACCOUNT_0, JSON.stringify(daiPermit(allowed))]))).toBe(-32602);
    expect(t.approvalsOpened).toBe(opened);
  });

  it('allowed: false is shown as removing permission and signs allowed = false', () => {
    const data = validateTypedData(daiPermit(false), CHAIN);
    expect(decodeTypedData(data, { activeChainId: CHAIN }).summary).toMatch(/^Remove/);
    expect(data.normalized.message.allowed).toBe(false);
  });

  it('allowed: true is shown as an unlimited allowance', () => {
    const intent = decodeTypedData(validateTypedData(daiPermit(true), CHAIN), { activeChainId: CHAIN });
    expect(intent.approvals).toEqual([expect.objectContaining({ unlimited: true })]);
  });

  it.each(['false', 'true', 1])("an issuer order's side given as %j cannot flip buy and sell", (sell) => {
    expect(() => validateTypedData(issuerOrder(sell), CHAIN)).toThrow(/must be true or false/);
  });

  it('the keyring refuses a bool that is not a boolean, whoever calls it', () => {
    expect(() => typedDataDigest(daiPermit('false') as never, 'V4')).toThrow(/Invalid bool/);
  });
});

const one = (type: string, value: unknown) => ({
  types: { EIP712Domain: [], T: [{ name: 'v', type }] },
  primaryType: 'T',
  domain: {},
  message: { v: value },
});

describe('every type is checked strictly', () => {
  it.each([
    ['uint256', ' 1'],
    ['uint256', '+1'],
    ['uint256', '1e3'],
    ['uint256', '1.0'],
    ['uint256', 1.5],
    ['uint256', ''],
    ['uint256', '0x'],
    ['uint256', -1],
    ['uint256', '-0x1'],
    ['uint256', (2n ** 256n).toString()],
    ['uint256', true],
    ['uint256', 2 ** 60],
    ['uint8', 256],
    ['int8', 128],
    ['int8', '-129'],
    ['address', '0x1234'],
    ['address', 42],
    ['address', `0x${'g'.repeat(40)}`],
    ['bytes4', '0x123456'],
    ['bytes4', '0x1234567890'],
    ['bytes4', 'abcd'],
    ['bytes', 'hello'],
    ['bytes', '0x123'],
    ['string', 42],
    ['string', null],
    ['bool', 'false'],
    ['uint256[2]', ['1']],
    ['uint256[]', '1,2'],
    ['T2', null],
  ])('%s given %j is refused', (type, value) => {
    const data = one(type, value);
    if (type === 'T2') (data.types as Record<string, unknown>).T2 = [{ name: 'x', type: 'uint256' }];
    expect(() => validateTypedData(data, CHAIN)).toThrow(expect.objectContaining({ code: -32602 }));
  });

  it.each([
    ['uint256', '0x10', '16'],
    ['uint256', 16, '16'],
    ['int256', '-5', '-5'],
    ['address', SPENDER.toLowerCase(), SPENDER],
    ['bytes4', '0xABCDEF01', '0xabcdef01'],
    ['bytes', '0xABCD', '0xabcd'],
    ['bool', true, true],
  ])('%s given %j is normalised to %j', (type, value, normal) => {
    expect(validateTypedData(one(type, value), CHAIN).normalized.message.v).toEqual(normal);
  });

  it('drops fields no type covers from what is signed and shown, and warns', () => {
    const data = daiPermit(true) as ReturnType<typeof daiPermit> & { message: Record<string, unknown> };
    data.message.note = 'this is not signed';
    const valid = validateTypedData(data, CHAIN);
    expect(valid.normalized.message).not.toHaveProperty('note');
    expect(decodeTypedData(valid, { activeChainId: CHAIN }).warnings.map((w) => w.code)).toContain('untyped-message-fields');
  });
});

// A small seeded generator (mulberry32): the same cases every run, thousands of shapes.
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ATOMS = ['bool', 'uint8', 'uint64', 'uint256', 'int16', 'int256', 'address', 'bytes1', 'bytes20', 'bytes32', 'bytes', 'string'];

function generate(seed: number) {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  const hex = (bytes: number) =>
    `0x${Array.from({ length: bytes }, () =>
      Math.floor(r() * 256)
        .toString(16)
        .padStart(2, '0'),
    ).join('')}`;
  /** A value for `type`, in one of the encodings dApps send, sometimes a hostile one. */
  function value(type: string): unknown {
    const hostile = r() < 0.15;
    if (type === 'bool') return hostile ? pick(['false', 'true', 0, 1, '']) : r() < 0.5;
    if (type.startsWith('uint') || type.startsWith('int')) {
      const bits = Number(type.replace(/^u?int/, ''));
      const signed = type.startsWith('int');
      let n = BigInt(hex(Math.max(1, Math.floor((r() * bits) / 8)))) % 2n ** BigInt(signed ? bits - 1 : bits);
      if (signed && r() < 0.5) n = -n;
      if (hostile) return pick([` ${n}`, `+${n}`, `${n}.0`, `${n}e0`, (2n ** BigInt(bits)).toString(), Number(n) + 0.5]);
      if (n >= 0n && r() < 0.3) return `0x${n.toString(16)}`;
      if (n < 2n ** 53n && n > -(2n ** 53n) && r() < 0.3) return Number(n);
      return n.toString();
    }
    if (type === 'address') return hostile ? hex(19) : r() < 0.5 ? hex(20) : hex(20).toUpperCase().replace('0X', '0x');
    if (type === 'bytes') return hostile ? 'not hex' : hex(Math.floor(r() * 40));
    if (type.startsWith('bytes')) {
      const size = Number(type.slice(5));
      return hostile ? hex(size + 1) : hex(size);
    }
    return hostile ? 42 : `text ${hex(3)}`;
  }
  const inner = Array.from({ length: 1 + Math.floor(r() * 3) }, (_, i) => ({ name: `i${i}`, type: pick(ATOMS) }));
  const outer = Array.from({ length: 1 + Math.floor(r() * 4) }, (_, i) => ({ name: `f${i}`, type: r() < 0.2 ? 'Inner' : pick(ATOMS) }));
  if (r() < 0.3) outer.push({ name: 'list', type: `${pick(ATOMS)}[]` });
  const make = (fields: { name: string; type: string }[]): Record<string, unknown> =>
    Object.fromEntries(
      fields.map((f) => {
        if (f.type === 'Inner') return [f.name, make(inner)];
        if (f.type.endsWith('[]')) return [f.name, Array.from({ length: Math.floor(r() * 3) }, () => value(f.type.slice(0, -2)))];
        return [f.name, value(f.type)];
      }),
    );
  return {
    types: { EIP712Domain: [{ name: 'chainId', type: 'uint256' }], Outer: outer, Inner: inner },
    primaryType: 'Outer',
    domain: { chainId: r() < 0.5 ? CHAIN : `0x${CHAIN.toString(16)}` },
    message: make(outer),
  };
}

/** The normalised object in viem's typing: integers as bigint, the rest as they are. */
function forViem(types: Record<string, { name: string; type: string }[]>, type: string, value: unknown): unknown {
  if (type.endsWith('[]')) return (value as unknown[]).map((v) => forViem(types, type.slice(0, -2), v));
  if (types[type]) return Object.fromEntries(types[type].map((f) => [f.name, forViem(types, f.type, (value as Record<string, unknown>)[f.name])]));
  return /^u?int/.test(type) ? BigInt(value as string) : value;
}

describe('property: for generated typed data, what the window shows is what the digest commits to', () => {
  it('holds for 3,000 generated messages (or the message is refused with -32602)', () => {
    let accepted = 0;
    let refused = 0;
    for (let seed = 1; seed <= 3000; seed++) {
      const raw = generate(seed);
      let valid: ReturnType<typeof validateTypedData>;
      try {
        valid = validateTypedData(JSON.stringify(raw), CHAIN);
      } catch (err) {
        expect((err as { code: number }).code, `seed ${seed}`).toBe(-32602);
        refused++;
        continue;
      }
      accepted++;
      // The window shows JSON of the normalised object; the keyring signs that same object.
      const shown = JSON.parse(JSON.stringify(valid.normalized, null, 2));
      const signed = typedDataDigest(valid.normalized, 'V4');
      expect(typedDataDigest(shown, 'V4'), `seed ${seed}`).toBe(signed);
      // An independent EIP-712 implementation over the values as shown gives the same digest.
      const { EIP712Domain: _domain, ...types } = shown.types;
      const independent = hashTypedData({
        domain: { chainId: BigInt(shown.domain.chainId) },
        types,
        primaryType: 'Outer',
        message: forViem(types, 'Outer', shown.message),
      } as TypedDataDefinition);
      expect(independent, `seed ${seed}`).toBe(signed);
      // And the raw input, where it was valid, means the same thing.
      expect(typedDataDigest(raw as never, 'V4'), `seed ${seed}`).toBe(signed);
    }
    expect(accepted).toBeGreaterThan(300);
    expect(refused).toBeGreaterThan(300);
  }, 60_000); // a busy machine takes longer than the default 5 s; the count of cases is the point
});
