import { decodeFunctionData, encodeFunctionData, encodeFunctionResult, type Hex, parseAbi } from 'viem';
import { describe, expect, it } from 'vitest';
import { decodeAggregate3, encodeAggregate3, encodeAggregate3Compact } from '../../../lib/portfolio/index.ts';

const abi = parseAbi([
  'struct Call3 { address target; bool allowFailure; bytes callData; }',
  'struct Result { bool success; bytes returnData; }',
  'function aggregate3(Call3[] calls) payable returns (Result[] returnData)',
]);

const calls = [
  {
    target: '0x00000000000000000000000000000000000000a1',
    allowFailure: true,
    callData: '0x70a082310000000000000000000000001000000000000000000000000000000000000001',
  },
  { target: '0xcA11bde05977b3631167028862bE2a173976CA11', allowFailure: false, callData: '0x42cbb15c' },
  { target: '0x00000000000000000000000000000000000000a2', allowFailure: true, callData: `0x${'ab'.repeat(70)}` },
  { target: '0x00000000000000000000000000000000000000a3', allowFailure: true, callData: '0x' },
] as const;

describe('aggregate3 coding', () => {
  it('encodes calls exactly as viem does', () => {
    expect(encodeAggregate3(calls)).toBe(encodeFunctionData({ abi, functionName: 'aggregate3', args: [calls] }));
  });

  it('encodes an empty batch as viem does', () => {
    expect(encodeAggregate3([])).toBe(encodeFunctionData({ abi, functionName: 'aggregate3', args: [[]] }));
  });

  it('decodes what viem encodes, including failures and long answers', () => {
    const results = [
      { success: true, returnData: `0x${'00'.repeat(31)}05` as Hex },
      { success: false, returnData: '0x' as Hex },
      { success: true, returnData: `0x${'cd'.repeat(100)}` as Hex },
    ];
    expect(decodeAggregate3(encodeFunctionResult({ abi, functionName: 'aggregate3', result: results }), 3)).toEqual(results);
  });

  it('round-trips its own encoding through viem', () => {
    const decoded = decodeFunctionData({ abi, data: encodeAggregate3(calls) });
    expect(decoded.args[0].map((c) => c.callData)).toEqual(calls.map((c) => c.callData));
  });

  it('encodes repeated calldata once, and viem still reads every call back', () => {
    const repeated = [...calls, { ...calls[0], target: '0x00000000000000000000000000000000000000b1' }, { ...calls[2], allowFailure: false }] as const;
    const compact = encodeAggregate3Compact(repeated);
    expect(compact.length).toBeLessThan(encodeAggregate3(repeated).length);
    const decoded = decodeFunctionData({ abi, data: compact });
    expect(decoded.args[0]).toEqual(repeated.map((c) => expect.objectContaining({ allowFailure: c.allowFailure, callData: c.callData })));
    expect(decoded.args[0].map((c) => c.target.toLowerCase())).toEqual(repeated.map((c) => c.target.toLowerCase()));
  });

  it.each([
    ['a count that does not match the calls', (ok: Hex) => ok, 2],
    ['a truncated answer', (ok: Hex) => ok.slice(0, ok.length - 64) as Hex, 3],
    ['an offset past the end', (ok: Hex) => `0x${'ff'.repeat(32)}${ok.slice(66)}` as Hex, 3],
    ['no data', () => '0x' as Hex, 3],
  ])('refuses %s', (_, mangle, expected) => {
    const ok = encodeFunctionResult({
      abi,
      functionName: 'aggregate3',
      result: [
        { success: true, returnData: '0x01' },
        { success: true, returnData: '0x02' },
        { success: true, returnData: '0x03' },
      ],
    });
    expect(() => decodeAggregate3(mangle(ok), expected)).toThrow();
  });
});
