// Portfolio bench rows: a refresh for 10 accounts x every registry token on the 7 built-in public
// chains, against one local anvil standing in for all of them (each chain its own RPC URL, a proxy
// that answers eth_chainId with that chain's id; every registry token and feed address on every chain
// given a tiny runtime that answers every view like an ERC-20 or a feed; Multicall3 at its canonical
// address): how many RPC requests each chain takes and how long the refresh takes, against one raw
// eth_call of the same batch per chain (all chains at once, through the same proxies); then the
// popup's time to its first portfolio row with that portfolio cached.
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { compileContracts } from '../../devnet/compile.ts';
import { anvilBinary } from '../../devnet/paths.ts';
import { reservePort } from '../../devnet/ports.ts';
import { BUILT_IN_NETWORKS } from '../../lib/chains/index.ts';
import { buildPortfolioCalls, encodeAggregate3Compact, MULTICALL3_ADDRESS } from '../../lib/portfolio/index.ts';
import { createMemoryStore } from '../../lib/ports/memory.ts';
import { systemClock } from '../../lib/ports/index.ts';
import { createRegistry, unpackRegistry } from '../../lib/registry/index.ts';
import { createUiApi } from '../../lib/commands/index.ts';
import { createWallet } from '../../lib/wallet/index.ts';
import { launchChromium } from '../../test/e2e/support/chromium.ts';
import { type ChainProxy, startChainProxiesProcess } from './chain-proxies.ts';
import { type BenchRow, median, round } from './stats.ts';

const ROOT = join(import.meta.dirname, '../..');
const PHRASE = 'test test test test test test test test test test test junk';
const PASSWORD = 'bench password 1';
const ACCOUNTS = 10;
const RUNS = 10;
const POPUP_OPENS = 10;

/**
 * Runtime code that answers any call with five words of 8: balanceOf, totalSupply, multiplier
 * and decimals read 8; latestRoundData reads (8, 8, 8, 8, 8), so every account holds every token.
 */
const ANSWER_EIGHTS = `0x${[0, 0x20, 0x40, 0x60, 0x80].map((at) => `6008${`60${at.toString(16).padStart(2, '0')}`}52`).join('')}60a06000f3`;

async function startChainOne(): Promise<{ url: string; child: ChildProcess }> {
  const port = await reservePort(0, 'bench anvil');
  const args = [
    '--host',
    '127.0.0.1',
    '--port',
    String(port),
    '--chain-id',
    '1',
    '--disable-block-gas-limit',
    '--code-size-limit',
    '1000000',
    '--silent',
  ];
  const child = spawn(anvilBinary, args, { stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 400; i++) {
    if (
      await rpc(url, 'eth_chainId').then(
        () => true,
        () => false,
      )
    )
      return { url, child };
    await new Promise((r) => setTimeout(r, 25));
  }
  child.kill('SIGKILL');
  throw new Error('bench: anvil did not start');
}

let nextId = 1;
async function rpc(url: string, method: string, params: unknown[] = []): Promise<unknown> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: nextId++, method, params }),
  });
  const body = (await res.json()) as { result?: unknown; error?: { message: string } };
  if (body.error) throw new Error(body.error.message);
  return body.result;
}

