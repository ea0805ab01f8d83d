import { type Address, getAddress } from 'viem';
import { describe, expect, it } from 'vitest';
import { type ComplianceResult, evaluate, type TokenPolicy, touchedTokens, withFindings } from '../../../lib/compliance';
import { balanceOfCall, balanceOfResult } from '../../../lib/portfolio';
import type { RpcCall } from '../../../lib/ports';
import { createOnchainStandards, type OnchainStandards } from '../../../lib/tokens';
import { A, createFakeChain, type FakeChain, MULTICALL3, type Scenario, scriptStandards } from './fake-contracts';

const CHAIN = 31337;
const USER: Address = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
const USDC: Address = '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48';

const rpcOf =
  (chain: FakeChain, fail = () => false): RpcCall =>
  async (method, params = []) => {
    if (method !== 'eth_call' || fail()) throw new Error('the node is down');
    return chain.ethCall(params);
  };

type Intent = Parameters<typeof evaluate>[0]['intent'];
const buy = (token: Address): Intent => ({
  kind: 'swap',
  assetsIn: [{ token, amount: 10n ** 18n }],
  assetsOut: [{ token: USDC, amount: 100_000_000n }],
  approvals: [],
  tokens: [USDC, token],
  warnings: [],
});
const sell = (token: Address): Intent => ({ ...buy(token), assetsIn: [{ token: USDC, amount: 1n }], assetsOut: [{ token, amount: 1n }] });

/** A registry entry for the Backed-style token in some cases: its rule excludes the US. */
const REGISTRY_BACKED: TokenPolicy = {
  symbol: 'bTSLA',
  issuerName: 'Backed Assets (JE) Limited',
  security: true,
  rule: { kind: 'excluded', places: ['US'], forbids: ['acquire'], source: 'https://example.test/backed/terms', read: '2026-12-02' },
  terms: 'https://example.test/backed/terms',
  verified: true,
};

interface Judged {
  result: ComplianceResult;
  chain: FakeChain;
}

async function judgeOnChain(
  scenario: Scenario,
  intent: Intent,
  jurisdiction: string,
  registry: Record<string, TokenPolicy> = {},
  standards: OnchainStandards = createOnchainStandards(),
): Promise<Judged> {
  const chain = createFakeChain();
  scriptStandards(chain, scenario);
  const findings = await standards.findings(rpcOf(chain), { chainId: CHAIN, tokens: touchedTokens({ intent }), user: USER, jurisdiction });
  const result = evaluate({
    intent,
    jurisdiction,
    chainId: CHAIN,
    lookupToken: (_c, a) => withFindings(registry[getAddress(a)], findings.get(getAddress(a)), 'TOKEN'),
  });
  return { result, chain };
}

const blocks = (r: ComplianceResult) => r.reasons.filter((x) => x.severity === 'block').map((x) => x.message);

