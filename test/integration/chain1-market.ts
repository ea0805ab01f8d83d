// A local anvil that says it is Ethereum (chain id 1), with code at the real addresses the store
// build's bundled registry names, for tests that run that registry (not the devnet's) as a user
// on Ethereum would. See portfolio-chain1-store-registry.test.ts for what is placed and why.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { type Address, concat, encodeAbiParameters, erc20Abi, getAddress, type Hex, keccak256, maxUint256, pad, zeroAddress } from 'viem';
import { type AnvilProcess, startAnvil } from '../../devnet/anvil.ts';
import { devnetMnemonic, feePerPeriod, feePeriodSeconds } from '../../devnet/catalog.ts';
import { createDevnetClient, createSender, type Sender, sendTransaction } from '../../devnet/chain.ts';
import { type Artifacts, compileContracts } from '../../devnet/compile.ts';
import { loadNpmArtifacts } from '../../devnet/npm-artifacts.ts';
import { reservePort } from '../../devnet/ports.ts';
import { createUiApi } from '../../lib/commands';
import type { PortfolioView, TokenDetailView } from '../../lib/holdings';
import { MULTICALL3_ADDRESS } from '../../lib/portfolio/index.ts';
import { systemClock } from '../../lib/ports';
import { createMemoryStore } from '../../lib/ports/memory';
import {
  createRegistry,
  mergeRegistryData,
  newTokenTopic,
  type RegistryData,
  type Token,
  UNISWAP_V3_FEES,
  unpackRegistry,
} from '../../lib/registry/index.ts';
import { createWallet } from '../../lib/wallet';

const ROOT = join(import.meta.dirname, '../..');
export const storeRegistry = unpackRegistry(JSON.parse(readFileSync(join(ROOT, 'lib/registry/data/registry.json'), 'utf8')));
export const bundled = createRegistry(storeRegistry);
const real = (symbol: string): Token => {
  const token = bundled.tokensOnChain(1).find((t) => t.symbol === symbol);
  if (!token) throw new Error(`the store registry has no ${symbol} on Ethereum`);
  return token;
};
export const TSLAX = real('TSLAx');
export const TSLAON = real('TSLAon');
export const AAPLX = real('AAPLx');
export const NVDAX = real('NVDAx');

export const E18 = 10n ** 18n;
export const TSLA_USD = 250n * 10n ** 8n;
export const SPLIT = 2n * E18; // TSLAx's multiplier after a 2-for-1 split
export const SVALUE = 1_023_400_000_000_000_000n; // TSLAon: 1.0234 shares per token
/** TSLAon's own price (Chainlink's total-return feed: the share price times sValue), 8 decimals. */
export const TSLAON_USD = (250n * 10n ** 8n * SVALUE) / 10n ** 18n;
const AAPL_POOL_PRICE = 200n; // USDC per AAPLx in the V3 pool
export const POOL_FEE = 3000;

let anvil: AnvilProcess;
let own: Artifacts;
const npm = loadNpmArtifacts();
let client: ReturnType<typeof createDevnetClient>;
let deployer: Sender;
let user: Address;

export async function rpc<T>(method: string, params: unknown[] = []): Promise<T> {
  const response = await fetch(anvil.rpcUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
  });
  const body = (await response.json()) as { result?: T; error?: { message: string } };
  if (body.error) throw new Error(`${method}: ${body.error.message}`);
  return body.result as T;
}

/** Puts a deployed contract's code and storage at `target` (anvil_setCode, anvil_setStorageAt). */
async function moveTo(deployed: Address, target: string): Promise<Address> {
  const dump = await rpc<Hex>('anvil_dumpState');
  const state = JSON.parse(gunzipSync(Buffer.from(dump.slice(2), 'hex')).toString()) as {
    accounts: Record<string, { code: Hex; storage: Record<Hex, Hex> }>;
  };
  const account = state.accounts[deployed.toLowerCase()] ?? state.accounts[deployed];
  if (!account) throw new Error(`no state for ${deployed}`);
  await rpc('anvil_setCode', [target, account.code]);
  for (const [slot, value] of Object.entries(account.storage)) await rpc('anvil_setStorageAt', [target, slot, value]);
  return target as Address;
}

const deployFeed = (decimals: number, description: string, answer: bigint) =>
  deployer.deploy(description, own.DevnetAggregator, [deployer.address, decimals, description, answer]);

