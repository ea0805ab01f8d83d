import { type Address, getAddress, hexToBytes, keccak256, toBytes } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { describe, expect, it } from 'vitest';
import {
  ATTESTATION_SIGNER_ROLE,
  attestationBody,
  attestationSigner,
  checkAttestationSigner,
  ondoError,
  parseAttestation,
  parseSoftQuote,
  signatureFromBase64,
} from '../../../lib/issuers/ondo-gm-api';

// The shape of the example answer in Ondo's reference ("Request a Mint or Redeem Attestation").
const AAPLON: Address = getAddress('0x14c3abf95cb9c93a8b82c1cdcb76d72cb87b2d4c');
const SIG_B64 = btoa(String.fromCharCode(...Array.from({ length: 65 }, (_, i) => i)));
const answer = (over: Record<string, unknown> = {}) => ({
  attestationId: '229852750420835981756873903928305653446',
  userId: `0x474d${'0'.repeat(60)}`,
  chainId: '1',
  symbol: 'AAPLon',
  ticker: 'AAPL',
  assetAddress: AAPLON.toLowerCase(),
  side: '0',
  tokenAmount: '5000000000000000000',
  price: '225273151158540753535',
  expiration: 1746655938,
  signature: SIG_B64,
  additionalData: '',
  ...over,
});
const ask = { chainId: 1, symbol: 'AAPLon', asset: AAPLON, side: 'buy' as const, quantity: 5n * 10n ** 18n };
const NOW = 1746655000n;

describe("Ondo GM's attestation API", () => {
  it('asks with the documented body: chain name, symbol, side and a decimal amount', () => {
    expect(attestationBody({ ...ask, quantity: 1_500_000_000_000_000_000n })).toEqual({
      chainId: 'ethereum-1',
      symbol: 'AAPLon',
      side: 'buy',
      tokenAmount: '1.5',
    });
  });

  it('turns the answer into the on-chain Quote, the base64 signature into its 65 bytes of hex', () => {
    const { quote, signature } = parseAttestation(answer(), ask, NOW);
    expect(quote).toEqual({
      chainId: 1n,
      attestationId: 229852750420835981756873903928305653446n,
      userId: `0x474d${'0'.repeat(60)}`,
      asset: AAPLON,
      price: 225273151158540753535n,
      quantity: 5n * 10n ** 18n,
      expiration: 1746655938n,
      side: 0,
      additionalData: `0x${'0'.repeat(64)}`,
    });
    expect(signature).toBe(`0x${Array.from({ length: 65 }, (_, i) => i.toString(16).padStart(2, '0')).join('')}`);
  });

  it.each([
    ['another chain', { chainId: '56' }, 'chain 56'],
    ['another token', { assetAddress: '0x000000000000000000000000000000000000dead' }, 'another token'],
    ['the other side', { side: '1' }, 'redemption'],
    ['another amount', { tokenAmount: '6000000000000000000' }, 'another amount'],
    ['a short signature', { signature: btoa('abc') }, '65 bytes'],
    ['no signature', { signature: undefined }, 'shape'],
  ])('refuses an attestation for %s', (_, over, said) => {
    expect(() => parseAttestation(answer(over), ask, NOW)).toThrow(said);
  });

  it('refuses an expired attestation as expired', () => {
    expect(() => parseAttestation(answer(), ask, 1746655938n)).toThrow(expect.objectContaining({ code: 'issuer.quote_expired' }));
  });

  it('reads a soft quote for its price only', () => {
    const { attestationId: _a, userId: _u, expiration: _e, signature: _s, ...soft } = answer();
    expect(parseSoftQuote(soft)).toBe(225273151158540753535n);
  });

  it.each([
    [403, { code: 'MARKET_CLOSED', message: 'Weekend or Holiday' }, 'issuer.market_closed', 'market hours'],
    [403, { code: 'ASSET_PAUSED', message: 'paused' }, 'issuer.market_closed', 'right now'],
    [401, { code: 'MISSING_API_KEY', message: 'missing' }, 'issuer.bad_credentials', 'https://onboard.example'],
    [403, { code: 'READ_ONLY_API_KEY', message: 'read-only' }, 'issuer.bad_credentials', 'Settings'],
    [429, {}, 'issuer.unavailable', 'rate limit'],
    [400, { code: 'X', message: 'user is not KYC verified' }, 'issuer.kyc_required', 'https://onboard.example'],
    [400, { code: 'X', message: 'amount below minimum' }, 'issuer.below_minimum', 'larger amount'],
    [503, {}, 'issuer.unavailable', 'try again later'],
  ])('HTTP %i %o reads as %s', (status, body, code, said) => {
    const err = ondoError(status, body, 'https://onboard.example');
    expect(err).toMatchObject({ code });
    expect(err.message).toContain(said);
  });
});

describe("Ondo GM's attestation signature", () => {
  const signer = privateKeyToAccount(`0x${'11'.repeat(32)}`);
  const other = privateKeyToAccount(`0x${'22'.repeat(32)}`);
  const domain = { chainId: 1, verifyingContract: getAddress('0x2c158BC456e027b2AfFCCadF1BDBD9f5fC4c5C8c') };
  const { quote } = parseAttestation(answer(), ask, NOW);
  const sign = (by: typeof signer) =>
    by.signTypedData({
      domain: { name: 'OndoGMTokenManager', version: '1', ...domain },
      types: {
        Quote: [
          { name: 'chainId', type: 'uint256' },
          { name: 'attestationId', type: 'uint256' },
          { name: 'userId', type: 'bytes32' },
          { name: 'asset', type: 'address' },
          { name: 'price', type: 'uint256' },
          { name: 'quantity', type: 'uint256' },
          { name: 'expiration', type: 'uint256' },
          { name: 'side', type: 'uint8' },
          { name: 'additionalData', type: 'bytes32' },
        ],
      },
      primaryType: 'Quote',
      message: quote,
    });

  it("accepts the registry signer's signature, given as base64 the way Ondo sends it", async () => {
    const hex = await sign(signer);
    const b64 = btoa(String.fromCharCode(...hexToBytes(hex)));
    await expect(checkAttestationSigner(quote, signatureFromBase64(b64), domain, signer.address)).resolves.toBe(signer.address);
  });

  it('names the key that signed, for the manager to be asked whether it holds ATTESTATION_SIGNER_ROLE', async () => {
    expect(await attestationSigner(quote, await sign(other), domain)).toBe(other.address);
    // keccak256("ATTESTATION_SIGNER_ROLE"), the role rwa-contracts' GMTokenManager checks with hasRole.
    expect(ATTESTATION_SIGNER_ROLE).toBe(keccak256(toBytes('ATTESTATION_SIGNER_ROLE')));
  });

  it('refuses one signed by another key, or for another price', async () => {
    await expect(checkAttestationSigner(quote, await sign(other), domain, signer.address)).rejects.toThrow("not signed by Ondo's signer");
    await expect(checkAttestationSigner({ ...quote, price: quote.price + 1n }, await sign(signer), domain, signer.address)).rejects.toThrow(
      "not signed by Ondo's signer",
    );
  });
});