describe('on-chain standards: an acquisition the token refuses is blocked, naming the standard and the check', () => {
  it.each<[string, Scenario, Address, string, string[]]>([
    [
      'ERC-3643, country 840 restricted, US user',
      { restricted: [840] },
      A.t3643,
      'US',
      ['ERC-3643', 'CountryRestrictModule.isCountryRestricted', 'US (840)'],
    ],
    ['ERC-3643, user not verified', { verified: false }, A.t3643, 'DE', ['ERC-3643', 'IdentityRegistry.isVerified', 'not verified']],
    ['ERC-3643, token paused', { paused: true }, A.t3643, 'DE', ['ERC-3643', 'Token.paused']],
    ['ERC-3643, allowed-only DE, FR user', { restricted: [], allowOnly: [276] }, A.t3643, 'FR', ['CountryAllowModule.isCountryAllowed', 'FR (250)']],
    ['ERC-3643, getModules reverts (detection cannot finish)', { modulesRevert: true }, A.t3643, 'DE', ['cannot confirm that residents of DE']],
    [
      'ERC-3643 listing more modules than T-REX allows',
      { extraModules: 30 },
      A.t3643,
      'DE',
      ['cannot confirm that residents of DE', 'checks could not be found'],
    ],
    ['ERC-3643, no country set', {}, A.t3643, '', ['cannot confirm that residents of your country']],
    ['ERC-3643, a country Sharekeep has no numeric code for', {}, A.t3643, 'ZW', ['cannot confirm that residents of ZW']],
    ['ERC-1404, restriction code 1', { code1404: 1 }, A.t1404, 'DE', ['ERC-1404', 'detectTransferRestriction', 'Receiver is not whitelisted']],
    [
      'ERC-1404 that reverts for zero addresses, restriction code 1',
      { code1404: 1, zeroReverts1404: true },
      A.t1404,
      'DE',
      ['ERC-1404', 'Receiver is not whitelisted'],
    ],
    ['ERC-1404, no restriction: its country terms are off-chain', {}, A.t1404, 'DE', ['cannot confirm that residents of DE', 'ERC-1404']],
    ['Ondo-style, checkIsCompliant reverts', { ondoCompliant: false }, A.ondo, 'DE', ['Ondo-GM-style', 'checkIsCompliant', 'not compliant']],
    ['Ondo-style, compliant: country not on chain', {}, A.ondo, 'DE', ['cannot confirm that residents of DE', 'Ondo-GM-style']],
    [
      'Ondo-style, paused by its token pause manager',
      { ondoPaused: true },
      A.ondo,
      'DE',
      ['Ondo-GM-style', 'TokenPauseManager.isTokenPaused', 'paused'],
    ],
    ['Backed-style, sanctioned user', { sanctioned: true }, A.backed, 'DE', ['Backed-style', 'sanctionsList.isSanctioned']],
    ['Backed-style, paused', { backedPaused: true }, A.backed, 'DE', ['Backed-style', 'isPaused', 'paused']],
    ['Backed-style, clean: jurisdiction terms off-chain', {}, A.backed, 'DE', ['Sharekeep cannot confirm that residents of DE may hold this token']],
    ['Dinari-style, blacklisted', { blacklisted: true }, A.dinari, 'DE', ['Dinari-style', 'TransferRestrictor.isBlacklisted']],
    ['Dinari-style, clean: country not on chain', {}, A.dinari, 'DE', ['cannot confirm that residents of DE']],
  ])('%s', async (_name, scenario, token, jurisdiction, words) => {
    const { result } = await judgeOnChain(scenario, buy(token), jurisdiction);
    expect(result.verdict).toBe('block');
    const [message] = blocks(result);
    for (const w of words) expect(message).toContain(w);
  });

  it('a registry token keeps its rule and still gets the chain\'s "no": a sanctioned DE user cannot buy it', async () => {
    const { result } = await judgeOnChain({ sanctioned: true }, buy(A.backed), 'DE', { [A.backed]: REGISTRY_BACKED });
    expect(blocks(result)[0]).toContain('isSanctioned');
  });

  it("a registry security with no rule on record keeps failing closed with the registry's words, even when detected on chain", async () => {
    const noRule = { ...REGISTRY_BACKED, rule: null };
    const { result } = await judgeOnChain({}, buy(A.backed), 'DE', { [A.backed]: noRule });
    expect(blocks(result)[0]).toContain(
      'Sharekeep cannot confirm that residents of DE may hold this token, bTSLA (issued by Backed Assets (JE) Limited): no rule of its issuer is on record',
    );
  });

  it('a registry token the chain does not object to is judged by its registry rule: a US user is refused by the rule', async () => {
    const { result } = await judgeOnChain({}, buy(A.backed), 'US', { [A.backed]: REGISTRY_BACKED });
    expect(blocks(result)[0]).toContain('may not be acquired by residents of US');
  });
});

describe('on-chain standards: the false-block table', () => {
  it.each<[string, Scenario, Intent, string, Record<string, TokenPolicy>?]>([
    ['ERC-3643 restricted for 840, DE user verified', { restricted: [840] }, buy(A.t3643), 'DE'],
    ['ERC-3643 allowed-only DE, DE user', { restricted: [], allowOnly: [276] }, buy(A.t3643), 'DE'],
    ['ERC-3643 restricted for 840, a Crimea-region user of UA checked as 804', { restricted: [840] }, buy(A.t3643), 'UA-43'],
    ['a plain ERC-20, US user', {}, buy(A.plain), 'US'],
    ['a plain ERC-20, DE user', {}, buy(A.plain), 'DE'],
    ['an address with no code', {}, buy(A.eoa), 'US'],
    ['a US user selling the ERC-3643 token (the check is on the receiver)', { restricted: [840] }, sell(A.t3643), 'US'],
    ['a registry Backed-style token, clean on chain, DE user', {}, buy(A.backed), 'DE', { [A.backed]: REGISTRY_BACKED }],
  ])('%s is not blocked', async (_name, scenario, intent, jurisdiction, registry = {}) => {
    const { result } = await judgeOnChain(scenario, intent, jurisdiction, registry);
    expect(blocks(result)).toEqual([]);
  });

  it('plain tokens get no reason at all from the on-chain checks', async () => {
    const { result } = await judgeOnChain({}, buy(A.plain), 'US');
    expect(result).toEqual({ verdict: 'allow', reasons: [] });
  });

  it('a country the identity registry records apart from the declared one is reported', async () => {
    const { result } = await judgeOnChain({ restricted: [840], recordedCountry: 840 }, buy(A.t3643), 'DE');
    const note = result.reasons.find((r) => r.code === 'onchain-country-mismatch');
    expect(note?.message).toContain('records your country as US (840), not DE (276)');
  });
});

