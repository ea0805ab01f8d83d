// The four places that ask the jurisdiction rule (the signing verdict, the token detail, an
// in-wallet send and the issuer flow) give the same answer for the same token and country,
// in the same words. And the bundled registry refuses a US resident's Uniswap buy of TSLAon.
import { type Address, encodeFunctionData, getAddress, parseAbi } from 'viem';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../lib/compliance';
import { buildTokenDetail } from '../../../lib/holdings/detail';
import { decodeTransaction } from '../../../lib/intent';
import { emptyCorporateActions } from '../../../lib/portfolio';
import { createIssuerService } from '../../../lib/issuers';
import { createManualClock } from '../../../lib/ports/memory';
import { createRegistry, loadBundledRegistry, registryFromDevnet, type Token } from '../../../lib/registry';
import { createTokenLookup } from '../../../lib/tokens/token-lookup';

const CHAIN = 31337;
const USER: Address = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
const FRIEND: Address = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const ROUTER: Address = '0x7a250d5630B4cF539739dF2C5dAcb4c659F2488D';
const USDC: Address = '0x5FbDB2315678afecb367f032d93F642f64180aa3';
const MANAGER: Address = '0x67f65B834aaAc92C15c2EBa9FF7E81f2d33a1cFD';
const at = (n: number) => getAddress(`0x${n.toString(16).padStart(40, '0')}`);
const TOKENS = { TSLAx: at(0xa1), NVDAon: at(0xa2), AMZNr: at(0xa3), QQQr: at(0xa4), PLAIN: at(0xb1) } as const;

const stock = (symbol: string, address: string, structure: 'multiplier' | 'oracle-multiplier' | 'erc3643', extra = {}) => ({
  symbol,
  name: `${symbol} (test)`,
  address,
  decimals: 18,
  structure,
  issuer: 'attest',
  underlying: { ticker: symbol.slice(0, 4), name: symbol },
  ...extra,
});
const registry = createRegistry(
  registryFromDevnet({
    chainId: CHAIN,
    tokens: [
      stock('TSLAx', TOKENS.TSLAx, 'multiplier'), // devnet xStocks-style terms: US may not acquire
      stock('NVDAon', TOKENS.NVDAon, 'oracle-multiplier'), // devnet Ondo-style terms, with regions of Ukraine
      stock('AMZNr', TOKENS.AMZNr, 'erc3643', { restrictions: { excluded: ['US'] } }), // no dealing in the US
      stock('QQQr', TOKENS.QQQr, 'erc3643'), // a security with no rule on record
    ],
    issuers: [{ id: 'attest', name: 'Devnet Attest', origin: 'http://127.0.0.1:8787', kind: 'attestation', contracts: [MANAGER] }],
  }),
);
const tokens = createTokenLookup(
  () => registry,
  () => [],
);

const abi = parseAbi([
  'function swapExactTokensForTokens(uint256 amountIn, uint256 amountOutMin, address[] path, address to, uint256 deadline)',
  'function transfer(address to, uint256 amount)',
]);
const buy = (token: Address, chainId = CHAIN) =>
  decodeTransaction({
    from: USER,
    to: ROUTER,
    chainId,
    data: encodeFunctionData({ abi, functionName: 'swapExactTokensForTokens', args: [10n ** 6n, 1n, [USDC, token], USER, 2n ** 40n] }),
  });
const send = (token: Address) =>
  decodeTransaction({ from: USER, to: token, chainId: CHAIN, data: encodeFunctionData({ abi, functionName: 'transfer', args: [FRIEND, 1n] }) });

function issuerFlow(jurisdiction: string | undefined) {
  return createIssuerService({
    ready: async () => undefined,
    registry: () => registry,
    rpc: async () => {
      throw new Error('the issuer options read nothing from chain');
    },
    activeChainId: async () => CHAIN,
    jurisdiction: async () => jurisdiction,
    policy: (chainId, address) => tokens.policy(chainId, address),
    signer: async () => USER,
    approvePlan: async () => {
      throw new Error('nothing is submitted here');
    },
    sendStep: async () => {
      throw new Error('nothing is submitted here');
    },
    clock: createManualClock(),
  });
}

