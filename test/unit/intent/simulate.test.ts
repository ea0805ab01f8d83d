import { encodeAbiParameters, type Hex, numberToHex, pad } from 'viem';
import { describe, expect, it } from 'vitest';
import { type RpcCall, simulateSequence, simulateTransaction } from '../../../lib/intent';
import { OTHER, ROUTER, TSLA, USDC, USER } from './fixtures';

const TRANSFER = '0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef';
const NATIVE = '0xeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee';
const tx = { from: USER, to: ROUTER, data: '0x1234' as Hex, value: 10n };

const transferLog = (token: string, from: string, to: string, amount: bigint) => ({
  address: token,
  topics: [TRANSFER, pad(from as Hex), pad(to as Hex)],
  data: numberToHex(amount, { size: 32 }),
  logIndex: '0x0',
});
const rpcError = (code: number, message: string, data?: Hex) => Object.assign(new Error(message), { code, data });

/** A node answering from a table; methods it lacks fail with -32601 like real nodes. */
function fakeNode(answers: Record<string, (params: unknown[]) => unknown>): RpcCall & { calls: string[] } {
  const calls: string[] = [];
  const rpc = async (method: string, params: unknown[] = []) => {
    calls.push(method);
    const answer = answers[method];
    if (!answer) throw rpcError(-32601, 'Method not found');
    return answer(params);
  };
  return Object.assign(rpc, { calls });
}

const simulated = (call: Record<string, unknown>) => () => [
  { number: '0x1', calls: [{ returnData: '0x', gasUsed: '0x5208', status: '0x1', logs: [], ...call }] },
];
const errorString = (reason: string) => `0x08c379a0${encodeAbiParameters([{ type: 'string' }], [reason]).slice(2)}` as Hex;

describe('simulateTransaction with eth_simulateV1', () => {
  it('folds ERC-20 and traced native transfers into the sender’s balance changes', async () => {
    const node = fakeNode({
      eth_simulateV1: simulated({
        logs: [
          transferLog(NATIVE, USER, ROUTER, 10n),
          transferLog(USDC, USER, ROUTER, 500n),
          transferLog(TSLA, ROUTER, USER, 7n),
          transferLog(TSLA, ROUTER, OTHER, 99n),
          transferLog(USDC, ROUTER, USER, 20n),
        ],
      }),
    });
    const result = await simulateTransaction(node, tx);
    expect(result).toEqual({
      ok: true,
      method: 'eth_simulateV1',
      gasUsed: 21000n,
      changes: [
        { token: 'native', delta: -10n },
        { token: USDC, delta: -480n },
        { token: TSLA, delta: 7n },
      ],
      // Every token the execution moves, also the TSLA that went to another address.
      moved: [USDC, TSLA],
    });
  });

  it('sends traceTransfers and the call with hex value', async () => {
    let sent: unknown;
    const node = fakeNode({
      eth_simulateV1: (params) => {
        sent = params;
        return simulated({})();
      },
    });
    await simulateTransaction(node, tx);
    expect(sent).toEqual([
      { blockStateCalls: [{ calls: [{ from: USER, to: ROUTER, data: '0x1234', value: '0xa' }] }], traceTransfers: true, validation: false },
      'latest',
    ]);
  });

  it('ignores ERC-721 transfers (four topics) rather than reading a token id as an amount', async () => {
    const nft = { ...transferLog(TSLA, ROUTER, USER, 0n), topics: [...transferLog(TSLA, ROUTER, USER, 0n).topics, pad('0x05')], data: '0x' };
    const result = await simulateTransaction(fakeNode({ eth_simulateV1: simulated({ logs: [nft] }) }), tx);
    expect(result).toMatchObject({ ok: true, changes: [] });
  });

  it.each([
    ['an Error(string) reason', errorString('INSUFFICIENT_OUTPUT_AMOUNT'), 'INSUFFICIENT_OUTPUT_AMOUNT'],
    ['a custom error', '0xdeadbeef', 'custom error 0xdeadbeef'],
    ['a panic', `0x4e487b71${pad('0x11').slice(2)}`, 'panic 0x11'],
  ])('reports a revert with %s, ignoring the reverted transfers', async (_name, returnData, reason) => {
    const node = fakeNode({
      eth_simulateV1: simulated({
        status: '0x0',
        returnData,
        logs: [transferLog(NATIVE, USER, ROUTER, 10n)],
        error: { code: -3200, message: 'execution failed' },
      }),
    });
    expect(await simulateTransaction(node, tx)).toEqual({ ok: false, reason: 'reverted', revertReason: reason });
  });
});

