import { getAddress } from 'viem';
import { describe, expect, it } from 'vitest';
import { policyFor, restrictionFor } from '../../../lib/compliance/index.ts';
import { createRegistry, type DevnetDeployment, loadBundledRegistry, registryFromDevnet } from '../../../lib/registry/index.ts';

const a = (n: number) => `0x${n.toString(16).padStart(40, '0')}`;
const underlying = { ticker: 'ACME', name: 'Acme Corp', exchange: 'NYSE' };

const deployment: DevnetDeployment = {
  chainId: 31337,
  tokens: [
    {
      symbol: 'ACMEx',
      name: 'Acme xStock',
      address: a(0xa1),
      decimals: 18,
      structure: 'multiplier',
      issuer: 'backed-dev',
      underlying,
      priceFeed: a(0xf1),
      reserveFeed: a(0xf2),
      multiplierOracle: null,
      pair: a(0xb1),
    },
    {
      symbol: 'ACME.d',
      name: 'Acme dShare',
      address: a(0xa2),
      decimals: 18,
      structure: 'rebasing',
      issuer: 'dinari-dev',
      underlying,
      priceFeed: a(0xf1),
      reserveFeed: null,
      multiplierOracle: null,
      pair: null,
    },
    {
      symbol: 'ACMEon',
      name: 'Acme Ondo',
      address: a(0xa3),
      decimals: 18,
      structure: 'oracle-multiplier',
      issuer: 'ondo-dev',
      underlying,
      priceFeed: a(0xf1),
      reserveFeed: null,
      multiplierOracle: a(0xf3),
      pair: null,
    },
    {
      symbol: 'sACME',
      name: 'Synthetic Acme',
      address: a(0xa4),
      decimals: 18,
      structure: 'synthetic',
      issuer: 'synth-dev',
      underlying,
      priceFeed: a(0xf1),
      reserveFeed: null,
      multiplierOracle: null,
      pair: null,
    },
    {
      symbol: 'ACME3643',
      name: 'Acme Security',
      address: a(0xa5),
      decimals: 0,
      structure: 'erc3643',
      issuer: 'backed-dev',
      underlying,
      priceFeed: a(0xf1),
      reserveFeed: null,
      multiplierOracle: null,
      pair: null,
    },
  ],
  issuers: [
    {
      id: 'backed-dev',
      name: 'Backed (devnet)',
      origin: 'http://127.0.0.1:8788/',
      kind: 'attestation',
      contracts: { issuance: a(0xc1), note: 'not an address' },
      tokens: [a(0xa1)],
    },
    { id: 'dinari-dev', name: 'Dinari (devnet)', origin: null, kind: 'order-processor', contracts: [a(0xc2)], tokens: [a(0xa2)] },
    { id: 'ondo-dev', name: 'Ondo (devnet)', origin: 'http://127.0.0.1:8789', kind: 'attestation', contracts: {}, tokens: [a(0xa3)] },
    { id: 'synth-dev', name: 'Synth (devnet)', kind: 'attestation', contracts: {}, tokens: [a(0xa4)] },
  ],
};

describe('registryFromDevnet', () => {
  const data = registryFromDevnet(deployment);
  const registry = createRegistry(data);

  it.each([
    [0xa1, 'multiplier'],
    [0xa2, 'balance-per-share'],
    [0xa3, 'oracle-multiplier'],
    [0xa4, 'none'],
    [0xa5, 'none'],
  ])('maps token %s to the %s model', (n, model) => {
    expect(registry.findToken(31337, a(n))?.corporateActions).toBe(model);
  });

  it('keeps feeds, checksums addresses and the underlying with its exchange', () => {
    const x = registry.findToken(31337, a(0xa1))!;
    expect(x.address).toBe(getAddress(a(0xa1)));
    expect(x.feeds).toEqual({ price: { address: getAddress(a(0xf1)) }, reserve: { address: getAddress(a(0xf2)) } });
    expect(x.underlying).toEqual(underlying);
    expect(registry.findToken(31337, a(0xa3))?.feeds?.multiplierOracle).toEqual({ address: getAddress(a(0xf3)) });
  });

  it('allowlists the devnet issuers origins and contracts', () => {
    expect(registry.isAllowlistedIssuerOrigin('http://127.0.0.1:8788')).toBe(true);
    expect(registry.isAllowlistedIssuerOrigin('http://127.0.0.1:9999')).toBe(false);
    expect(registry.isAllowlistedIssuerContract(31337, a(0xc1))).toBe(true);
    expect(registry.isAllowlistedIssuerContract(31337, a(0xc2))).toBe(true);
    expect(registry.isAllowlistedIssuerContract(1, a(0xc1))).toBe(false);
  });

  it('marks an issuer of only synthetic tokens synthetic', () => {
    expect(registry.issuer('synth-dev')?.structure.value).toBe('synthetic');
    expect(registry.issuer('backed-dev')?.structure.value).toBe('custody-backed');
  });

  it('merges into the bundled registry without losing either', async () => {
    const bundled = await loadBundledRegistry();
    const merged = createRegistry(registryFromDevnet(deployment, bundled));
    expect(merged.findToken(31337, a(0xa1))?.symbol).toBe('ACMEx');
    expect(merged.tokensOnChain(1).length).toBe(createRegistry(bundled).tokensOnChain(1).length);
    expect(merged.issuer('xstocks')).toBeDefined();
  });

  it("lists the devnet's tokens on each fork's chain too, with their feeds, while its issuers stay on the devnet", () => {
    const forked = createRegistry(registryFromDevnet({ ...deployment, forks: [{ chainId: 31338 }] }));
    expect(forked.tokensOnChain(31338).map((t) => t.symbol)).toEqual(registry.tokensOnChain(31337).map((t) => t.symbol));
    expect(forked.findToken(31338, a(0xa1))?.feeds).toEqual(registry.findToken(31337, a(0xa1))?.feeds);
    expect(forked.isAllowlistedIssuerContract(31337, a(0xc1))).toBe(true);
    expect(forked.isAllowlistedIssuerContract(31338, a(0xc1))).toBe(false);
  });

  it('refuses a deployment token whose issuer is not deployed', () => {
    const broken = { ...deployment, issuers: deployment.issuers.slice(1) };
    expect(() => registryFromDevnet(broken)).toThrow();
  });
});