/** The wallet core in Node with a transport that counts requests, every chain served by its proxy to the local anvil. */
async function nodeWallet(proxies: readonly ChainProxy[], registryJson: unknown) {
  const counted: { url: string; method: string }[] = [];
  const local = createMemoryStore();
  const wallet = createWallet({
    local,
    session: createMemoryStore(),
    clock: systemClock,
    rpc: async (endpoint, body) => {
      counted.push({ url: endpoint, method: (body as { method: string }).method });
      return (await fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json();
    },
    openApproval: async () => undefined,
    emit: () => undefined,
    stateChanged: () => undefined,
    loadRegistry: async () => unpackRegistry(registryJson as never),
    kdfIterations: 1000,
    initialSettings: { activeChainId: 1, rpcOverrides: Object.fromEntries(proxies.map((p) => [p.chainId, p.url])) },
  });
  await wallet.keys.createFromMnemonic(PHRASE, PASSWORD);
  for (let i = 1; i < ACCOUNTS; i++) await wallet.keys.addAccount();
  const ui = createUiApi(wallet, { schedule: () => undefined }, systemClock);
  const accounts = (await wallet.keys.listAccounts()).map((a) => a.address);
  return { ui, local, counted, accounts, wallet };
}

/** Sends one UI command from an extension page over the wallet's port. */
function uiCall(page: Page, method: string, params: Record<string, unknown> = {}) {
  return page.evaluate(
    ([m, p]) =>
      new Promise((resolve, reject) => {
        const port = (
          globalThis as unknown as {
            chrome: {
              runtime: {
                connect(o: { name: string }): {
                  postMessage(x: unknown): void;
                  disconnect(): void;
                  onMessage: { addListener(f: (x: { result?: unknown; error?: { message: string } }) => void): void };
                };
              };
            };
          }
        ).chrome.runtime.connect({ name: 'sharekeep:ui' });
        port.onMessage.addListener((msg) => {
          port.disconnect();
          if (msg.error) reject(new Error(msg.error.message));
          else resolve(msg.result);
        });
        port.postMessage({ id: 1, method: m, params: p });
      }),
    [method, params] as const,
  );
}

/** Milliseconds from navigation to the frame after the first portfolio row entered the DOM. */
const FIRST_ROW_PROBE = `new MutationObserver((_, observer) => {
  if (!document.querySelector('[data-testid="portfolio-row"]')) return;
  observer.disconnect();
  requestAnimationFrame(() => { window.__firstRowAt = performance.now(); });
}).observe(document, { childList: true, subtree: true });`;

async function popupFirstRow(
  proxies: readonly ChainProxy[],
  snapshots: Record<string, unknown>,
  extensionDir?: string,
): Promise<{ first: number; cached: number }> {
  const wallet = await launchChromium(extensionDir);
  try {
    const setup = await wallet.context.newPage();
    await setup.goto(wallet.extensionUrl('popup.html#/settings'));
    await uiCall(setup, 'onboarding.create', { secret: PHRASE, password: PASSWORD, jurisdiction: 'DE' });
    for (let i = 1; i < ACCOUNTS; i++) await uiCall(setup, 'accounts.add');
    for (const p of proxies) await uiCall(setup, 'network.setRpcUrl', { chainId: p.chainId, rpcUrl: p.url });
    await wallet.serviceWorker.evaluate(
      (entries) =>
        (globalThis as unknown as { chrome: { storage: { local: { set(x: unknown): Promise<void> } } } }).chrome.storage.local.set(entries),
      snapshots,
    );
    await setup.close();
    await wallet.context.addInitScript(FIRST_ROW_PROBE);
    const times: number[] = [];
    for (let i = 0; i < POPUP_OPENS + 1; i++) {
      const page = await wallet.context.newPage();
      await page.goto(wallet.extensionUrl('popup.html'));
      await page.waitForFunction(() => (window as unknown as { __firstRowAt?: number }).__firstRowAt !== undefined, undefined, { timeout: 30_000 });
      times.push(await page.evaluate(() => (window as unknown as { __firstRowAt: number }).__firstRowAt));
      await page.close();
    }
    // The first open has no page-side mirror yet: it paints from the background's storage.local snapshot.
    return { first: times[0], cached: median(times.slice(1)) };
  } finally {
    await wallet.close();
  }
}

/** `extensionDir`: a Chrome build of the extension (.output/chrome-mv3 by default). */
export async function measurePortfolio(extensionDir?: string): Promise<BenchRow[]> {
  const registryJson = JSON.parse(readFileSync(join(ROOT, 'lib/registry/data/registry.json'), 'utf8'));
  const registry = createRegistry(unpackRegistry(registryJson));
  const networks = BUILT_IN_NETWORKS.filter((n) => n.chainId !== 31337);
  const chains = networks.map((n) => ({
    chainId: n.chainId,
    name: n.name,
    tokens: registry.tokensOnChain(n.chainId),
    dex: registry.dexOn(n.chainId),
  }));
  const tokens = chains.flatMap((c) => c.tokens);
  const { url, child } = await startChainOne();
  const { proxies, close } = await startChainProxiesProcess(
    url,
    networks.map((n) => n.chainId),
  );
  try {
    const feeds = tokens
      .flatMap((t) => [t.feeds?.price?.address, t.feeds?.reserve?.address, t.feeds?.multiplierOracle?.address])
      .filter((a): a is string => !!a);
    for (const address of new Set([...tokens.map((t) => t.address), ...feeds].map((a) => a.toLowerCase())))
      await rpc(url, 'anvil_setCode', [address, ANSWER_EIGHTS]);
    await rpc(url, 'anvil_setCode', [MULTICALL3_ADDRESS, compileContracts().Multicall3.deployedBytecode]);
    await rpc(url, 'evm_mine');

    const w = await nodeWallet(proxies, registryJson);
    const proxyOf = (chainId: number) => proxies.find((p) => p.chainId === chainId)!.url;
    const read = chains.filter((c) => c.tokens.length > 0);
    const batches = read.map((c) => {
      // The refresh's batch also carries the chain's DShareFactory reads (getDShares): the raw call carries them too.
      const registry = w.wallet.registry();
      const discovery = registry ? w.wallet.dShareReads(c.chainId) : undefined;
      const { calls } = buildPortfolioCalls(c.tokens, w.accounts, MULTICALL3_ADDRESS, c.dex, undefined, discovery);
      return {
        ...c,
        url: proxyOf(c.chainId),
        calls: calls.length,
        payload: [{ to: MULTICALL3_ADDRESS, data: encodeAggregate3Compact(calls) }, 'latest'],
      };
    });

    const count = async (run: () => Promise<unknown>) => {
      w.counted.length = 0;
      await run();
      return [...w.counted];
    };
    const perChain = (asked: { url: string; method: string }[], chainId: number) =>
      asked.filter((r) => r.url === proxyOf(chainId)).map((r) => r.method);
    const first = await count(() => w.ui.handle('portfolio.refresh', {}));
    const sameBlock = await count(() => w.ui.handle('portfolio.refresh', {}));
    await rpc(url, 'evm_mine');
    const newBlock = await count(() => w.ui.handle('portfolio.refresh', {}));
    const holdings = ((await w.ui.handle('portfolio.get', {})) as { view: { accounts: { holdings: unknown[] }[] } }).view.accounts.reduce(
      (n, a) => n + a.holdings.length,
      0,
    );

    // Interleaved so machine load hits both alike; one warm-up of each first. The raw calls go out
    // all at once, one per chain, as the refresh sends its batches. Each measurement starts after a
    // pause, so neither pays for the other's after-work (the wallet's storage write once it answered).
    const raw: number[] = [];
    const refresh: number[] = [];
    const settle = () => new Promise((r) => setTimeout(r, 300));
    for (let i = 0; i <= RUNS; i++) {
      await settle();
      let t = performance.now();
      await Promise.all(batches.map((b) => rpc(b.url, 'eth_call', b.payload)));
      if (i > 0) raw.push(performance.now() - t);
      await settle();
      t = performance.now();
      await w.ui.handle('portfolio.refresh', { force: true, account: w.accounts[0] });
      if (i > 0) refresh.push(performance.now() - t);
    }
    const ratio = median(refresh) / median(raw);
    const dump = w.local.dump();
    const snapshots = Object.fromEntries(Object.entries(dump).filter(([key]) => key.startsWith('portfolio.snapshot.')));
    const popup = await popupFirstRow(proxies, snapshots, extensionDir);

    const most = Math.max(...read.map((c) => perChain(first, c.chainId).length), ...read.map((c) => perChain(newBlock, c.chainId).length));
    const calls = batches.reduce((n, b) => n + b.calls, 0);
    const skipped = chains.filter((c) => c.tokens.length === 0).map((c) => c.name);
    return [
      {
        name: `portfolio refresh: RPC requests per chain, ${ACCOUNTS} accounts x ${tokens.length} registry tokens on ${networks.length} chains (${calls} calls)`,
        value: most,
        unit: 'requests',
        target: '1 or 2',
        ok: most <= 2,
        note: [
          ...batches.map(
            (b) =>
              `${b.name} (${b.tokens.length} tokens): ${perChain(first, b.chainId).join(' + ')}, new block ${perChain(newBlock, b.chainId).join(' + ')}, same block ${perChain(sameBlock, b.chainId).join(' + ')}`,
          ),
          ...(skipped.length > 0 ? [`no registry token, nothing asked: ${skipped.join(', ')}`] : []),
        ].join('; '),
      },
      {
        name: `portfolio refresh time, ${batches.length} chains in parallel (median of 10)`,
        value: round(median(refresh)),
        unit: 'ms',
        note: `${holdings} holdings`,
      },
      { name: 'one raw eth_call of the same batch per chain, all at once (median of 10)', value: round(median(raw)), unit: 'ms' },
      { name: 'portfolio refresh / raw eth_calls', value: round(ratio), unit: 'x', target: '<= 1.3', ok: ratio <= 1.3 },
      {
        name: `popup first portfolio row, ${batches.length} chains cached (median of 10)`,
        value: round(popup.cached),
        unit: 'ms',
        target: '< 150 ms',
        ok: popup.cached < 150,
        note: `first open, from storage.local only: ${round(popup.first)} ms`,
      },
    ];
  } finally {
    await close();
    child.kill('SIGKILL');
  }
}

// `npx tsx scripts/bench/portfolio.ts [chrome build dir]` runs these rows alone (the extension must be built).
if (process.argv[1] && import.meta.filename === process.argv[1]) {
  console.table(await measurePortfolio(process.argv[2]));
}