async function multiplierStockAt(token: Token, blocklist: Address): Promise<Address> {
  const template = await deployer.deploy(token.symbol, own.MultiplierStock, [
    token.name,
    token.symbol,
    deployer.address,
    blocklist,
    feePerPeriod,
    feePeriodSeconds,
  ]);
  return moveTo(template, token.address);
}

export const currentMultiplier = async (address: Address) =>
  ((await client.readContract({ address, abi: own.MultiplierStock.abi, functionName: 'getCurrentMultiplier' })) as readonly bigint[])[0];
export const balanceOf = (token: string, account: Address) =>
  client.readContract({ address: token as Address, abi: erc20Abi, functionName: 'balanceOf', args: [account] });

/** Integer square root (floor), for sqrtPriceX96. */
function sqrt(value: bigint): bigint {
  if (value < 2n) return value;
  let x = value;
  let y = (x + 1n) / 2n;
  while (y < x) {
    x = y;
    y = (x + value / x) / 2n;
  }
  return x;
}

/** Uniswap V3 from its npm builds, and a full-range AAPLx / USDC pool at $200 holding $200,000 of USDC. */
async function openAaplPool(usdc: Address) {
  const factory = await deployer.deploy('UniswapV3Factory', npm.UniswapV3Factory);
  const weth = await deployer.deploy('WETH9', npm.WETH9);
  const manager = await deployer.deploy('NonfungiblePositionManager', npm.NonfungiblePositionManager, [factory, weth, zeroAddress]);
  const shares = 1_000n * E18;
  const quote = 1_000n * AAPL_POOL_PRICE * 10n ** 6n;
  const tokenIsToken0 = AAPLX.address.toLowerCase() < usdc.toLowerCase();
  const [token0, token1] = tokenIsToken0 ? [AAPLX.address as Address, usdc] : [usdc, AAPLX.address as Address];
  const [amount0, amount1] = tokenIsToken0 ? [shares, quote] : [quote, shares];
  await deployer.write(AAPLX.address as Address, own.MultiplierStock.abi, 'mint', [deployer.address, shares]);
  await deployer.write(usdc, own.DevnetUSDC.abi, 'mint', [deployer.address, quote]);
  await deployer.write(AAPLX.address as Address, own.MultiplierStock.abi, 'approve', [manager, maxUint256]);
  await deployer.write(usdc, own.DevnetUSDC.abi, 'approve', [manager, maxUint256]);
  const sqrtPriceX96 = sqrt((amount1 << 192n) / amount0);
  await deployer.write(manager, npm.NonfungiblePositionManager.abi, 'createAndInitializePoolIfNecessary', [token0, token1, POOL_FEE, sqrtPriceX96]);
  const { timestamp } = await client.getBlock();
  await deployer.write(manager, npm.NonfungiblePositionManager.abi, 'mint', [
    {
      token0,
      token1,
      fee: POOL_FEE,
      tickLower: -887_220,
      tickUpper: 887_220,
      amount0Desired: amount0,
      amount1Desired: amount1,
      amount0Min: 0n,
      amount1Min: 0n,
      recipient: deployer.address,
      deadline: timestamp + 3600n,
    },
  ]);
  const pool = (await client.readContract({
    address: factory,
    abi: npm.UniswapV3Factory.abi,
    functionName: 'getPool',
    args: [AAPLX.address, usdc, POOL_FEE],
  })) as Address;
  return { factory, pool };
}

