// The incoming-transfer scan (issue 14): Transfer logs to the account from tracked tokens, read
// in bounded chunks, resumed after the last block read, kept when the node refuses logs,
// stored once each, and issuer payouts marked as such.
import { describe, expect, it } from 'vitest';
import { createIncomingScanner, isIssuerPayout, scanIncoming } from '../../../lib/activity-scan';
import { createManualClock, createMemoryStore } from '../../../lib/ports/memory';
import { createRegistry } from '../../../lib/registry';
import { createIncomingLog, MAX_INCOMING } from '../../../lib/state';
import { issuer, registryData, token } from '../registry/fixtures';
import { createFakeLogNode, hashOf } from './fake-log-node';

const ME = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
const OTHER = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const SENDER = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC';
const TSLA = '0x00000000000000000000000000000000000000a1';
const UNTRACKED = '0x00000000000000000000000000000000000000b2';
const LIMITS = { window: 1_000, chunk: 300 };

function setup(latest = 5_000) {
  const node = createFakeLogNode(latest);
  const store = createMemoryStore();
  const log = createIncomingLog(store);
  const deps = { rpc: node.rpc, log, clock: createManualClock() };
  const target = { chainId: 31337, account: ME, tokens: [TSLA], isPayout: () => false };
  return { node, store, log, deps, target, scan: () => scanIncoming(deps, target, LIMITS) };
}

const transfer = (block: number, n: number, over: Partial<{ to: string; token: string; amount: bigint; logIndex: number }> = {}) => ({
  token: TSLA,
  from: SENDER,
  to: ME,
  amount: 5n * 10n ** 18n,
  block,
  hash: hashOf(n),
  ...over,
});

describe('scanning incoming transfers', () => {
  it('the first scan reads only a bounded window back, in chunks no larger than the limit', async () => {
    const { node, log, scan } = setup(5_000);
    node.transfers.push(transfer(3_500, 1), transfer(4_500, 2));
    const outcome = await scan();
    expect(outcome).toEqual({ status: 'ok', found: 1, scannedTo: 5_000 });
    expect(node.ranges[0][0]).toBe(4_001);
    expect(node.ranges.at(-1)?.[1]).toBe(5_000);
    for (const [from, to] of node.ranges) expect(to - from + 1).toBeLessThanOrEqual(LIMITS.chunk);
    // Contiguous: no block of the window skipped.
    for (let i = 1; i < node.ranges.length; i++) expect(node.ranges[i][0]).toBe(node.ranges[i - 1][1] + 1);
    const [entry] = await log.list();
    expect(entry).toMatchObject({
      hash: hashOf(2),
      token: TSLA,
      from: SENDER.toLowerCase(),
      to: ME.toLowerCase(),
      amount: '5000000000000000000',
      blockNumber: 4_500,
    });
  });

  it('a later scan starts after the last block read and finds only what is new', async () => {
    const { node, log, scan } = setup(5_000);
    node.transfers.push(transfer(4_900, 1));
    await scan();
    node.ranges.length = 0;
    node.latest = 5_100;
    node.transfers.push(transfer(5_050, 2));
    expect(await scan()).toMatchObject({ status: 'ok', found: 1 });
    expect(node.ranges).toEqual([[5_001, 5_100]]);
    expect((await log.list()).map((e) => e.hash)).toEqual([hashOf(2), hashOf(1)]);
    node.ranges.length = 0;
    expect(await scan()).toMatchObject({ status: 'ok', found: 0 });
    expect(node.ranges).toEqual([]);
  });

  it('after a long absence it reads no more than the window', async () => {
    const { node, scan } = setup(5_000);
    await scan();
    node.ranges.length = 0;
    node.latest = 50_000;
    await scan();
    expect(node.ranges[0][0]).toBe(49_001);
  });

  it('a node that refuses logs is said to, and what was found before is kept', async () => {
    const { node, log, scan } = setup(5_000);
    node.transfers.push(transfer(4_800, 1));
    await scan();
    node.latest = 5_200;
    node.transfers.push(transfer(5_100, 2));
    node.refuse = () => 'eth_getLogs is not available on this node';
    const refused = await scan();
    expect(refused).toMatchObject({ status: 'refused', found: 0, scannedTo: 5_000 });
    expect(refused.status === 'refused' && refused.message).toContain('refused to serve logs');
    expect((await log.list()).map((e) => e.hash)).toEqual([hashOf(1)]);
    // Once the node serves logs again, the blocks it refused are read: nothing was skipped.
    node.refuse = undefined;
    expect(await scan()).toMatchObject({ status: 'ok', found: 1 });
    expect((await log.list()).map((e) => e.hash)).toEqual([hashOf(2), hashOf(1)]);
  });

  it('a refusal part-way keeps the chunks read before it and resumes after them', async () => {
    const { node, log, scan } = setup(5_000);
    node.transfers.push(transfer(4_100, 1), transfer(4_900, 2));
    node.refuse = (from) => (from > 4_500 ? 'block range too large' : undefined);
    expect(await scan()).toMatchObject({ status: 'refused', found: 1, scannedTo: 4_600 });
    expect((await log.list()).map((e) => e.hash)).toEqual([hashOf(1)]);
    node.refuse = undefined;
    node.ranges.length = 0;
    expect(await scan()).toMatchObject({ status: 'ok', found: 1 });
    expect(node.ranges[0][0]).toBe(4_601);
  });

  it('a node without a block number refuses the scan plainly and nothing is written', async () => {
    const { deps, target, store } = setup();
    const outcome = await scanIncoming({ ...deps, rpc: async () => 'not a number' }, target, LIMITS);
    expect(outcome).toMatchObject({ status: 'refused', found: 0 });
    expect(store.dump()).toEqual({});
  });

  it('the same transfer answered twice is stored once; transfers to others or of untracked tokens are dropped', async () => {
    const { node, log, deps, target } = setup(5_000);
    node.transfers.push(transfer(4_800, 1), transfer(4_800, 1, { logIndex: 1, amount: 7n }));
    const stray = createFakeLogNode(5_000);
    stray.transfers.push(transfer(4_800, 3, { to: OTHER }), transfer(4_800, 4, { token: UNTRACKED }));
    node.extra = (await stray.rpc('eth_getLogs', [
      { address: [TSLA, UNTRACKED], topics: [null], fromBlock: '0x12c0', toBlock: '0x12c0' },
    ])) as unknown[];
    node.extra.push({ garbage: true });
    await scanIncoming(deps, target, LIMITS);
    // A second account scanning the same range, and a rescan of the first, add nothing twice.
    await log.record(31337, ME, 5_000, await log.list());
    const entries = await log.list();
    expect(entries.map((e) => [e.hash, e.logIndex, e.amount])).toEqual([
      [hashOf(1), 1, '7'],
      [hashOf(1), 0, '5000000000000000000'],
    ]);
  });

  it('keeps at most MAX_INCOMING entries, the newest', async () => {
    const { node, log, scan } = setup(5_000);
    for (let i = 0; i < MAX_INCOMING + 20; i++) node.transfers.push(transfer(4_001 + i, i + 1));
    await scan();
    const entries = await log.list();
    expect(entries).toHaveLength(MAX_INCOMING);
    expect(entries[0].blockNumber).toBe(4_000 + MAX_INCOMING + 20);
  });

  it('a stored list that does not parse keeps its good entries and sets the original aside', async () => {
    const { store, log, node, scan } = setup(5_000);
    node.transfers.push(transfer(4_800, 1));
    await scan();
    const good = (await log.list())[0];
    await store.set({ 'activity.incoming': [good, { hash: 'nope' }] });
    expect(await log.list()).toEqual([good]);
    expect(store.dump()['activity.incoming.corrupt']).toEqual([good, { hash: 'nope' }]);
  });
});

