/**
 * The commands the wallet's own pages (popup, approval window, onboarding) may send. Only
 * extension pages reach this: the background checks the sender before calling it.
 */
import { type Address, encodeFunctionData, erc20Abi, getAddress, isAddress } from 'viem';
import { parseChainId } from '../chains';
import { WalletError } from '../errors';
import { parseAmount } from '../tokens';
import { createIssuerCommands, PASSIVE_ISSUER_COMMANDS } from './issuer-commands';
import { looksLikePrivateKey } from '../keyring';
import { createPortfolioCommands } from '../holdings';
import type { UiState } from './ui-state';
import type { Wallet } from '../wallet';

export const WALLET_ORIGIN = 'Sharekeep';

const ISO_ALPHA2 = /^[A-Z]{2}$/;

type Params = Record<string, unknown>;

/** Commands pages send on their own (polling, opening): they do not count as user activity for auto-lock. */
const PASSIVE_COMMANDS = new Set(['state', 'touch', 'activity.refresh', 'portfolio.get', 'portfolio.refresh', ...PASSIVE_ISSUER_COMMANDS]);

function str(params: Params, key: string, max = 10_000): string {
  const value = params[key];
  if (typeof value !== 'string' || value.length > max) throw new WalletError('ui.bad_params', `Expected "${key}" as text.`);
  return value;
}

function jurisdiction(params: Params): string {
  const code = str(params, 'jurisdiction', 2).toUpperCase();
  if (!ISO_ALPHA2.test(code)) throw new WalletError('settings.bad_jurisdiction', 'Choose your country of residence.');
  return code;
}

function address(params: Params, key: string): Address {
  const value = str(params, key, 64).trim();
  if (!isAddress(value, { strict: false })) throw new WalletError('ui.bad_address', 'That is not a valid address.');
  if (value !== value.toLowerCase() && value !== value.toUpperCase().replace('0X', '0x') && value !== getAddress(value)) {
    throw new WalletError('ui.bad_checksum', 'The address has a checksum error: a character may be mistyped.');
  }
  return getAddress(value);
}

export interface AutoLockPort {
  /** Called when the auto-lock deadline moves (undefined: no deadline, wallet locked). */
  schedule(at: number | undefined): void;
}