export interface Chain1 {
  /** The anvil's JSON-RPC URL on 127.0.0.1. */
  rpcUrl: string;
  client: ReturnType<typeof createDevnetClient>;
  user: Address;
  stop(): Promise<void>;
  feeds: { tslaUsd: Address; tslaxReserve: Address; tslaonSValue: Address; tslaonUsd: Address };
  usdc: Address;
  pool: Address;
  scheduledAt: bigint;
  overlay: RegistryData;
}
/** Starts the chain-1 anvil and places the market at the real addresses; `stop()` ends it. */
export async function startChain1Market(): Promise<Chain1> {
  own = compileContracts();
  anvil = await startAnvil(await reservePort(0, 'chain-1 anvil'), true, { chainId: 1, extraArgs: ['--disable-block-gas-limit'] });
  client = createDevnetClient(anvil.rpcUrl);
  const [first] = await rpc<Address[]>('eth_accounts');
  user = getAddress(first);
  deployer = await createSender(client, first);
  await rpc('anvil_setCode', [MULTICALL3_ADDRESS, own.Multicall3.deployedBytecode]);
  const blocklist = await deployer.deploy('blocklist', own.Blocklist, [deployer.address]);

  // TSLAx: 10 shares, a 2-for-1 split applied, a further change scheduled a week out.
  const tslax = await multiplierStockAt(TSLAX, blocklist);
  await deployer.write(tslax, own.MultiplierStock.abi, 'mint', [user, 10n * E18]);
  await deployer.write(tslax, own.MultiplierStock.abi, 'updateMultiplierValue', [SPLIT, await currentMultiplier(tslax), 0n]);
  const { timestamp } = await client.getBlock();
  const scheduledAt = timestamp + 7n * 86_400n;
  await deployer.write(tslax, own.MultiplierStock.abi, 'updateMultiplierValue', [(SPLIT * 101n) / 100n, await currentMultiplier(tslax), scheduledAt]);

  // TSLAon: 5 tokens, worth 1.0234 shares each by its oracle.
  const tslaon = await moveTo(
    await deployer.deploy('TSLAon', own.OracleStock, [TSLAON.name, TSLAON.symbol, deployer.address, blocklist]),
    TSLAON.address,
  );
  await deployer.write(tslaon, own.OracleStock.abi, 'mint', [user, 5n * E18]);

  // AAPLx: 3 shares held, priced only by its V3 pool. NVDAx: 4 shares, its feed does not answer.
  await multiplierStockAt(AAPLX, blocklist);
  await deployer.write(AAPLX.address as Address, own.MultiplierStock.abi, 'mint', [user, 3n * E18]);
  await multiplierStockAt(NVDAX, blocklist);
  await deployer.write(NVDAX.address as Address, own.MultiplierStock.abi, 'mint', [user, 4n * E18]);
  const usdc = await deployer.deploy('USDC', own.DevnetUSDC, [deployer.address]);
  const { factory, pool } = await openAaplPool(usdc);

  const supply = await client.readContract({ address: tslax, abi: erc20Abi, functionName: 'totalSupply' });
  const feeds = {
    tslaUsd: await deployFeed(8, 'TSLA / USD', TSLA_USD),
    // Reserves of 98% of the supply, in shares with 8 decimals.
    tslaxReserve: await deployFeed(8, 'TSLAx Proof of Reserves', (supply * 98n) / 100n / 10n ** 10n),
    tslaonSValue: await deployFeed(18, 'TSLAon multiplier', SVALUE),
    tslaonUsd: await deployFeed(8, 'TSLAon-USD (Calculated)', TSLAON_USD),
  };
  // TSLAx's share price comes from the feed the bundled registry names (Chainlink's TSLA / USD on
  // Ethereum, unverified there): the same aggregator is placed at that real address. NVDAx's bundled
  // NVDA / USD feed is left without code, as a feed that does not answer.
  const bundledTslaUsd = TSLAX.feeds?.price?.address;
  if (!bundledTslaUsd || !NVDAX.feeds?.price) throw new Error('the bundled registry no longer names the TSLA and NVDA feeds on Ethereum');
  await moveTo(feeds.tslaUsd, bundledTslaUsd);
  // TSLAon's own price comes from the token-price feed the bundled registry names, placed likewise.
  const bundledTslaonUsd = TSLAON.feeds?.tokenPrice?.address;
  if (!bundledTslaonUsd) throw new Error("the bundled registry no longer names TSLAon's token-price feed");
  await moveTo(feeds.tslaonUsd, bundledTslaonUsd);
  // The other feeds are this test's own aggregators, confirmed by no primary source: marked unverified,
  // as the registry marks a feed whose address it could not confirm, so the wallet must say so.
  const testFeed = (address: Address) => ({ address, source: 'devnet:chain-1-anvil', verified: false });
  const overlay: RegistryData = {
    issuers: [],
    tokens: [
      { ...TSLAX, feeds: { ...TSLAX.feeds, reserve: testFeed(feeds.tslaxReserve) } },
      { ...TSLAON, feeds: { ...TSLAON.feeds, multiplierOracle: testFeed(feeds.tslaonSValue) } },
    ],
    dexes: [
      {
        chainId: 1,
        source: 'devnet:chain-1-anvil',
        verified: false,
        uniswapV3: { factory, poolInitCodeHash: keccak256(npm.UniswapV3Pool.bytecode), fees: [...UNISWAP_V3_FEES] },
        quotes: [{ address: usdc, symbol: 'USDC', decimals: 6, usd: { kind: 'stable' } }],
      },
    ],
  };
  return { rpcUrl: anvil.rpcUrl, client, user, stop: () => anvil.stop(), feeds, usdc, pool, scheduledAt, overlay };
}