describe('simulateTransaction on nodes without eth_simulateV1', () => {
  const frame = {
    type: 'CALL',
    from: USER.toLowerCase(),
    to: ROUTER.toLowerCase(),
    value: '0xa',
    gasUsed: '0x7530',
    logs: [transferLog(USDC, USER, ROUTER, 500n)],
    calls: [
      { type: 'CALL', from: ROUTER, to: USER, value: '0x3', logs: [transferLog(TSLA, ROUTER, USER, 7n)] },
      { type: 'CALL', from: ROUTER, to: USER, value: '0x100', error: 'execution reverted', logs: [transferLog(TSLA, ROUTER, USER, 1000n)] },
      { type: 'DELEGATECALL', from: ROUTER, to: OTHER, value: '0xa' },
    ],
  };

  it('falls back to eth_call + debug_traceCall, skipping reverted sub-calls', async () => {
    const node = fakeNode({ eth_call: () => '0x', debug_traceCall: () => frame });
    const result = await simulateTransaction(node, tx);
    expect(node.calls).toEqual(['eth_simulateV1', 'eth_call', 'debug_traceCall']);
    expect(result).toEqual({
      ok: true,
      method: 'debug_traceCall',
      gasUsed: 30000n,
      changes: [
        { token: 'native', delta: -7n },
        { token: USDC, delta: -500n },
        { token: TSLA, delta: 7n },
      ],
      moved: [USDC, TSLA],
    });
  });

  it('falls back when eth_simulateV1 rejects the request as invalid params (-32602)', async () => {
    const node = fakeNode({
      eth_simulateV1: () => {
        throw rpcError(-32602, 'Invalid transaction request');
      },
      eth_call: () => '0x',
      debug_traceCall: () => frame,
    });
    expect(await simulateTransaction(node, tx)).toMatchObject({ ok: true, method: 'debug_traceCall' });
  });

  it('reports a revert found by eth_call', async () => {
    const node = fakeNode({
      eth_call: () => {
        throw rpcError(3, 'execution reverted', errorString('EXPIRED'));
      },
    });
    expect(await simulateTransaction(node, tx)).toEqual({ ok: false, reason: 'reverted', revertReason: 'EXPIRED' });
  });

  it('says plainly that balance changes are unavailable when the node cannot trace', async () => {
    const result = await simulateTransaction(fakeNode({ eth_call: () => '0x' }), tx);
    expect(result).toMatchObject({ ok: false, reason: 'unsupported' });
    expect(result.ok === false && result.reason === 'unsupported' && result.message).toMatch(
      /would not fail, but this network cannot show its balance changes/,
    );
  });

  it('is unsupported, not reverted, when the node is unreachable', async () => {
    const result = await simulateTransaction(async () => {
      throw new TypeError('fetch failed');
    }, tx);
    expect(result).toMatchObject({ ok: false, reason: 'unsupported' });
  });
});