describe('on-chain standards: detection is cached, and a request adds one round trip', () => {
  const ALL = [A.t3643, A.t1404, A.ondo, A.backed, A.dinari, A.plain];

  it('detects once per (chain, token); after that a request reads every touched token in exactly one aggregate3', async () => {
    const chain = createFakeChain();
    scriptStandards(chain);
    const standards = createOnchainStandards();
    const ask = () => standards.findings(rpcOf(chain), { chainId: CHAIN, tokens: ALL, user: USER, jurisdiction: 'DE' });
    const first = await ask();
    expect([...first.keys()].sort()).toEqual([A.t3643, A.t1404, A.ondo, A.backed, A.dinari].sort());
    expect(chain.multicalls()).toBeGreaterThan(1);
    const before = chain.calls.length;
    await ask();
    expect(chain.calls.slice(before)).toEqual(['0xcA11bde05977b3631167028862bE2a173976CA11']);
  });

  it('a request touching only plain tokens adds no round trip once they are known', async () => {
    const chain = createFakeChain();
    scriptStandards(chain);
    const standards = createOnchainStandards();
    const ask = () => standards.findings(rpcOf(chain), { chainId: CHAIN, tokens: [A.plain, A.eoa], user: USER, jurisdiction: 'US' });
    expect((await ask()).size).toBe(0);
    const before = chain.calls.length;
    await ask();
    expect(chain.calls.length).toBe(before);
  });

  it('another chain is detected apart', async () => {
    const chain = createFakeChain();
    scriptStandards(chain);
    const standards = createOnchainStandards();
    await standards.findings(rpcOf(chain), { chainId: CHAIN, tokens: [A.t3643], user: USER, jurisdiction: 'DE' });
    const before = chain.multicalls();
    await standards.findings(rpcOf(chain), { chainId: 1, tokens: [A.t3643], user: USER, jurisdiction: 'DE' });
    expect(chain.multicalls() - before).toBeGreaterThan(1);
  });

  it('a node that does not answer the probes leaves the token unchecked (warned about, not blocked) and not cached', async () => {
    const chain = createFakeChain();
    scriptStandards(chain);
    let down = true;
    const standards = createOnchainStandards();
    const rpc = rpcOf(chain, () => down);
    const unknown = await standards.findings(rpc, { chainId: CHAIN, tokens: [A.t3643], user: USER, jurisdiction: 'US' });
    expect(unknown.get(A.t3643)).toMatchObject({ standards: [], unchecked: true });
    const judged = (intent: Intent) =>
      evaluate({ intent, jurisdiction: 'US', chainId: CHAIN, lookupToken: () => undefined, unchecked: [...unknown.keys()] });
    expect(judged(buy(A.t3643))).toMatchObject({ verdict: 'warn', reasons: [expect.objectContaining({ code: 'onchain-unchecked' })] });
    expect(judged(sell(A.t3643)).reasons.map((r) => r.code)).not.toContain('onchain-unchecked');
    down = false;
    const found = await standards.findings(rpc, { chainId: CHAIN, tokens: [A.t3643], user: USER, jurisdiction: 'US' });
    expect(found.get(A.t3643)?.standards).toEqual(['erc3643']);
  });

  it('a detected security whose per-request batch is not answered fails closed', async () => {
    const chain = createFakeChain();
    scriptStandards(chain);
    let down = false;
    const standards = createOnchainStandards();
    const rpc = rpcOf(chain, () => down);
    await standards.findings(rpc, { chainId: CHAIN, tokens: [A.t3643], user: USER, jurisdiction: 'DE' });
    down = true;
    const findings = await standards.findings(rpc, { chainId: CHAIN, tokens: [A.t3643], user: USER, jurisdiction: 'DE' });
    const result = evaluate({
      intent: buy(A.t3643),
      jurisdiction: 'DE',
      chainId: CHAIN,
      lookupToken: (_c, a) => withFindings(undefined, findings.get(getAddress(a)), 'SEC'),
    });
    expect(blocks(result)[0]).toContain('Sharekeep cannot confirm that residents of DE may hold this token');
    expect(blocks(result)[0]).toContain('could not be read');
  });

  it('canTransfer and detectTransferRestriction judge a transfer whose counterparty is known', async () => {
    const chain = createFakeChain();
    scriptStandards(chain, { canTransfer: false, code1404: 1 });
    const standards = createOnchainStandards();
    const to: Address = '0x4444444444444444444444444444444444444444';
    const transfers = [A.t3643, A.t1404].map((token) => ({ token, from: USER, to, amount: 5n }));
    const found = await standards.findings(rpcOf(chain), { chainId: CHAIN, tokens: [A.t3643, A.t1404], user: USER, jurisdiction: 'DE', transfers });
    expect(found.get(A.t3643)?.checks).toContainEqual(expect.objectContaining({ check: 'ModularCompliance.canTransfer', outcome: 'no' }));
    expect(found.get(A.t1404)?.checks).toContainEqual(
      expect.objectContaining({ check: 'detectTransferRestriction', outcome: 'no', detail: 'restriction code 1: "Receiver is not whitelisted"' }),
    );
  });
});

