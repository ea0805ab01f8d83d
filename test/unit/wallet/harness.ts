// An in-memory wallet for unit tests: real core, in-memory storage, a scripted node.
import { keccak256, type Hex } from 'viem';
import { createManualClock, createMemoryStore } from '../../../lib/ports/memory';
import type { ProviderEventName } from '../../../lib/provider/protocol';
import type { RegistryData } from '../../../lib/registry';
import { createWallet, type Wallet } from '../../../lib/wallet';

export const TEST_PHRASE = 'test test test test test test test test test test test junk';
export const ACCOUNT_0 = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
export const ACCOUNT_1 = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
export const PASSWORD = 'correct horse battery';
export const SITE = 'https://dapp.example';

export interface FakeNode {
  /** Every call, with the RPC URL it was sent to. */
  calls: { method: string; params: unknown[]; url: string }[];
  sent: Hex[];
  /** Override or add answers per method; `url` tells which configured node was asked. */
  answers: Record<string, (params: unknown[], url: string) => unknown>;
}

export function createFakeNode(chainId = 31337): FakeNode & { transport: (url: string, body: unknown) => Promise<unknown> } {
  const node: FakeNode = { calls: [], sent: [], answers: {} };
  const defaults: Record<string, (params: unknown[], url: string) => unknown> = {
    eth_chainId: () => `0x${chainId.toString(16)}`,
    eth_getTransactionCount: () => '0x0',
    eth_estimateGas: () => '0x5208',
    eth_getBlockByNumber: () => ({ baseFeePerGas: '0x3b9aca00' }),
    eth_maxPriorityFeePerGas: () => '0x3b9aca00',
    eth_gasPrice: () => '0x3b9aca00',
    eth_blockNumber: () => '0x10',
    eth_getTransactionByHash: (params) => (node.sent.some((raw) => keccak256(raw) === params[0]) ? { hash: params[0] } : null),
    eth_sendRawTransaction: (params) => {
      node.sent.push(params[0] as Hex);
      return keccak256(params[0] as Hex);
    },
  };
  return {
    ...node,
    async transport(url, body) {
      const { id, method, params } = body as { id: number; method: string; params: unknown[] };
      node.calls.push({ method, params, url });
      const answer = node.answers[method] ?? defaults[method];
      if (!answer) return { jsonrpc: '2.0', id, error: { code: -32601, message: `method ${method} not found` } };
      try {
        return { jsonrpc: '2.0', id, result: answer(params, url) };
      } catch (err) {
        const e = err as { code?: number; message: string };
        return { jsonrpc: '2.0', id, error: { code: e.code ?? -32000, message: e.message } };
      }
    },
  };
}

export interface TestWallet {
  wallet: Wallet;
  node: ReturnType<typeof createFakeNode>;
  events: { origin: string | null; event: ProviderEventName; data: unknown }[];
  approvalsOpened: number;
  clock: ReturnType<typeof createManualClock>;
  local: ReturnType<typeof createMemoryStore>;
  session: ReturnType<typeof createMemoryStore>;
  request(method: string, params?: unknown, origin?: string): Promise<unknown>;
  /** Waits for the next pending approval and returns it. */
  nextApproval(): Promise<ReturnType<Wallet['approvals']['list']>[number]>;
}

export async function createTestWallet(
  options: {
    onboard?: boolean;
    jurisdiction?: string;
    stores?: { local: ReturnType<typeof createMemoryStore>; session: ReturnType<typeof createMemoryStore> };
    /** The node of a wallet before a restart: the chain outlives the worker. */
    node?: ReturnType<typeof createFakeNode>;
    /** The registry the wallet loads; none by default. */
    registry?: RegistryData;
    /** The phishing list file the wallet loads on its first connect request; none by default. */
    loadPhishingList?: () => Promise<unknown>;
  } = {},
): Promise<TestWallet> {
  const node = options.node ?? createFakeNode();
  const local = options.stores?.local ?? createMemoryStore();
  const session = options.stores?.session ?? createMemoryStore();
  const clock = createManualClock();
  const harness = { events: [] as TestWallet['events'], approvalsOpened: 0 };
  const wallet = createWallet({
    local,
    session,
    clock,
    rpc: node.transport,
    openApproval: async () => {
      harness.approvalsOpened++;
    },
    emit: (origin, event, data) => harness.events.push({ origin, event, data }),
    stateChanged: () => undefined,
    loadRegistry: async () => options.registry ?? { issuers: [], tokens: [] },
    loadPhishingList: options.loadPhishingList,
    kdfIterations: 1000,
    initialSettings: { activeChainId: 31337 },
  });
  if (options.onboard !== false && !options.stores) {
    await wallet.keys.createFromMnemonic(TEST_PHRASE, PASSWORD);
    await wallet.settings.update({ jurisdiction: options.jurisdiction ?? 'DE' });
  }
  const t: TestWallet = {
    wallet,
    node,
    get events() {
      return harness.events;
    },
    get approvalsOpened() {
      return harness.approvalsOpened;
    },
    clock,
    local,
    session,
    request: (method, params, origin = SITE) => wallet.handleProviderRequest({ origin }, params === undefined ? { method } : { method, params }),
    async nextApproval() {
      for (let i = 0; i < 200; i++) {
        const [first] = wallet.approvals.list();
        if (first) return first;
        await new Promise((r) => setTimeout(r, 5));
      }
      throw new Error('no approval was requested');
    },
  };
  return t;
}

/** Connects SITE with account 0 through a real approval. */
export async function connect(t: TestWallet, origin = SITE): Promise<string[]> {
  const pending = t.request('eth_requestAccounts', undefined, origin);
  const approval = await t.nextApproval();
  t.wallet.approvals.decide(approval.id, { approved: true });
  return (await pending) as string[];
}
