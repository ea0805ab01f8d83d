/**
 * wallet_addEthereumChain (EIP-3085): a known chain is a switch; a new one is shown to the user,
 * then its node is asked which chain it serves, and only a match is saved and switched to.
 */
import * as v from 'valibot';
import { parseChainId, toHexChainId } from '../chains';
import { rpcErrors } from '../errors';
import { parseDappParams } from '../params';
import { rpcServesChain, saveCustomNetwork } from './custom';
import type { NetworkDeps } from './deps';
import { explorerUrl, imitatedNetwork, NATIVE_SYMBOL, rpcUrlProblem } from './rules';

const HexChainId = v.pipe(
  v.string('Expected chainId as a 0x-prefixed hex string.'),
  v.regex(/^0x[0-9a-fA-F]{1,15}$/, 'Expected chainId as a 0x-prefixed hex string.'),
);

const AddChainParams = v.tuple(
  [
    v.looseObject(
      {
        chainId: HexChainId,
        chainName: v.optional(v.string('Expected chainName as a string.')),
        rpcUrls: v.pipe(
          v.array(v.unknown(), 'Expected rpcUrls with at least one http(s) URL.'),
          v.minLength(1, 'Expected rpcUrls with at least one http(s) URL.'),
        ),
        blockExplorerUrls: v.optional(v.unknown()),
        nativeCurrency: v.optional(
          v.looseObject({
            symbol: v.optional(v.unknown()),
            decimals: v.optional(v.literal(18, 'nativeCurrency.decimals must be 18.')),
          }),
        ),
      },
      'wallet_addEthereumChain expects one chain object.',
    ),
  ],
  'wallet_addEthereumChain expects one chain object.',
);

export async function addChain(deps: NetworkDeps, origin: string, params: unknown[]): Promise<null> {
  const [p] = parseDappParams(AddChainParams, params.slice(0, 1));
  const chainId = parseChainId(p.chainId);
  if (!chainId) throw rpcErrors.invalidParams('Expected chainId as a 0x-prefixed hex string.');
  const rpcUrl = p.rpcUrls.find((u): u is string => typeof u === 'string' && rpcUrlProblem(u) === undefined);
  if (!rpcUrl) {
    const first = p.rpcUrls.find((u): u is string => typeof u === 'string');
    throw rpcErrors.invalidParams(
      first ? (rpcUrlProblem(first) ?? 'Expected an http(s) RPC URL.') : 'Expected rpcUrls with at least one http(s) URL.',
    );
  }
  const known = await deps.settings.network(chainId);
  if (known) {
    if ((await deps.settings.get()).activeChainId !== chainId) {
      await deps.approve(origin, 'switch-chain', { chainId, name: known.name, rpcUrl: known.rpcUrl });
      await deps.switchChain(chainId);
    }
    return null;
  }
  const name = p.chainName?.trim() ? p.chainName.trim().slice(0, 64) : `Chain ${chainId}`;
  const twin = imitatedNetwork(name, chainId);
  if (twin) throw rpcErrors.invalidParams(`"${name}" reads like Sharekeep's built-in ${twin} network but is another chain (${chainId}); not added.`);
  const symbol = typeof p.nativeCurrency?.symbol === 'string' && NATIVE_SYMBOL.test(p.nativeCurrency.symbol) ? p.nativeCurrency.symbol : 'ETH';
  const blockExplorerUrl = explorerUrl(p.blockExplorerUrls);
  await deps.approve(origin, 'add-chain', { chainId, name, rpcUrl, symbol, ...(blockExplorerUrl ? { blockExplorerUrl } : {}) });
  // The user agreed to this URL: now check it is reachable and serves the chain it claims.
  const origin_ = new URL(rpcUrl).origin;
  const served = await rpcServesChain(deps, rpcUrl);
  if (served === 'unreachable') throw rpcErrors.invalidParams(`The RPC at ${origin_} did not answer; the network was not added.`);
  if (served !== chainId)
    throw rpcErrors.invalidParams(`The RPC at ${origin_} serves chain ${String(served)}, not ${toHexChainId(chainId)}; the network was not added.`);
  await saveCustomNetwork(deps, { chainId, name, rpcUrl, symbol, blockExplorerUrl });
  await deps.switchChain(chainId);
  return null;
}
