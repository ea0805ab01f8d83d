/**
 * The popup's issuer commands, spread into the wallet's UI command table. Each one validates
 * its params; the service does the rest.
 */
import { type Address, getAddress, isAddress } from 'viem';
import { WalletError } from '../errors';
import { type IssuerService, type IssuerSide, issuerError } from '../issuers';
import { parseAmount } from '../tokens';
import type { Wallet } from '../wallet';

type Params = Record<string, unknown>;

function chainIdOf(p: Params): number {
  const chainId = Number(p.chainId);
  if (!Number.isSafeInteger(chainId) || chainId <= 0) throw new WalletError('ui.bad_params', 'Expected "chainId" as a number.');
  return chainId;
}

function tokenOf(p: Params): Address {
  if (typeof p.token !== 'string' || !isAddress(p.token, { strict: false }))
    throw new WalletError('ui.bad_address', 'That is not a valid token address.');
  return getAddress(p.token);
}

function sideOf(p: Params): IssuerSide {
  if (p.side !== 'mint' && p.side !== 'redeem') throw new WalletError('ui.bad_params', 'Expected "side" as mint or redeem.');
  return p.side;
}

function idOf(p: Params): string {
  if (typeof p.id !== 'string' || p.id.length > 64) throw new WalletError('ui.bad_params', 'Expected "id".');
  return p.id;
}

/** `amount` is text in whole tokens (e.g. "1.5"), converted with the token's decimals. */
function quantityOf(p: Params, decimals: number): bigint {
  const parsed = parseAmount(typeof p.amount === 'string' ? p.amount : '', decimals);
  if (!parsed.ok) throw issuerError('issuer.bad_amount', parsed.reason);
  return parsed.value;
}

export function createIssuerCommands(
  wallet: Pick<Wallet, 'ready' | 'registry' | 'issuers'>,
  service: IssuerService = wallet.issuers,
): Record<string, (p: Params) => Promise<unknown>> {
  return {
    'issuer.options': async (p) => service.options(chainIdOf(p), tokenOf(p)),
    'issuer.quote': async (p) => {
      const chainId = chainIdOf(p);
      const token = tokenOf(p);
      await wallet.ready();
      const decimals = wallet.registry()?.findToken(chainId, token)?.decimals ?? 18;
      return service.quote({
        chainId,
        token,
        side: sideOf(p),
        quantity: quantityOf(p, decimals),
        from: typeof p.from === 'string' ? p.from : undefined,
      });
    },
    'issuer.submit': async (p) => service.submit(idOf(p)),
    'issuer.status': async (p) => service.status(idOf(p)),
    'issuer.latest': async (p) => service.latest(chainIdOf(p), tokenOf(p)) ?? null,
  };
}

/** Commands pages send on their own (polling): they do not postpone auto-lock. */
export const PASSIVE_ISSUER_COMMANDS = ['issuer.options', 'issuer.status', 'issuer.latest'] as const;
