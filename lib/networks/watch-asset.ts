/**
 * wallet_watchAsset (EIP-747) and the popup's "add token": what the chain and the registry say
 * about a token, shown before it joins the watch list. The symbol kept is the chain's own, never
 * the one a site proposes.
 */
import * as v from 'valibot';
import { type Address, getAddress, isAddress } from 'viem';
import { rpcErrors, WalletError } from '../errors';
import { type Imitation, imitationLabel } from '../names';
import { parseDappParams } from '../params';
import { readTokenName } from '../tokens';
import type { NetworkDeps } from './deps';

/** A token someone asked to watch: what the chain says, and whether it imitates a registry token. */
export interface WatchCandidate {
  chainId: number;
  address: string;
  symbol: string;
  decimals: number;
  verified: boolean;
  lookalikes: { symbol: string; address: string }[];
  /** The token's name() on chain, when it has one. */
  name?: string;
  /** What it imitates, by its symbol, its name or the symbol the site proposed (none for a registry token). */
  imitation?: Imitation;
  /** How the wallet names it: never as the token it imitates. */
  label: string;
  /** The symbol the site proposed, when it differs from the chain's. */
  claimedSymbol?: string;
}

const WatchAssetParams = v.looseObject(
  {
    type: v.literal('ERC20', 'Sharekeep watches ERC20 tokens only.'),
    options: v.looseObject(
      {
        address: v.custom<Address>((a) => typeof a === 'string' && isAddress(a, { strict: false }), 'Expected options.address.'),
        symbol: v.optional(v.unknown()),
        decimals: v.optional(v.unknown()),
      },
      'Expected options.address.',
    ),
  },
  'Sharekeep watches ERC20 tokens only.',
);

export async function watchAsset(deps: NetworkDeps, origin: string, params: unknown[]): Promise<boolean> {
  const p = parseDappParams(WatchAssetParams, params[0]);
  const token = await inspectToken(deps, p.options.address, { symbol: p.options.symbol, decimals: p.options.decimals }).catch((err: unknown) => {
    throw rpcErrors.invalidParams(err instanceof Error ? err.message : 'Not a token.');
  });
  await deps.approve(origin, 'watch-asset', token);
  await watchToken(deps, token);
  return true;
}

/** What the chain and the registry say about a token someone wants to watch. */
export async function inspectToken(
  deps: Pick<NetworkDeps, 'settings' | 'rpcFor' | 'tokenInfo' | 'tokens' | 'ready'>,
  raw: string,
  claimed: { symbol?: unknown; decimals?: unknown } = {},
): Promise<WatchCandidate> {
  const address = getAddress(raw);
  await deps.ready();
  const network = await deps.settings.activeNetwork();
  const onChain = (await deps.tokenInfo.lookupFor(deps.rpcFor(network), network.chainId, [address]))(address);
  if (!onChain) throw new WalletError('token.not_erc20', 'That address is not an ERC-20 token on the active network.');
  if (claimed.decimals !== undefined && Number(claimed.decimals) !== onChain.decimals)
    throw new WalletError('token.wrong_decimals', `The token has ${onChain.decimals} decimals, not ${String(claimed.decimals)}.`);
  const claimedSymbol = typeof claimed.symbol === 'string' && claimed.symbol !== onChain.symbol ? claimed.symbol.slice(0, 16) : undefined;
  const symbol = onChain.symbol;
  const name = await readTokenName(deps.rpcFor(network), address);
  const named = [{ symbol, name }, ...(claimedSymbol ? [{ symbol: claimedSymbol }] : [])];
  const listed = deps.tokens.policy(network.chainId, address) !== undefined;
  const lookalikes = listed ? [] : named.flatMap((t) => deps.tokens.lookalikes(network.chainId, t.symbol, address, t.name));
  const imitation = named.map((t) => deps.tokens.imitation(network.chainId, address, t)).find((i) => i !== undefined);
  return {
    chainId: network.chainId,
    address,
    symbol,
    decimals: onChain.decimals,
    verified: deps.tokens.policy(network.chainId, address)?.verified ?? false,
    lookalikes: [...new Map(lookalikes.map((t) => [t.address, { symbol: t.symbol, address: t.address }])).values()].slice(0, 3),
    ...(name ? { name } : {}),
    ...(imitation ? { imitation } : {}),
    label: imitationLabel(symbol, imitation),
    ...(claimedSymbol ? { claimedSymbol } : {}),
  };
}

export async function watchToken(deps: Pick<NetworkDeps, 'settings' | 'stateChanged'>, token: WatchCandidate): Promise<void> {
  const { chainId, address, symbol, decimals } = token;
  await deps.settings.update((s) => ({
    watchedTokens: [...s.watchedTokens.filter((t) => !(t.chainId === chainId && t.address === address)), { chainId, address, symbol, decimals }],
  }));
  deps.stateChanged();
}
