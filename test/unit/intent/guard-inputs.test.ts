import { encodeAbiParameters, encodeFunctionData, encodePacked, type Hex, parseAbi, parseAbiParameters } from 'viem';
import { describe, expect, it } from 'vitest';
import { decodeTransaction, decodeTypedData } from '../../../lib/intent';
import { decodeV3Path } from '../../../lib/intent/decoders/v3-path';
import { addressWords } from '../../../lib/intent/decoders/words';
import { CHAIN_ID, ctx, OTHER, TSLA, UNKNOWN_TOKEN, USDC, USER, WETH } from './fixtures';

const UNIVERSAL_ROUTER = '0x66a9893cC07D91D95644AEDD05D03f95e1dBA8Af';
const enc = (types: string, values: readonly unknown[]) => encodeAbiParameters(parseAbiParameters(types), values as never);
const ur = parseAbi(['function execute(bytes commands, bytes[] inputs, uint256 deadline) payable', 'function transfer(address to, uint256 amount)']);
const execute = (commands: Hex, inputs: Hex[], value = 0n) =>
  decodeTransaction(
    {
      from: USER,
      to: UNIVERSAL_ROUTER,
      chainId: CHAIN_ID,
      value,
      data: encodeFunctionData({ abi: ur, functionName: 'execute', args: [commands, inputs, 1n] }),
    },
    ctx,
  );

describe('decodeV3Path reads the pools the router executes', () => {
  const twoPools = encodePacked(['address', 'uint24', 'address', 'uint24', 'address'], [USDC, 500, WETH, 3000, TSLA]);
  it.each([0, 1, 3, 20, 22])('one pool plus %i extra bytes: both tokens, the tail reported', (extra) => {
    const path = `${encodePacked(['address', 'uint24', 'address'], [USDC, 3000, TSLA])}${'ee'.repeat(extra)}` as Hex;
    expect(decodeV3Path(path)).toEqual({ tokens: [USDC, TSLA], trailing: extra });
  });

  it('23 extra bytes make a second pool, as the router reads them', () => {
    const path = `${encodePacked(['address', 'uint24', 'address'], [USDC, 3000, TSLA])}000bb8${WETH.slice(2)}` as Hex;
    expect(decodeV3Path(path)).toEqual({ tokens: [USDC, TSLA, WETH], trailing: 0 });
  });

  it('two pools with a tail', () => {
    expect(decodeV3Path(`${twoPools}ff` as Hex)).toEqual({ tokens: [USDC, WETH, TSLA], trailing: 1 });
  });

  it.each([0, 20, 42])('%i bytes hold no pool: invalid', (bytes) => {
    expect(decodeV3Path(`0x${'11'.repeat(bytes)}`)).toBeUndefined();
  });
});

describe('addressWords finds ABI-encoded addresses in data it cannot decode', () => {
  it('finds address words and skips amounts, offsets and dirty words', () => {
    const data = enc('uint256, address, bytes32, address, uint256', [10n ** 18n, TSLA, `0x${'ff'.repeat(32)}`, USDC, 64n]);
    expect(addressWords(data)).toEqual([TSLA, USDC]);
  });

  it('skips a selector and ignores a partial last word', () => {
    expect(addressWords(`0xabcdef01${enc('address', [TSLA]).slice(2)}00ff` as Hex, 4)).toEqual([TSLA]);
  });
});

describe('what decoders report for the guard', () => {
  it('an ERC-20 transfer to someone else is a delivery by transfer', () => {
    const intent = decodeTransaction(
      { from: USER, to: TSLA, chainId: CHAIN_ID, data: encodeFunctionData({ abi: ur, functionName: 'transfer', args: [OTHER, 5n] }) },
      ctx,
    );
    expect(intent.deliveries).toEqual([{ token: TSLA, amount: 5n, to: OTHER, reason: 'transfer' }]);
  });

  it('an unknown function keeps the addresses its arguments name', () => {
    const intent = decodeTransaction(
      { from: USER, to: OTHER, chainId: CHAIN_ID, data: `0x12345678${enc('address, uint256', [TSLA, 1n]).slice(2)}` as Hex },
      ctx,
    );
    expect(intent.mentioned).toEqual([TSLA]);
    expect(intent.tokens).toEqual([OTHER]); // mentioned addresses are not looked up on chain
  });

  it('a V4 swap paid in ETH and taken to another address: native paid once, TSLA delivered elsewhere', () => {
    const ZERO = '0x0000000000000000000000000000000000000000';
    const swap = enc('((address, address, uint24, int24, address), bool, uint128, uint128, bytes)', [
      [[ZERO, TSLA, 3000, 60, ZERO], true, 7n, 3n, '0x'],
    ]);
    const actions = enc('bytes, bytes[]', [
      '0x060c0e',
      [swap, enc('address, uint256', [ZERO, 7n]), enc('address, address, uint256', [TSLA, OTHER, 0n])],
    ]);
    const intent = execute('0x10', [actions], 7n);
    expect(intent.assetsOut).toEqual([{ token: 'native', amount: 7n }]);
    expect(intent.assetsIn).toEqual([]);
    expect(intent.deliveries).toEqual([{ token: TSLA, amount: 0n, to: OTHER, reason: 'proceeds', min: true }]);
    expect(intent.traded).toEqual([TSLA]);
    expect(intent.summary).toMatch(/^Swap 0\.000000000000000007 ETH for TSLAx \(amount set when it executes\) to 0x7099/);
  });

  it('V4 SETTLE of an open delta by the user shows the swap’s input amount', () => {
    const swap = enc('((address, address, uint24, int24, address), bool, uint128, uint128, bytes)', [
      [[USDC, TSLA, 3000, 60, UNKNOWN_TOKEN], true, 500n, 3n, '0x'],
    ]);
    const actions = enc('bytes, bytes[]', ['0x060b0f', [swap, enc('address, uint256, bool', [USDC, 0n, true]), enc('address, uint256', [TSLA, 3n])]]);
    const intent = execute('0x10', [actions]);
    expect(intent.assetsOut).toEqual([{ token: USDC, amount: 500n }]);
    expect(intent.assetsIn).toEqual([{ token: TSLA, amount: 3n, min: true }]);
  });

  it('unknown typed data lists every address field, nested and in arrays', () => {
    const intent = decodeTypedData(
      {
        domain: { chainId: CHAIN_ID },
        primaryType: 'Basket',
        types: {
          EIP712Domain: [{ name: 'chainId', type: 'uint256' }],
          Basket: [
            { name: 'owner', type: 'address' },
            { name: 'items', type: 'Item[]' },
          ],
          Item: [
            { name: 'asset', type: 'address' },
            { name: 'tags', type: 'address[2]' },
          ],
        },
        message: { owner: USER, items: [{ asset: TSLA, tags: [USDC, WETH] }] },
      },
      { activeChainId: CHAIN_ID },
    );
    expect(intent.kind).toBe('unknown-typed-data');
    expect(intent.mentioned).toEqual([USER, TSLA, USDC, WETH]);
  });
});