const plain: Token = {
  chainId: CHAIN,
  address: TOKENS.PLAIN,
  symbol: 'PLAIN',
  name: 'Plain token',
  decimals: 18,
  issuer: 'nobody',
  kind: 'stock',
  underlying: null as never,
  corporateActions: 'none',
  verified: false,
};
function detailOf(address: Address, jurisdiction: string | undefined) {
  const token = registry.findToken(CHAIN, address) ?? plain;
  const corporateActions = emptyCorporateActions();
  return buildTokenDetail({
    token,
    registry,
    jurisdiction,
    account: undefined,
    readings: null,
    corporateActions,
    dividendCurrencies: [],
    priceHistory: { status: 'no-feed' },
    nowMs: 0,
  });
}

const CASES = Object.entries(TOKENS).flatMap(([symbol, address]) =>
  ['US', 'DE', 'UA', 'UA-43', 'CN', undefined].map((jurisdiction) => ({ symbol, address, jurisdiction })),
);

describe('the four callers of the jurisdiction rule agree', () => {
  it.each(CASES)('$symbol for a resident of $jurisdiction', async ({ symbol, address, jurisdiction }) => {
    const { restriction } = detailOf(address, jurisdiction);
    const signing = evaluate({ intent: buy(address), jurisdiction, chainId: CHAIN, lookupToken: tokens.policy });
    const sending = evaluate({ intent: send(address), jurisdiction, chainId: CHAIN, lookupToken: tokens.policy });
    const issuer = await issuerFlow(jurisdiction).options(CHAIN, address);

    const signingBlock = signing.reasons.find((r) => r.severity === 'block');
    expect(signing.verdict === 'block', 'signing verdict').toBe(!restriction.allowed);
    // The issuer mints every registry token here; a token outside the registry has no issuer to ask.
    expect(issuer.mint).toBe(symbol !== 'PLAIN');
    expect(issuer.blocked.mint !== undefined, 'issuer mint').toBe(!restriction.allowed);
    if (!restriction.allowed) {
      expect(signingBlock?.message.startsWith(restriction.message)).toBe(true);
      expect(signingBlock?.source).toBe(restriction.source);
      expect(issuer.blocked.mint?.startsWith(restriction.message)).toBe(true);
    }
    // A send trades nothing, so it is never refused; it warns exactly when the rule covers the sender.
    expect(sending.verdict).not.toBe('block');
    const sendWarning = sending.reasons.find((r) => r.code === 'restricted-token-transfer');
    expect(sendWarning !== undefined, 'send warning').toBe(restriction.standing === 'covered');
    if (sendWarning) expect(sendWarning.message.startsWith(restriction.message)).toBe(true);
  });

  it.each([
    ['TSLAx', 'US', false],
    ['TSLAx', 'DE', true],
    ['NVDAon', 'UA-43', false],
    ['NVDAon', 'UA', false],
    ['NVDAon', 'UA-30', true],
    ['AMZNr', 'US', false],
    ['QQQr', 'DE', false],
    ['PLAIN', 'US', true],
  ] as const)('and what they agree on is the rule: %s in %s may be acquired: %s', (symbol, jurisdiction, allowed) => {
    expect(detailOf(TOKENS[symbol], jurisdiction).restriction.allowed).toBe(allowed);
  });
});

describe('the bundled registry', () => {
  it("refuses a US resident's Uniswap buy of TSLAon, quoting Ondo's eligibility page; allows a German one", async () => {
    const bundled = createRegistry(await loadBundledRegistry());
    const lookup = createTokenLookup(
      () => bundled,
      () => [],
    );
    const tsla = bundled.tokensOnChain(1).find((t) => t.symbol === 'TSLAon')!;
    const us = evaluate({ intent: buy(getAddress(tsla.address), 1), jurisdiction: 'US', chainId: 1, lookupToken: lookup.policy });
    expect(us.verdict).toBe('block');
    expect(us.reasons.find((r) => r.severity === 'block')).toMatchObject({
      code: 'restricted-token',
      message: expect.stringMatching(/^TSLAon \(issued by Ondo Global Markets\) may not be acquired or redeemed by residents of US\./),
      source: 'https://docs.ondo.finance/ondo-global-markets/eligibility',
    });
    const de = evaluate({ intent: buy(getAddress(tsla.address), 1), jurisdiction: 'DE', chainId: 1, lookupToken: lookup.policy });
    expect(de.verdict).not.toBe('block');
  });
});
