// dShares found on chain: Dinari's DShareFactory.getDShares() rides in the portfolio's Multicall3
// batch, a listed dShare the registry does not know is asked its metadata in the next batch, and
// it then joins the wallet's tokens with Dinari's facts and the "found on chain" mark, cached.
import { getAddress } from 'viem';
import { describe, expect, it } from 'vitest';
import { buildPortfolioCalls, refreshPortfolio } from '../../../lib/portfolio/index.ts';
import { createManualClock, createMemoryStore } from '../../../lib/ports/memory.ts';
import { createDiscoveredTokens, createRegistry, type DShareAnswers, type Token } from '../../../lib/registry/index.ts';
import { issuer, registryData, token } from '../registry/fixtures.ts';
import { erc20, fakeChain, MULTICALL } from './fake-chain.ts';

const FACTORY = '0x3333333333333333333333333333333333333333';
const ACCOUNT = '0x00000000000000000000000000000000000000aa';
const KNOWN = getAddress('0x00000000000000000000000000000000000000d1');
const NEW = getAddress('0x00000000000000000000000000000000000000d2');
const WRAPPED = getAddress('0x00000000000000000000000000000000000000e2');
const NOT_A_DSHARE = getAddress('0x00000000000000000000000000000000000000f3');

const known = token({ address: KNOWN, symbol: 'AAPL.d', name: 'Apple Inc. - Dinari', issuer: 'dinari', corporateActions: 'balance-per-share' });
const registry = () => createRegistry(registryData([known], [issuer({ id: 'dinari', name: 'Dinari' })]));

function chain(listed: string[]) {
  return fakeChain(1, {
    [FACTORY]: { getDShares: () => [listed, [WRAPPED]] },
    [KNOWN]: erc20({ [ACCOUNT]: 5n }, { balancePerShare: () => 10n ** 18n }),
    [NEW]: erc20(
      { [ACCOUNT]: 7n * 10n ** 18n },
      { symbol: () => 'TSLA.d', name: () => 'Tesla, Inc. - Dinari', decimals: () => 18, balancePerShare: () => 10n ** 18n },
    ),
    // An ERC-20 a factory might list that is no dShare: no balancePerShare().
    [NOT_A_DSHARE]: erc20({}, { symbol: () => 'XYZ', name: () => 'Other', decimals: () => 6 }),
  });
}

async function refresh(node: ReturnType<typeof chain>, tokens: readonly Token[], discovered: ReturnType<typeof createDiscoveredTokens>) {
  const reg = createRegistry(registryData([...tokens], [issuer({ id: 'dinari', name: 'Dinari' })]));
  let answered: DShareAnswers | undefined;
  const snapshot = await refreshPortfolio({
    rpc: node,
    chainId: 1,
    accounts: [ACCOUNT],
    tokens,
    discovery: discovered.dShareReads(reg, 1),
    onDiscovery: (a) => {
      answered = a;
    },
    now: () => 1_800_000_000_000,
  });
  const found = answered ? await discovered.noteDShares(reg, 1, answered) : [];
  return { snapshot, found, reg };
}

describe('dShares found through the DShareFactory, inside the portfolio batch', () => {
  it('asks getDShares() and a listed address its metadata in the same aggregate3 as the balances', () => {
    const { calls, reads } = buildPortfolioCalls([known], [ACCOUNT], MULTICALL, undefined, undefined, { dShareFactories: [FACTORY], probe: [NEW] });
    expect(reads.map((r) => r.kind)).toEqual(['blockNumber', 'balance', 'balancePerShare', 'dShares', 'probe', 'probe', 'probe', 'probe']);
    expect(calls[3].target).toBe(FACTORY);
    expect(calls.slice(4).every((c) => c.target === NEW.toLowerCase())).toBe(true);
  });

  it('shows a dShare the factory lists after the release from the second refresh on, each refresh one request', async () => {
    const local = createMemoryStore();
    const discovered = createDiscoveredTokens({ local, clock: createManualClock(0) });
    const node = chain([KNOWN, NEW, NOT_A_DSHARE]);

    const first = await refresh(node, [known], discovered);
    expect(node.requests).toEqual([{ method: 'eth_call', calls: 4 }]);
    expect(first.found).toEqual([]);
    // The listing is cached: the next batch probes the two unknown addresses, not the known or the wrapped one.
    expect(discovered.dShareReads(registry(), 1)).toEqual({ dShareFactories: [FACTORY], probe: [NEW.toLowerCase(), NOT_A_DSHARE.toLowerCase()] });

    const second = await refresh(node, [known], discovered);
    expect(node.requests).toHaveLength(2);
    expect(node.requests[1]).toEqual({ method: 'eth_call', calls: 4 + 8 });
    expect(second.found).toEqual([
      {
        chainId: 1,
        address: NEW,
        symbol: 'TSLA.d',
        name: 'Tesla, Inc. - Dinari',
        decimals: 18,
        issuer: 'dinari',
        kind: 'stock',
        underlying: { ticker: 'TSLA', name: 'Tesla, Inc.' },
        corporateActions: 'balance-per-share',
        verified: false,
        discovery: { via: 'issuer-factory', factory: FACTORY, blockNumber: 123 },
      },
    ]);
    // Stored for the next start; the non-dShare is not asked again.
    expect(await discovered.cached()).toEqual(second.found);
    expect(await createDiscoveredTokens({ local, clock: createManualClock(0) }).cached()).toEqual(second.found);
    const withNew = [known, ...second.found];
    const third = await refresh(node, withNew, discovered);
    expect(discovered.dShareReads(third.reg, 1)?.probe).toEqual([]);
    // The found dShare is a holding like any other: its balance is read in the same single request.
    expect(node.requests).toHaveLength(3);
    const held = third.snapshot.accounts[0].holdings.find((h) => h.token.address === NEW);
    expect(held?.amount).toBe(String(7n * 10n ** 18n));
  });

  it('keeps the same reads object while nothing changed, so the encoded batch is reused', () => {
    const discovered = createDiscoveredTokens({ local: createMemoryStore(), clock: createManualClock(0) });
    const reg = registry();
    expect(discovered.dShareReads(reg, 1)).toBe(discovered.dShareReads(reg, 1));
    expect(discovered.dShareReads(reg, 10)).toBeUndefined();
  });

  it('leaves the factory out when getDShares() fails, and the rest of the batch stands', async () => {
    const discovered = createDiscoveredTokens({ local: createMemoryStore(), clock: createManualClock(0) });
    const node = fakeChain(1, { [FACTORY]: { getDShares: 'revert' }, [KNOWN]: erc20({ [ACCOUNT]: 5n }, { balancePerShare: () => 10n ** 18n }) });
    const { snapshot, found } = await refresh(node, [known], discovered);
    expect(found).toEqual([]);
    expect(snapshot.status).not.toBe('failed');
    expect(discovered.dShareReads(registry(), 1)?.probe).toEqual([]);
  });
});
