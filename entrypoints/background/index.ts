import type { ProviderEventName } from '@/lib/provider/protocol';
import { unpackRegistry } from '@/lib/registry';
import { createUiApi } from '@/lib/commands';
import { systemClock } from '@/lib/ports';
import { createWallet } from '@/lib/wallet';
import { createApprovalWindow } from './approval-window';
import { fetchRpc, issuerFetchPort, storagePort } from './browser-ports';
import { buildInitialSettings, buildRegistry, devnet } from './devnet';
import { providerPortOrigin, serveProviderPort } from './provider-port';
import { UI_PORT_NAME } from '@/lib/ui-contract';
import { isExtensionPage, serveUiPort } from './ui-port';

type Port = ReturnType<typeof browser.runtime.connect>;
const AUTO_LOCK_ALARM = 'auto-lock';
/** Issuer requests under way are read again on this alarm, popup open or not (Chrome's shortest period is 30 s). */
const ISSUER_TRACK_ALARM = 'issuer-track';
const ISSUER_TRACK_MINUTES = 0.5;
/** New xStocks from the issuer factories' logs: scanned on this cadence, outside any portfolio refresh. */
const FACTORY_SCAN_ALARM = 'factory-scan';

export default defineBackground(() => {
  const sites = new Map<Port, string>();
  const uiPorts = new Set<Port>();
  const approvalWindow = createApprovalWindow({ hasPending: () => wallet.approvals.list().length > 0 });

  const wallet = createWallet({
    local: storagePort(browser.storage.local),
    session: storagePort(browser.storage.session),
    clock: systemClock,
    rpc: fetchRpc,
    issuerFetch: issuerFetchPort((origin) => wallet.registry()?.isAllowlistedIssuerOrigin(origin) ?? false),
    openApproval: () => approvalWindow.open(),
    emit(origin: string | null, event: ProviderEventName, data: unknown) {
      for (const [port, site] of sites) if (origin === null || site === origin) port.postMessage({ kind: 'event', event, data });
    },
    stateChanged: () => {
      for (const port of uiPorts) port.postMessage({ event: 'state-changed' });
    },
    async loadRegistry() {
      return buildRegistry(unpackRegistry(await (await fetch(browser.runtime.getURL('/registry.json' as '/popup.html'))).json()));
    },
    loadPhishingList: async () => (await fetch(browser.runtime.getURL('/phishing-list.json' as '/popup.html'))).json(),
    dividendDistributors: devnet?.contracts.DividendDistribution ? { [devnet.chainId]: [devnet.contracts.DividendDistribution] } : undefined,
    initialSettings: buildInitialSettings(),
  });
  const ui = createUiApi(
    wallet,
    {
      schedule: (at) => (at === undefined ? browser.alarms.clear(AUTO_LOCK_ALARM) : browser.alarms.create(AUTO_LOCK_ALARM, { when: at })),
    },
    systemClock,
  );

  browser.alarms.onAlarm.addListener(async ({ name }) => {
    if (name === AUTO_LOCK_ALARM) await ui.lock();
    if (name === ISSUER_TRACK_ALARM) await wallet.issuers.track().catch(() => undefined);
    if (name === FACTORY_SCAN_ALARM) await wallet.scanFactories().catch(() => undefined);
  });
  browser.alarms.create(ISSUER_TRACK_ALARM, { periodInMinutes: ISSUER_TRACK_MINUTES });
  browser.alarms.create(FACTORY_SCAN_ALARM, { periodInMinutes: 10 });

  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') browser.tabs.create({ url: browser.runtime.getURL('/onboarding.html') });
  });

  browser.runtime.onConnect.addListener((port) => {
    if (port.name === UI_PORT_NAME && isExtensionPage(port)) return serveUiPort(port, ui, uiPorts);
    const origin = providerPortOrigin(port);
    if (origin === undefined) return port.disconnect();
    serveProviderPort(port, origin, wallet, sites);
  });

  // Read by `npm run bench`: how long the worker took from script start to listening.
  (globalThis as { sharekeepReadyMs?: number }).sharekeepReadyMs = performance.now();

  // On every worker start too, once it listens: a plan or a payout cut short by a restart goes on
  // without the popup. Both read the registry, and the worker's first fetch() costs Chromium
  // 25-40 ms of this thread before it returns: started earlier, every start listened that much later.
  void wallet.issuers.track().catch(() => undefined);
  void wallet.scanFactories().catch(() => undefined);
});
