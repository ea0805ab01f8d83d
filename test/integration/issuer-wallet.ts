// A wallet over the devnet for the issuer integration tests: real HTTP to the issuer service
// through the allowlisted fetch (every URL recorded), real RPC, and a user who approves every
// transaction the wallet asks about (the verdict still has to allow it).
import { inject } from 'vitest';
import { tokenOf } from '../../devnet/test-kit.ts';
import { createUiApi } from '../../lib/commands';
import { createAllowlistedFetch, type IssuerRequestView } from '../../lib/issuers';
import { systemClock } from '../../lib/ports';
import { createMemoryStore } from '../../lib/ports/memory';
import { createRegistry, registryFromDevnet } from '../../lib/registry/index.ts';
import { createWallet } from '../../lib/wallet';

const deployment = inject('deployment');

export async function devnetWallet(jurisdiction = 'DE', options: { credentials?: boolean } = {}) {
  const registryData = registryFromDevnet(deployment);
  const registry = createRegistry(registryData);
  const requested: string[] = [];
  const approvals: { origin: string; kind: string; details: unknown }[] = [];
  const wallet = createWallet({
    local: createMemoryStore(),
    session: createMemoryStore(),
    clock: systemClock,
    rpc: async (url, body) =>
      (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json(),
    issuerFetch: createAllowlistedFetch(
      (url, init) => {
        requested.push(url);
        return fetch(url, init);
      },
      (origin) => registry.isAllowlistedIssuerOrigin(origin),
      systemClock,
    ),
    openApproval: async () => undefined,
    emit: () => undefined,
    // The user approves every transaction the wallet asks about (the verdict still has to allow it).
    stateChanged: () => {
      for (const pending of wallet.approvals.list()) {
        approvals.push({ origin: pending.origin, kind: pending.kind, details: pending.details });
        wallet.approvals.decide(pending.id, { approved: true });
      }
    },
    loadRegistry: async () => registryData,
    kdfIterations: 1000,
    initialSettings: { activeChainId: deployment.chainId, rpcOverrides: { [deployment.chainId]: deployment.rpcUrl } },
  });
  await wallet.keys.createFromMnemonic(deployment.mnemonic, 'correct horse battery');
  await wallet.settings.update({ jurisdiction });
  // The devnet Ondo-style and Dinari-style issuers' API keys (deployment.json), saved as the user would in Settings.
  for (const issuer of options.credentials === false ? [] : deployment.issuers) {
    if (issuer.apiKeys) await wallet.issuerCredentials.set(registry.issuer(issuer.id)!, issuer.apiKeys);
  }
  const ui = createUiApi(wallet, { schedule: () => undefined }, systemClock);
  const command = <T>(method: string, params: Record<string, unknown>) => ui.handle(method, params) as Promise<T>;
  return {
    wallet,
    requested,
    approvals,
    quote: (symbol: string, side: 'mint' | 'redeem', amount: string) =>
      command<IssuerRequestView>('issuer.quote', { chainId: deployment.chainId, token: tokenOf(deployment, symbol).address, side, amount }),
    submit: (id: string) => command<IssuerRequestView>('issuer.submit', { id }),
    status: (id: string) => command<IssuerRequestView>('issuer.status', { id }),
    async settle(id: string): Promise<IssuerRequestView> {
      for (let i = 0; i < 200; i++) {
        const view = await command<IssuerRequestView>('issuer.status', { id });
        if (view.status === 'settled' || view.status === 'failed') return view;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error('the request never settled');
    },
  };
}
