import { startAnvil } from './anvil.ts';
import { createDevnetClient } from './chain.ts';
import { startDappServer } from './dapp/server.ts';
import { deployDevnet } from './deploy/index.ts';
import { startIssuerService } from './issuer/server.ts';
import { type MarketMode, parseMarketMode } from './issuer/market-hours.ts';
import { reservePort } from './ports.ts';
import type { Deployment } from './types.ts';

export type { Deployment, DevnetIssuer, DevnetToken } from './types.ts';
export { PortInUseError } from './ports.ts';

export type StartDevnetOptions = {
  /** anvil's port; 0 or undefined picks a free one. */
  port?: number;
  issuerPort?: number;
  dappPort?: number;
  /** Silence anvil and the operator's log lines (default true). */
  quiet?: boolean;
  /**
   * Market hours of the issuers: 'hours' follows the NYSE session, 'open'/'closed' force it.
   * Defaults to $DEVNET_MARKET, else 'open' so demos and tests work at any time of day.
   */
  market?: MarketMode;
};

export type RunningDevnet = { deployment: Deployment; stop(): Promise<void> };

/**
 * Starts anvil, deploys the tokenized-stock market, and starts the issuer service and the demo
 * dApp server, all on 127.0.0.1. A port in use fails before anything starts.
 */
export async function startDevnet(opts: StartDevnetOptions = {}): Promise<RunningDevnet> {
  const quiet = opts.quiet ?? true;
  const rpcPort = await reservePort(opts.port, 'anvil RPC');
  const issuerPort = await reservePort(opts.issuerPort, 'issuer service');
  const dappPort = await reservePort(opts.dappPort, 'demo dApp');
  const market = opts.market ?? parseMarketMode(process.env.DEVNET_MARKET, 'open');
  const log = quiet ? undefined : (message: string) => console.log(message);

  const stops: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const stopOne of stops.splice(0).reverse()) await stopOne().catch(() => {});
  };
  try {
    const anvil = await startAnvil(rpcPort, quiet);
    stops.push(anvil.stop);
    const client = createDevnetClient(anvil.rpcUrl);
    const issuerOrigin = `http://127.0.0.1:${issuerPort}`;
    const onChain = await deployDevnet(client, anvil.rpcUrl, issuerOrigin);
    const issuer = await startIssuerService({ client, deployment: onChain, port: issuerPort, marketMode: market, log });
    stops.push(issuer.close);
    const deployment: Deployment = {
      ...onChain,
      issuerServiceUrl: issuer.url,
      dappUrl: `http://127.0.0.1:${dappPort}`,
    };
    const dapp = await startDappServer(dappPort, () => deployment);
    stops.push(dapp.close);
    return { deployment, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
