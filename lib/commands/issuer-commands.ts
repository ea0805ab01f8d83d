/** The popup's issuer and portfolio commands: the params are parsed; the services do the rest. */
import { createPortfolioService, type HoldingsDeps } from '../holdings';
import { type IssuerService, issuerError } from '../issuers';
import type { Clock } from '../ports';
import { parseAmount } from '../tokens';
import type { Wallet } from '../wallet';
import type { HandlerGroup } from './handlers';

type IssuerCommands =
  | 'issuer.options'
  | 'issuer.quote'
  | 'issuer.submit'
  | 'issuer.status'
  | 'issuer.latest'
  | 'issuer.credentials'
  | 'issuer.setCredentials'
  | 'issuer.clearCredentials';

export function issuerCommands(
  wallet: Pick<Wallet, 'ready' | 'registry' | 'issuers' | 'issuerCredentials'>,
  service: IssuerService = wallet.issuers,
): HandlerGroup<IssuerCommands> {
  const credentials = wallet.issuerCredentials;
  const issuers = async () => {
    await wallet.ready();
    return wallet.registry()?.issuers() ?? [];
  };
  const issuerNamed = async (issuerId: string) => {
    const issuer = (await issuers()).find((i) => i.id === issuerId);
    if (!issuer) throw issuerError('issuer.unsupported', 'Sharekeep knows no such issuer.');
    return issuer;
  };
  return {
    'issuer.options': async ({ chainId, token }) => service.options(chainId, token),
    'issuer.quote': async ({ chainId, token, side, amount, from }) => {
      await wallet.ready();
      // `amount` is text in whole tokens (e.g. "1.5"), converted with the token's decimals.
      const parsed = parseAmount(amount, wallet.registry()?.findToken(chainId, token)?.decimals ?? 18);
      if (!parsed.ok) throw issuerError('issuer.bad_amount', parsed.reason);
      return service.quote({ chainId, token, side, quantity: parsed.value, from });
    },
    'issuer.submit': async ({ id }) => service.submit(id),
    'issuer.status': async ({ id }) => service.status(id),
    'issuer.latest': async ({ chainId, token }) => (await service.latest(chainId, token)) ?? null,
    'issuer.credentials': async () => credentials.list(await issuers()),
    'issuer.setCredentials': async ({ issuerId, values }) => {
      await credentials.set(await issuerNamed(issuerId), values);
      return credentials.list(await issuers());
    },
    'issuer.clearCredentials': async ({ issuerId }) => {
      await credentials.clear((await issuerNamed(issuerId)).id);
      return credentials.list(await issuers());
    },
  };
}

type PortfolioCommands = 'portfolio.get' | 'portfolio.refresh' | 'portfolio.detail';

export function portfolioCommands(wallet: HoldingsDeps, clock: Clock): HandlerGroup<PortfolioCommands> {
  const service = createPortfolioService(wallet, { dividendDistributors: wallet.dividendDistributors, clock });
  return {
    'portfolio.get': async ({ account }) => service.get({ account }),
    'portfolio.refresh': async ({ force, account }) => service.refresh({ force: force === true, account }),
    'portfolio.detail': async (params) => service.detail(params),
  };
}