export function createUiApi(wallet: Wallet, autoLock: AutoLockPort, clock: { now(): number }) {
  let autoLockAt: number | undefined;

  const touch = async () => {
    if (!wallet.keys.isUnlocked()) return;
    if (autoLockAt === undefined) await wallet.markUnlocked(true);
    const minutes = (await wallet.settings.get()).autoLockMinutes;
    autoLockAt = minutes > 0 ? clock.now() + minutes * 60_000 : undefined;
    autoLock.schedule(autoLockAt);
  };

  const lock = async () => {
    await wallet.keys.lock();
    await wallet.markUnlocked(false);
    autoLockAt = undefined;
    autoLock.schedule(undefined);
    await wallet.notifyAccounts();
  };

  async function state(): Promise<UiState> {
    await wallet.ready();
    const settings = await wallet.settings.get();
    const unlocked = wallet.keys.isUnlocked();
    return {
      initialized: await wallet.keys.isInitialized(),
      unlocked,
      accounts: await wallet.keys.listAccounts(),
      selectedAddress: await wallet.selectedAddress(),
      activeChainId: settings.activeChainId,
      networks: await wallet.settings.networks(),
      jurisdiction: settings.jurisdiction,
      autoLockMinutes: settings.autoLockMinutes,
      autoLockAt: unlocked ? autoLockAt : undefined,
      connectedSites: await wallet.permissions.list(),
      pendingApprovals: wallet.approvals.list(),
      activity: unlocked ? await wallet.activity.list() : [],
      watchedTokens: settings.watchedTokens,
    };
  }

  const commands: Record<string, (p: Params) => Promise<unknown>> = {
    state,
    ...createPortfolioCommands(wallet, clock),
    ...createIssuerCommands(wallet),
    'onboarding.generate': async (p) => ({ mnemonic: wallet.keys.generateMnemonic(p.words === 24 ? 24 : 12) }),
    'onboarding.validate': async (p) => {
      const secret = str(p, 'secret').trim();
      if (looksLikePrivateKey(secret)) return { ok: true, kind: 'private-key' };
      const result = wallet.keys.validateMnemonic(secret);
      // toJSON keeps the code and the bad word's position across structured clone (Firefox) too.
      return result.ok ? { ok: true, kind: 'mnemonic' } : { ok: false, error: result.error.toJSON() };
    },
    'onboarding.create': async (p) => {
      const secret = str(p, 'secret').trim();
      const password = str(p, 'password', 1024);
      const country = jurisdiction(p);
      if (looksLikePrivateKey(secret)) await wallet.keys.createFromPrivateKey(secret, password, { replaceExisting: p.replaceExisting === true });
      else await wallet.keys.createFromMnemonic(secret, password, { replaceExisting: p.replaceExisting === true });
      await wallet.settings.update({ jurisdiction: country, selectedAddress: undefined });
      await touch();
      return state();
    },
    unlock: async (p) => {
      await wallet.keys.unlock(str(p, 'password', 1024));
      await touch();
      await wallet.notifyAccounts();
      return state();
    },
    lock: async () => {
      await lock();
      return state();
    },
    touch: async () => {
      await touch();
      return null;
    },
    'accounts.select': async (p) => {
      const chosen = address(p, 'address');
      await wallet.settings.update({ selectedAddress: chosen });
      await wallet.notifyAccounts();
      return state();
    },
    'accounts.add': async (p) => wallet.keys.addAccount(typeof p.name === 'string' ? p.name : undefined),
    'accounts.rename': async (p) => wallet.keys.renameAccount(address(p, 'address'), str(p, 'name', 64)),
    'accounts.hide': async (p) => {
      const target = address(p, 'address');
      await wallet.keys.setHidden(target, p.hidden === true);
      const formerSites = p.hidden === true ? await wallet.permissions.forgetAccount(target) : [];
      await wallet.notifyAccounts(formerSites);
      return state();
    },
    'accounts.importKey': async (p) => wallet.keys.importPrivateKey(str(p, 'privateKey', 80), typeof p.name === 'string' ? p.name : undefined),
    'accounts.watch': async (p) => wallet.keys.addWatchOnly(address(p, 'address'), typeof p.name === 'string' ? p.name : undefined),
    'network.select': async (p) => {
      const chainId = parseChainId(p.chainId);
      if (!chainId || !(await wallet.settings.network(chainId))) throw new WalletError('network.unknown', 'Unknown network.');
      await wallet.switchChain(chainId);
      return state();
    },
    'network.add': async (p) => {
      // A network added by hand: checked like one a dApp proposes (the node must serve that chain id).
      const chainId = parseChainId(p.chainId);
      const rpcUrl = str(p, 'rpcUrl', 2048).trim();
      const name = str(p, 'name', 64).trim() || `Chain ${String(p.chainId)}`;
      const symbol = typeof p.symbol === 'string' && /^[A-Za-z0-9.]{1,12}$/.test(p.symbol) ? p.symbol : 'ETH';
      if (!chainId) throw new WalletError('network.bad_chain_id', 'Enter the chain id as a number.');
      if (await wallet.settings.network(chainId)) throw new WalletError('network.exists', 'That network is already in the list.');
      if (!/^https?:\/\/\S+$/.test(rpcUrl)) throw new WalletError('network.bad_rpc_url', 'Enter a full http(s) URL.');
      const served = await wallet.networks.rpcServesChain(rpcUrl);
      if (served === 'unreachable') throw new WalletError('network.unreachable', 'That RPC did not answer. Check the URL and try again.');
      if (served !== chainId) throw new WalletError('network.wrong_chain', `That RPC serves chain ${String(served)}, not ${chainId}.`);
      await wallet.networks.saveCustomNetwork({ chainId, name, rpcUrl, symbol });
      return state();
    },
    'network.setRpcUrl': async (p) => {
      const chainId = parseChainId(p.chainId);
      const url = str(p, 'rpcUrl', 2048).trim();
      if (!chainId || !(await wallet.settings.network(chainId))) throw new WalletError('network.unknown', 'Unknown network.');
      let parsed: URL;
      try {
        parsed = new URL(url);
      } catch {
        throw new WalletError('network.bad_rpc_url', 'Enter a full http(s) URL.');
      }
      if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new WalletError('network.bad_rpc_url', 'Enter a full http(s) URL.');
      await wallet.settings.update((s) =>
        s.customNetworks.some((n) => n.chainId === chainId)
          ? { customNetworks: s.customNetworks.map((n) => (n.chainId === chainId ? { ...n, rpcUrl: url } : n)) }
          : { rpcOverrides: { ...s.rpcOverrides, [chainId]: url } },
      );
      return state();
    },
    'settings.setJurisdiction': async (p) => {
      const country = jurisdiction(p);
      await wallet.keys.revealMnemonic(str(p, 'password', 1024)).catch(async (err) => {
        // Accounts imported from a private key have no phrase; the password check is what matters.
        if (err instanceof WalletError && err.code === 'keyring.no_mnemonic') return '';
        throw err;
      });
      await wallet.settings.update({ jurisdiction: country });
      return state();
    },
    'settings.setAutoLock': async (p) => {
      const minutes = Number(p.minutes);
      if (!Number.isInteger(minutes) || minutes < 0 || minutes > 24 * 60)
        throw new WalletError('settings.bad_auto_lock', 'Choose between 0 (never) and 1440 minutes.');
      await wallet.settings.update({ autoLockMinutes: minutes });
      await touch();
      return state();
    },
    'secrets.revealMnemonic': async (p) => ({ mnemonic: await wallet.keys.revealMnemonic(str(p, 'password', 1024)) }),
    'secrets.exportKey': async (p) => ({ privateKey: await wallet.keys.exportPrivateKey(address(p, 'address'), str(p, 'password', 1024)) }),
    'secrets.changePassword': async (p) => {
      await wallet.keys.changePassword(str(p, 'oldPassword', 1024), str(p, 'newPassword', 1024));
      return null;
    },
    'sites.disconnect': async (p) => {
      const origin = str(p, 'origin', 512);
      await wallet.revokeSite(origin);
      return state();
    },
    'approvals.decide': async (p) => {
      const id = str(p, 'id', 64);
      const found = wallet.approvals.decide(id, { approved: p.approved === true, data: p.data, block: p.block === true });
      if (!found) throw new WalletError('approvals.gone', 'That request is no longer waiting.');
      return null;
    },
    'send.submit': async (p) => {
      const from = address(p, 'from');
      const to = address(p, 'to');
      const amountText = str(p, 'amount', 80);
      const token = typeof p.token === 'string' && p.token ? getAddress(p.token) : undefined;
      const decimals = token ? (wallet.tokens.info((await wallet.settings.get()).activeChainId, token)?.decimals ?? Number(p.decimals ?? 18)) : 18;
      const parsed = parseAmount(amountText, decimals);
      if (!parsed.ok) throw new WalletError('send.bad_amount', parsed.reason);
      const amount = parsed.value;
      if (amount <= 0n) throw new WalletError('send.bad_amount', 'Enter an amount above zero.');
      const tx = token
        ? { from, to: token, value: 0n, data: encodeFunctionData({ abi: erc20Abi, functionName: 'transfer', args: [to, amount] }) }
        : { from, to, value: amount };
      const hash = await wallet.signing.submit(WALLET_ORIGIN, tx);
      return { hash };
    },
    'activity.refresh': async () => {
      // Pending transactions on the active network get their receipt's verdict.
      const chainId = (await wallet.settings.get()).activeChainId;
      const pending = (await wallet.activity.list()).filter((e) => e.status === 'pending' && e.chainId === chainId);
      for (const entry of pending) {
        const receipt = (await wallet.rpc('eth_getTransactionReceipt', [entry.hash]).catch(() => null)) as { status?: unknown } | null;
        if (receipt && typeof receipt.status === 'string')
          await wallet.activity.setStatus(entry.hash, receipt.status === '0x1' ? 'confirmed' : 'failed');
      }
      return null;
    },
    'tokens.add': async (p) => {
      // Added by hand in the popup: the user is acting in the wallet itself, so no approval window.
      const token = await wallet.networks.inspectToken(address(p, 'address')).catch((err: unknown) => {
        throw new WalletError('tokens.not_a_token', err instanceof Error ? err.message : 'That is not a token on this network.');
      });
      await wallet.networks.watchToken(token);
      return token;
    },
    'tokens.remove': async (p) => {
      const target = address(p, 'address').toLowerCase();
      await wallet.settings.update((s) => ({ watchedTokens: s.watchedTokens.filter((t) => t.address.toLowerCase() !== target) }));
      return state();
    },
    'send.checkRecipient': async (p) => {
      const from = address(p, 'from');
      const to = address(p, 'to');
      const previous = await wallet.activity.recipients(from);
      const seen = previous.includes(to.toLowerCase());
      // Address poisoning: a new address sharing the first and last characters of one used before.
      const lookalike = seen
        ? undefined
        : previous.find((a) => a.slice(0, 6) === to.toLowerCase().slice(0, 6) && a.slice(-4) === to.toLowerCase().slice(-4));
      return { seen, lookalike: lookalike ? getAddress(lookalike) : undefined };
    },
  };

  return {
    state,
    touch,
    lock,
    autoLockDue: () => autoLockAt !== undefined && clock.now() >= autoLockAt,
    async handle(method: string, params: unknown): Promise<unknown> {
      const command = Object.hasOwn(commands, method) ? commands[method] : undefined;
      if (!command) throw new WalletError('ui.unknown_command', `Unknown command ${method}.`);
      const result = await command(typeof params === 'object' && params !== null ? (params as Params) : {});
      if (!PASSIVE_COMMANDS.has(method)) await touch();
      return result;
    },
  };
}