describe('issuer payouts', () => {
  const USDC = '0x00000000000000000000000000000000000000c5';
  const registry = createRegistry(
    registryData([token({ chainId: 1, address: USDC, symbol: 'USDC', kind: 'stablecoin', underlying: null }), token()], [issuer()]),
  );
  const ISSUER_CONTRACT = '0x1111111111111111111111111111111111111111';
  const DISTRIBUTOR = '0x00000000000000000000000000000000000000d1';

  it.each([
    ['a stablecoin from an issuer contract', USDC, ISSUER_CONTRACT, true],
    ['a stablecoin from a payout address', USDC, DISTRIBUTOR, true],
    ['a stablecoin from anyone else', USDC, SENDER, false],
    ['a stock token from an issuer contract', token().address, ISSUER_CONTRACT, false],
  ])('%s: payout %s', (_, tokenAddress, from, expected) => {
    expect(isIssuerPayout(registry, [DISTRIBUTOR], 1, tokenAddress, from)).toBe(expected);
  });

  it('a scanned payout is stored as one', async () => {
    const node = createFakeLogNode(100);
    node.transfers.push({ token: USDC, from: ISSUER_CONTRACT, to: ME, amount: 10n ** 6n, block: 90, hash: hashOf(9) });
    node.transfers.push({ token: USDC, from: SENDER, to: ME, amount: 2n, block: 91, hash: hashOf(10) });
    const log = createIncomingLog(createMemoryStore());
    const scanner = createIncomingScanner({ log, clock: createManualClock(), limits: LIMITS });
    await scanner.refresh({ chainId: 1, rpc: node.rpc, accounts: [ME], tokens: [USDC], isPayout: (t, f) => isIssuerPayout(registry, [], 1, t, f) });
    expect((await log.list()).map((e) => [e.hash, e.payout])).toEqual([
      [hashOf(10), false],
      [hashOf(9), true],
    ]);
  });
});

describe('the scanner over accounts', () => {
  it('scans every account, says when the node refused, and clears the notice once it serves logs', async () => {
    const node = createFakeLogNode(100);
    node.transfers.push(transfer(50, 1), transfer(60, 2, { to: OTHER }));
    const log = createIncomingLog(createMemoryStore());
    const scanner = createIncomingScanner({ log, clock: createManualClock(), limits: LIMITS });
    const network = { chainId: 31337, rpc: node.rpc, accounts: [ME, OTHER], tokens: [TSLA], isPayout: () => false };
    expect(await scanner.refresh(network)).toBe(2);
    expect(scanner.notice(31337)).toBeUndefined();
    node.latest = 200;
    node.refuse = () => 'logs disabled';
    await scanner.refresh(network);
    expect(scanner.notice(31337)).toMatch(/refused to serve logs.*What was found before is kept/);
    expect(await scanner.list()).toHaveLength(2);
    node.refuse = undefined;
    await scanner.refresh(network);
    expect(scanner.notice(31337)).toBeUndefined();
  });
});