describe('registryFromDevnet rules', () => {
  const ruleOf = (registry: ReturnType<typeof createRegistry>, address: string, jurisdiction: string) => {
    const t = registry.findToken(31337, address)!;
    return restrictionFor(policyFor(t, registry.issuer(t.issuer)), jurisdiction);
  };

  it('says unknown rather than unrestricted when the deployment states no rule for an ERC-3643 token', () => {
    const registry = createRegistry(registryFromDevnet(deployment));
    expect(ruleOf(registry, a(0xa5), 'US')).toMatchObject({ rule: 'unknown', standing: 'unconfirmed', allowed: false });
  });

  it("applies a token's stated country rule to all dealing", () => {
    const tokens = deployment.tokens.map((t) => (t.structure === 'erc3643' ? { ...t, restrictions: { excluded: ['US'] } } : t));
    const registry = createRegistry(registryFromDevnet({ ...deployment, tokens }));
    expect(ruleOf(registry, a(0xa5), 'US')).toMatchObject({ allowed: false, rule: 'excluded', forbids: ['all'], source: 'devnet:deployment' });
    expect(ruleOf(registry, a(0xa5), 'DE').allowed).toBe(true);
  });

  it.each([
    ['multiplier', 'devnet:terms/xstocks-style', ['acquire']],
    ['oracle-multiplier', 'devnet:terms/ondo-style', ['acquire', 'redeem']],
    ['rebasing', 'devnet:terms/dshare-style', ['all']],
    ['synthetic', 'devnet:terms/synthetic', ['all']],
  ])('gives a %s token its devnet terms: US residents refused, DE allowed', (structure, source, forbids) => {
    const registry = createRegistry(registryFromDevnet(deployment));
    const t = deployment.tokens.find((x) => x.structure === structure)!;
    expect(ruleOf(registry, t.address, 'US')).toMatchObject({ allowed: false, standing: 'covered', source, forbids });
    expect(ruleOf(registry, t.address, 'DE')).toMatchObject({ allowed: true, standing: 'not-covered' });
  });
});

describe('registryFromDevnet DEX entry', () => {
  const withDex: DevnetDeployment = {
    ...deployment,
    dex: {
      uniswapV3: { factory: a(0xd3), poolInitCodeHash: `0x${'33'.repeat(32)}` },
      uniswapV2: { factory: a(0xd2), pairInitCodeHash: `0x${'22'.repeat(32)}` },
      stablecoins: [{ address: a(0xc0), symbol: 'USDC', decimals: 6 }],
    },
  };

  it('prices the devnet from its own factories against its stablecoin, and no chain without a sourced entry', () => {
    const registry = createRegistry(registryFromDevnet(withDex));
    expect(registry.dexOn(31337)).toMatchObject({
      source: 'devnet:deployment',
      uniswapV3: { factory: getAddress(a(0xd3)), fees: [500, 3000, 10000] },
      uniswapV2: { factory: getAddress(a(0xd2)) },
      quotes: [{ address: getAddress(a(0xc0)), symbol: 'USDC', decimals: 6, usd: { kind: 'stable' } }],
    });
    expect(registry.dexOn(1)).toBeUndefined();
    expect(createRegistry(registryFromDevnet(deployment)).dexOn(31337)).toBeUndefined();
  });

  it('keeps the DEX entry when merged into the bundled registry', async () => {
    const merged = createRegistry(registryFromDevnet(withDex, await loadBundledRegistry()));
    expect(merged.dexOn(31337)?.uniswapV3?.factory).toBe(getAddress(a(0xd3)));
  });

  it('refuses a malformed init-code hash with an error naming it', () => {
    const broken = { ...withDex, dex: { ...withDex.dex, uniswapV2: { factory: a(0xd2), pairInitCodeHash: '0x1234' } } };
    expect(() => registryFromDevnet(broken)).toThrow(/init-code hash/);
  });
});
