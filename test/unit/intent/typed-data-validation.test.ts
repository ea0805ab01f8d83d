import { SignTypedDataVersion, TypedDataUtils } from '@metamask/eth-sig-util';
import { describe, expect, it } from 'vitest';
import { decodeTypedData } from '../../../lib/intent';
import { ProviderRpcError } from '../../../lib/errors';
import { testDappSignTypedDataV4 } from '../../fixtures/test-dapp-typed-data';

const CHAIN = 1337;
const EIP712Domain = [
  { name: 'name', type: 'string' },
  { name: 'version', type: 'string' },
  { name: 'chainId', type: 'uint256' },
  { name: 'verifyingContract', type: 'address' },
];
const seaportDomain = { chainId: CHAIN, name: 'Seaport', version: '1.5', verifyingContract: '0x00000000000000ADc04C56Bf30aC9d3c0aAF14dC' };

/** The "Sign Typed Data V4" request of @metamask/test-dapp, with some parts replaced. */
const mail = (overrides: Record<string, unknown> = {}) => ({ ...testDappSignTypedDataV4(CHAIN), ...overrides });

function rejection(raw: unknown): ProviderRpcError {
  try {
    decodeTypedData(raw, { activeChainId: CHAIN });
  } catch (err) {
    if (err instanceof ProviderRpcError) return err;
    throw err;
  }
  throw new Error('accepted');
}

describe('typed data refused before anything is shown (test-dapp malformed set and more)', () => {
  it.each([
    [
      'Invalid Type (ConsiderationItem[+)',
      {
        primaryType: 'OrderComponents',
        domain: seaportDomain,
        types: { EIP712Domain, OrderComponents: [{ name: 'consideration', type: 'ConsiderationItem[+' }] },
        message: { consideration: [] },
      },
      /not defined/,
    ],
    ['Empty Domain', mail({ domain: {} }), /missing from the domain/],
    [
      'Invalid Primary Type',
      { ...mail(), domain: seaportDomain, primaryType: 'Non-Existent', message: { name: 'Hello, Bob!' } },
      /primaryType "Non-Existent"/,
    ],
    ['No Primary Type Defined', { ...mail(), primaryType: undefined }, /primaryType/],
    [
      'Invalid Verifying Contract Type (number)',
      mail({ domain: { ...seaportDomain, verifyingContract: 1 } }),
      /verifyingContract must be an address/,
    ],
    [
      'verifyingContract as a decimal string',
      mail({ domain: { ...seaportDomain, verifyingContract: '917551056842671309452305380979543736893630245704' } }),
      /verifyingContract must be an address/,
    ],
    [
      'verifyingContract with a bad checksum',
      mail({ domain: { ...seaportDomain, verifyingContract: '0x00000000000000adc04c56bf30ac9d3c0aaf14DC' } }),
      /verifyingContract must be an address/,
    ],
    [
      'a domain field not declared in EIP712Domain',
      mail({ domain: { ...seaportDomain, salt: `0x${'00'.repeat(32)}` } }),
      /domain.salt is not declared/,
    ],
    ['chainId that is not a number', mail({ domain: { ...seaportDomain, chainId: 'mainnet' } }), /chainId must be a chain id/],
    ['a missing message field', mail({ message: { contents: 'hi', from: { name: 'a', wallets: [] }, to: [] } }), /message.attachment is missing/],
    [
      'an address field holding garbage',
      mail({ message: { ...mail().message, from: { name: 'a', wallets: ['0x1234'] } } }),
      /message.from.wallets\[0\] must be an address/,
    ],
    ['not JSON', '{"types": ', /not valid JSON/],
    ['an array instead of an object', '[]', /wrong shape/],
    ['null', null, /wrong shape/],
    ['a type name with odd characters', mail({ types: { ...mail().types, 'Bad Name': [] } }), /not a valid type name/],
    [
      'a duplicate field',
      mail({
        types: {
          ...mail().types,
          Person: [
            { name: 'name', type: 'string' },
            { name: 'name', type: 'string' },
          ],
        },
      }),
      /twice/,
    ],
    [
      'a uint8 out of range',
      { ...mail(), primaryType: 'T', types: { EIP712Domain, T: [{ name: 'n', type: 'uint8' }] }, message: { n: 256 } },
      /does not fit in uint8/,
    ],
  ])('%s -> -32602', (_name, raw, message) => {
    const error = rejection(typeof raw === 'string' || raw === null ? raw : JSON.stringify(raw));
    expect(error.code).toBe(-32602);
    expect(error.message).toMatch(message);
  });

  it.each([
    ['a number', 1],
    ['a decimal string', '1'],
    ['a hex string', '0x1'],
  ])('refuses a domain chainId for another chain given as %s, naming both chains', (_name, chainId) => {
    const error = rejection(mail({ domain: { ...mail().domain, chainId } }));
    expect(error.code).toBe(-32602);
    expect(error.message).toMatch(/chain 1, but the active network is chain 1337/);
  });
});

describe('typed data accepted', () => {
  it.each([
    ['chainId as a number', CHAIN],
    ['chainId as a decimal string', String(CHAIN)],
    ['chainId as a hex string', `0x${CHAIN.toString(16)}`],
    ['chainId as zero-padded hex', `0x${CHAIN.toString(16).padStart(64, '0')}`],
  ])('with %s, and eth-sig-util can hash what passed', (_name, chainId) => {
    const raw = mail({ domain: { ...mail().domain, chainId } });
    const intent = decodeTypedData(JSON.stringify(raw), { activeChainId: CHAIN });
    expect(intent.domain.chainId).toBe(CHAIN);
    expect(intent.kind).toBe('unknown-typed-data');
    expect(() => TypedDataUtils.eip712Hash(raw as never, SignTypedDataVersion.V4)).not.toThrow();
  });

  it('shows unknown typed data with a warning that it cannot be described', () => {
    const intent = decodeTypedData(mail(), { activeChainId: CHAIN });
    expect(intent.summary).toBe('Sign a Mail message for "Ether Mail" that Sharekeep cannot describe.');
    expect(intent.warnings.map((w) => w.code)).toEqual(['unknown-typed-data']);
  });

  it('warns about message fields the signature does not cover (test-dapp "Extra Data not Typed")', () => {
    const raw = {
      domain: seaportDomain,
      message: { name: 'Hello, Bob!', extraData: 'This data is not typed!' },
      primaryType: 'Wallet',
      types: { EIP712Domain, Wallet: [{ name: 'name', type: 'string' }] },
    };
    const intent = decodeTypedData(JSON.stringify(raw), { activeChainId: CHAIN });
    expect(intent.warnings.map((w) => w.code)).toEqual(['unknown-typed-data', 'untyped-message-fields']);
    expect(intent.warnings[1].message).toContain('message.extraData');
  });

  it('warns when the domain names no chain at all', () => {
    const raw = {
      domain: { name: 'x' },
      primaryType: 'T',
      types: { EIP712Domain: [{ name: 'name', type: 'string' }], T: [{ name: 'a', type: 'bool' }] },
      message: { a: true },
    };
    expect(decodeTypedData(raw, { activeChainId: CHAIN }).warnings.map((w) => w.code)).toContain('no-chain-id');
  });

  it('survives prototype-pollution keys without being fooled', () => {
    const raw = `{"types":{"EIP712Domain":[{"name":"chainId","type":"uint256"}],"__proto__":[{"name":"x","type":"string"}],"T":[{"name":"a","type":"__proto__"}]},"primaryType":"T","domain":{"chainId":${CHAIN}},"message":{"a":{"x":"y"}}}`;
    expect(rejection(raw).code).toBe(-32602);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});