/**
 * Stands in for the xStocks factory at its real address: REFERENCE.md sources only its event,
 * NewToken(address indexed newToken, string name, string symbol), not how it creates a token, so
 * this runtime only emits that event, for the word and the ABI-encoded strings it is called with.
 */
const NEW_TOKEN_EMITTER = `0x${[
  '36',
  '6020',
  '90',
  '03', // len = calldatasize - 32
  '80',
  '6020',
  '6000',
  '37', // memory[0..len] = calldata[32..]
  '6000',
  '35',
  '90', // the first word: the new token
  `7f${newTokenTopic().slice(2)}`,
  '90',
  '6000',
  'a2', // LOG2(0, len, NewToken, token)
  '00',
].join('')}` as Hex;

/** A new xStock after the release: a MultiplierStock at `address`, `amount` of it for the user, announced by the factory. */
export async function listNewXStock(address: string, name: string, symbol: string, amount: bigint): Promise<void> {
  const factory = bundled.data.issuers.find((i) => i.id === 'xstocks')?.contracts.find((c) => c.chainId === 1 && c.role === 'factory');
  if (!factory) throw new Error('the store registry lists no xStocks factory on Ethereum');
  await rpc('anvil_setCode', [factory.address, NEW_TOKEN_EMITTER]);
  const blocklist = await deployer.deploy('blocklist', own.Blocklist, [deployer.address]);
  const template = await deployer.deploy(symbol, own.MultiplierStock, [name, symbol, deployer.address, blocklist, feePerPeriod, feePeriodSeconds]);
  await moveTo(template, address);
  await deployer.write(address as Address, own.MultiplierStock.abi, 'mint', [user, amount]);
  const data = concat([pad(address as Hex), encodeAbiParameters([{ type: 'string' }, { type: 'string' }], [name, symbol])]);
  await sendTransaction(client, { from: deployer.address, to: factory.address as Address, data }, `NewToken ${symbol}`, []);
}

/** The wallet core with the store registry plus the overlay, on chain 1 served by this anvil, as the popup talks to it. */
export async function popupOnChain1(chain: Chain1) {
  const waiting: (() => void)[] = [];
  const wallet = createWallet({
    local: createMemoryStore(),
    session: createMemoryStore(),
    clock: systemClock,
    // Only this machine's anvil answers: the other built-in networks the portfolio also reads are
    // refused here, never asked over the internet, and count as chains that failed.
    rpc: async (url, body) => {
      if (url !== anvil.rpcUrl) throw new Error(`no network beyond the local anvil (${new URL(url).host})`);
      return (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json();
    },
    openApproval: async () => undefined,
    emit: () => undefined,
    stateChanged: () => {
      for (const resolve of waiting.splice(0)) resolve();
    },
    loadRegistry: async () => mergeRegistryData(storeRegistry, chain.overlay),
    kdfIterations: 1000,
    initialSettings: { activeChainId: 1, rpcOverrides: { 1: anvil.rpcUrl } },
  });
  await wallet.keys.createFromMnemonic(devnetMnemonic, 'correct horse battery');
  await wallet.settings.update({ jurisdiction: 'DE' });
  const ui = createUiApi(wallet, { schedule: () => undefined }, systemClock);
  return {
    refresh: async () => ((await ui.handle('portfolio.refresh', { force: true })) as { view: PortfolioView }).view,
    detail: (token: Pick<Token, 'address'>) => ui.handle('portfolio.detail', { chainId: 1, address: token.address }) as Promise<TokenDetailView>,
    /** Resolves at the wallet's next state-changed event (the pages' cue to read again). */
    nextChange: () => new Promise<void>((resolve) => waiting.push(resolve)),
  };
}