describe('on-chain standards: what the guard asks beside the checks (the sender-holdings rule)', () => {
  const balanceOf = (token: Address) => balanceOfCall(token, USER);

  it('known() lists the tokens of a chain detected as permissioned, without asking the node; plain ones and other chains are left out', async () => {
    const chain = createFakeChain();
    scriptStandards(chain);
    const standards = createOnchainStandards();
    expect(standards.known(CHAIN)).toEqual([]);
    await standards.findings(rpcOf(chain), { chainId: CHAIN, tokens: [A.t3643, A.t1404, A.plain], user: USER, jurisdiction: 'DE' });
    const before = chain.calls.length;
    expect(standards.known(CHAIN).sort()).toEqual([A.t3643, A.t1404].sort());
    expect(standards.known(1)).toEqual([]);
    expect(chain.calls.length).toBe(before);
  });

  it('calls alongside ride in the checks batch (one aggregate3), answered in order; a token with no checks still gets its calls read', async () => {
    const chain = createFakeChain();
    scriptStandards(chain);
    chain.contracts.get(A.plain)!.fns.balanceOf = (() => 7n) as never;
    const standards = createOnchainStandards();
    await standards.findings(rpcOf(chain), { chainId: CHAIN, tokens: [A.t3643, A.plain], user: USER, jurisdiction: 'DE' });
    const before = chain.calls.length;
    const answer = await standards.read(rpcOf(chain), {
      chainId: CHAIN,
      tokens: [A.t3643],
      user: USER,
      jurisdiction: 'DE',
      alongside: [balanceOf(A.plain), balanceOf(A.eoa)],
    });
    expect(chain.calls.slice(before)).toEqual([MULTICALL3]);
    expect(answer.findings.get(A.t3643)?.standards).toEqual(['erc3643']);
    expect(answer.alongside?.map((r) => balanceOfResult(r))).toEqual([7n, null]);
    // With nothing detected among the tokens, the calls alone make the one batch.
    const alone = await standards.read(rpcOf(chain), {
      chainId: CHAIN,
      tokens: [A.plain],
      user: USER,
      jurisdiction: 'DE',
      alongside: [balanceOf(A.plain)],
    });
    expect(alone.alongside?.map((r) => balanceOfResult(r))).toEqual([7n]);
  });

  it('a batch the node does not answer leaves the calls alongside unanswered (undefined), so the guard counts them unread', async () => {
    const chain = createFakeChain();
    scriptStandards(chain);
    const standards = createOnchainStandards();
    let down = false;
    const rpc = rpcOf(chain, () => down);
    await standards.findings(rpc, { chainId: CHAIN, tokens: [A.t3643], user: USER, jurisdiction: 'DE' });
    down = true;
    const answer = await standards.read(rpc, { chainId: CHAIN, tokens: [A.t3643], user: USER, jurisdiction: 'DE', alongside: [balanceOf(A.plain)] });
    expect(answer.alongside).toBeUndefined();
  });
});
