// The issuer service over fakes: a recording fetch, a scripted node, and a signing road that
// records the plans it was asked to approve and the steps it was asked to send, instead of opening a window.
import type { Address, Hex } from 'viem';
import type { KeyValueStore } from '../../../lib/ports';
import { createManualClock, createMemoryStore } from '../../../lib/ports/memory';
import { createIssuerService, type IssuerPlan, type IssuerTransaction } from '../../../lib/issuers';
import { createTokenLookup } from '../../../lib/tokens/token-lookup';
import { CHAIN_ID, createFakeChain, createFakeFetch, DINARI_KEYS, ONDO_KEYS, receipt, testRegistry, USER } from './fixtures';

type Sent = { origin: string; tx: IssuerTransaction; hash: Hex }[];
/** The plans the user approved in the (fake) window, with what was sent of each. */
type Plans = { id: string; origin: string; plan: IssuerPlan; sent: Hex[] }[];

/**
 * `shared`: the chain, issuer, sent list and storage of an earlier harness, so a new service
 * over them is that wallet after a worker restart.
 */
export function createHarness(
  options: {
    jurisdiction?: string;
    fetch?: boolean;
    shared?: { chain: ReturnType<typeof createFakeChain>; http: ReturnType<typeof createFakeFetch>; sent: Sent; plans: Plans; store: KeyValueStore };
    /** The signing road never answers (the worker stops while the approval window is open). */
    hang?: boolean;
    /** Sending step `index` of a plan never answers (the worker stops mid-plan). */
    hangStep?: number;
    /** The signing road finds step `index` of plan `id` no longer the one approved (a fee above the cap, say): why. */
    differs?: (id: string, index: number) => string | undefined;
    /** The vault is locked: the service may read the chain but not have a step signed. */
    locked?: boolean;
    /** The API credentials the user saved (default: the Dinari test keys); null: none saved. */
    credentials?: Record<string, string> | null;
    /** The registry without the Dinari-style issuer's fee-quote signer (as the shipped one, until it is sourced). */
    noFeeQuoteSigner?: boolean;
    /** The registry without the Ondo-style issuer's attestation signer (as the shipped one, until it is sourced). */
    noAttestationSigner?: boolean;
  } = {},
) {
  const registry = testRegistry({ noFeeQuoteSigner: options.noFeeQuoteSigner, noAttestationSigner: options.noAttestationSigner });
  const chain = options.shared?.chain ?? createFakeChain();
  const http = options.shared?.http ?? createFakeFetch();
  const sent: Sent = options.shared?.sent ?? [];
  const plans: Plans = options.shared?.plans ?? [];
  /** What the service noted in Activity about payouts, by transaction hash. */
  const payouts: { hash: Hex; payout: unknown }[] = [];
  const store = options.shared?.store ?? createMemoryStore();
  const tokens = createTokenLookup(
    () => registry,
    () => [],
  );
  /** What the next transaction's receipt says; by default it succeeds with no logs. */
  let nextReceipt: (tx: IssuerTransaction) => unknown = () => receipt(true);
  const service = createIssuerService({
    ready: async () => undefined,
    registry: () => registry,
    fetch: options.fetch === false ? undefined : http.fetch,
    rpc: chain.rpc,
    activeChainId: async () => CHAIN_ID,
    jurisdiction: async () => options.jurisdiction ?? 'DE',
    policy: (chainId, address) => tokens.policy(chainId, address),
    signer: async () => USER as Address,
    credentials: async (issuerId) =>
      options.credentials === null ? undefined : (options.credentials ?? (issuerId === 'attest' ? ONDO_KEYS : DINARI_KEYS)),
    async approvePlan(origin, plan) {
      if (options.hang) return new Promise<string>(() => undefined);
      const id = `plan-${plans.length + 1}`;
      plans.push({ id, origin, plan, sent: [] });
      return id;
    },
    // The signing road's rule, as the fake keeps it: only the approved step, and never twice.
    async sendStep(planId, index, tx) {
      if (options.hangStep === index) return new Promise<Hex>(() => undefined);
      const approved = plans.find((p) => p.id === planId);
      const why = options.differs?.(planId, index);
      if (why) throw Object.assign(new Error(`This step is not the one you approved: ${why}. Nothing more was sent.`), { code: 'plan.changed' });
      const step = approved?.plan.steps[index];
      if (!approved || !step || step.tx.to !== tx.to || step.tx.data !== tx.data) {
        throw Object.assign(new Error('This step is not the one you approved: it differs. Nothing more was sent.'), { code: 'plan.changed' });
      }
      if (approved.sent[index]) return approved.sent[index];
      const hash = `0x${(sent.length + 1).toString(16).padStart(64, '0')}` as Hex;
      sent.push({ origin: approved.origin, tx, hash });
      approved.sent[index] = hash;
      chain.receipts.set(hash, nextReceipt(tx));
      return hash;
    },
    async notePayout(hash, payout) {
      payouts.push({ hash, payout });
    },
    unlocked: () => !options.locked,
    clock: createManualClock(),
    store,
  });
  return {
    service,
    chain,
    http,
    sent,
    plans,
    payouts,
    store,
    /** The same wallet after a worker restart: a new service over the same storage and chain. */
    restart: (more: { hang?: boolean; hangStep?: number; locked?: boolean } = {}) =>
      createHarness({ ...options, ...more, shared: { chain, http, sent, plans, store } }),
    setReceipt(make: (tx: IssuerTransaction) => unknown) {
      nextReceipt = make;
    },
  };
}