describe('simulateTransaction against a hostile node', () => {
  const deep = (n: number): Record<string, unknown> =>
    n === 0 ? { type: 'CALL', from: USER, to: ROUTER } : { type: 'CALL', from: USER, to: ROUTER, calls: [deep(n - 1)] };
  it.each([
    ['null', null],
    ['a string', 'ok'],
    ['a block without calls', [{ calls: [] }]],
    ['a non-hex status', [{ calls: [{ status: 'yes', gasUsed: '0x1' }] }]],
    ['a log with a bogus address', [{ calls: [{ status: '0x1', gasUsed: '0x1', logs: [{ address: 'x', topics: [], data: '0x' }] }] }]],
    ['a __proto__ payload', JSON.parse('[{"calls":[{"__proto__":{"status":"0x1"},"gasUsed":"0x1"}]}]')],
  ])('eth_simulateV1 answering %s does not crash or invent changes', async (_name, answer) => {
    const node = fakeNode({ eth_simulateV1: () => answer, eth_call: () => '0x', debug_traceCall: () => 'garbage' });
    const result = await simulateTransaction(node, tx);
    expect(result).toMatchObject({ ok: false, reason: 'unsupported' });
  });

  it.each([2_000, 50_000])('survives a trace nested %i calls deep, beyond what the EVM allows', async (depth) => {
    const node = fakeNode({ eth_call: () => '0x', debug_traceCall: () => deep(depth) });
    expect(await simulateTransaction(node, tx)).toMatchObject({ ok: false, reason: 'unsupported' });
  });

  it('takes a 32-byte amount only: a log with oversized data is ignored', async () => {
    const log = { ...transferLog(USDC, ROUTER, USER, 1n), data: `0x${'ff'.repeat(64)}` };
    const result = await simulateTransaction(fakeNode({ eth_simulateV1: simulated({ logs: [log] }) }), tx);
    expect(result).toMatchObject({ ok: true, changes: [] });
  });
});

describe('simulateSequence: transactions meant to follow one another', () => {
  const approveTx = { from: USER, to: USDC, data: '0x095ea7b3' as Hex, value: 0n };

  it('runs them in order in one eth_simulateV1 block: the second sees what the first did', async () => {
    const blocks: unknown[] = [];
    const node = fakeNode({
      eth_simulateV1: (params) => {
        blocks.push(params[0]);
        return [
          {
            number: '0x1',
            calls: [
              { returnData: '0x', gasUsed: '0xb000', status: '0x1', logs: [] },
              { returnData: '0x', gasUsed: '0x20000', status: '0x1', logs: [transferLog(USDC, USER, ROUTER, 500n)] },
            ],
          },
        ];
      },
    });
    const results = await simulateSequence(node, [approveTx, tx]);
    expect(results.map((r) => (r.ok ? [r.gasUsed, r.changes] : r))).toEqual([
      [0xb000n, []],
      [0x20000n, [{ token: USDC, delta: -500n }]],
    ]);
    expect((blocks[0] as { blockStateCalls: { calls: { to: string }[] }[] }).blockStateCalls[0].calls.map((c) => c.to)).toEqual([USDC, ROUTER]);
  });

  it('says which one would fail', async () => {
    const node = fakeNode({
      eth_simulateV1: () => [
        {
          number: '0x1',
          calls: [
            { returnData: '0x', gasUsed: '0xb000', status: '0x1', logs: [] },
            { returnData: errorString('no allowance'), gasUsed: '0x100', status: '0x0' },
          ],
        },
      ],
    });
    const [first, second] = await simulateSequence(node, [approveTx, tx]);
    expect(first.ok).toBe(true);
    expect(second).toMatchObject({ ok: false, reason: 'reverted', revertReason: expect.stringContaining('no allowance') });
  });

  it('a node without eth_simulateV1, or with an answer of the wrong length, runs each alone', async () => {
    const node = fakeNode({ eth_call: () => '0x', debug_traceCall: () => ({ type: 'CALL', from: USER, to: ROUTER, gasUsed: '0x5208' }) });
    expect((await simulateSequence(node, [approveTx, tx])).map((r) => r.ok)).toEqual([true, true]);
    const short = fakeNode({ eth_simulateV1: simulated({}) });
    expect((await simulateSequence(short, [approveTx, tx])).map((r) => r.ok)).toEqual([true, true]);
    expect(short.calls.filter((m) => m === 'eth_simulateV1')).toHaveLength(3);
  });
});
