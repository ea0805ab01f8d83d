/** Networks, watched tokens, connected sites and auto-lock: the popup's settings commands. */
import { WalletError } from '../errors';
import { imitatedNetwork, NATIVE_SYMBOL, rpcUrlProblem } from '../networks';
import type { CommandContext, HandlerGroup } from './handlers';

type SettingsCommands =
  | 'network.select'
  | 'network.add'
  | 'network.setRpcUrl'
  | 'network.setPortfolio'
  | 'settings.setAutoLock'
  | 'sites.disconnect'
  | 'tokens.add'
  | 'tokens.remove';

/** The rules a dApp's wallet_addEthereumChain meets, for a URL typed by hand. */
function checkRpcUrl(url: string): void {
  const problem = rpcUrlProblem(url);
  if (problem) throw new WalletError('network.bad_rpc_url', problem);
}

export function settingsCommands({ wallet, state, touch }: CommandContext): HandlerGroup<SettingsCommands> {
  const known = async (chainId: number) => {
    if (!(await wallet.settings.network(chainId))) throw new WalletError('network.unknown', 'Unknown network.');
  };
  return {
    'network.select': async ({ chainId }) => {
      await known(chainId);
      await wallet.switchChain(chainId);
      return state();
    },
    'network.add': async ({ chainId, rpcUrl, name, symbol }) => {
      // A network added by hand is checked like one a dApp proposes: the node must serve that chain id.
      const shown = name || `Chain ${chainId}`;
      if (await wallet.settings.network(chainId)) throw new WalletError('network.exists', 'That network is already in the list.');
      checkRpcUrl(rpcUrl);
      const twin = imitatedNetwork(shown, chainId);
      if (twin) throw new WalletError('network.imitates', `"${shown}" reads like ${twin}, which is another chain. Choose another name.`);
      const served = await wallet.networks.rpcServesChain(rpcUrl);
      if (served === 'unreachable') throw new WalletError('network.unreachable', 'That RPC did not answer. Check the URL and try again.');
      if (served !== chainId) throw new WalletError('network.wrong_chain', `That RPC serves chain ${String(served)}, not ${chainId}.`);
      await wallet.networks.saveCustomNetwork({ chainId, name: shown, rpcUrl, symbol: symbol && NATIVE_SYMBOL.test(symbol) ? symbol : 'ETH' });
      return state();
    },
    'network.setPortfolio': async ({ chainId, enabled }) => {
      await known(chainId);
      await wallet.settings.update((s) => {
        const others = s.disabledChainIds.filter((id) => id !== chainId);
        return { disabledChainIds: enabled ? others : [...others, chainId] };
      });
      return state();
    },
    'network.setRpcUrl': async ({ chainId, rpcUrl }) => {
      await known(chainId);
      checkRpcUrl(rpcUrl);
      await wallet.settings.update((s) =>
        s.customNetworks.some((n) => n.chainId === chainId)
          ? { customNetworks: s.customNetworks.map((n) => (n.chainId === chainId ? { ...n, rpcUrl } : n)) }
          : { rpcOverrides: { ...s.rpcOverrides, [chainId]: rpcUrl } },
      );
      return state();
    },
    'settings.setAutoLock': async ({ minutes }) => {
      await wallet.settings.update({ autoLockMinutes: minutes });
      await touch();
      return state();
    },
    'sites.disconnect': async ({ origin }) => {
      await wallet.revokeSite(origin);
      return state();
    },
    'tokens.add': async ({ address }) => {
      // Added by hand in the popup: the user is acting in the wallet itself, so no approval window.
      const token = await wallet.networks.inspectToken(address).catch((err: unknown) => {
        throw new WalletError('tokens.not_a_token', err instanceof Error ? err.message : 'That is not a token on this network.');
      });
      await wallet.networks.watchToken(token);
      return token;
    },
    'tokens.remove': async ({ address }) => {
      const target = address.toLowerCase();
      await wallet.settings.update((s) => ({ watchedTokens: s.watchedTokens.filter((t) => t.address.toLowerCase() !== target) }));
      return state();
    },
  };
}
