// The issuer service over fakes: a recording fetch, a scripted node, and a signing road that
// records what it was asked to send instead of opening an approval window.
import type { Address, Hex } from 'viem';
import { createManualClock } from '../../../lib/ports/memory';
import { createIssuerService, type IssuerTransaction } from '../../../lib/issuers';
import { createTokenLookup } from '../../../lib/tokens/token-lookup';
import { CHAIN_ID, createFakeChain, createFakeFetch, receipt, testRegistry, USER } from './fixtures';

export function createHarness(options: { jurisdiction?: string; fetch?: boolean } = {}) {
  const registry = testRegistry();
  const chain = createFakeChain();
  const http = createFakeFetch();
  const sent: { origin: string; tx: IssuerTransaction; hash: Hex }[] = [];
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
    async submit(origin, tx) {
      const hash = `0x${(sent.length + 1).toString(16).padStart(64, '0')}` as Hex;
      sent.push({ origin, tx, hash });
      chain.receipts.set(hash, nextReceipt(tx));
      return hash;
    },
    clock: createManualClock(),
  });
  return {
    service,
    chain,
    http,
    sent,
    setReceipt(make: (tx: IssuerTransaction) => unknown) {
      nextReceipt = make;
    },
  };
}
