/**
 * Activity: pending transactions settled from their receipts, incoming transfers scanned from
 * the active network's logs, speed-up and cancel, and the address book's names.
 */
import type { Address } from 'viem';
import { isIssuerPayout } from '../activity-scan';
import { WalletError } from '../errors';
import { portfolioTokens } from '../holdings';
import { contactNameProblem, unacknowledgedFate } from '../signing';
import { MAX_CONTACT_NAME } from '../state';
import type { IncomingView, UiState } from '../ui-contract';
import type { Wallet } from '../wallet';
import type { CommandContext, HandlerGroup } from './handlers';
import { WALLET_ORIGIN } from './send-commands';

type ActivityCommands = 'activity.refresh' | 'activity.speedUp' | 'activity.cancel' | 'contacts.set';

/**
 * Pending transactions on the active network get their receipt's verdict: the entry's latest
 * transaction or any it replaced (same nonce), whichever was mined.
 */
async function settlePending(wallet: Wallet, chainId: number): Promise<void> {
  const pending = (await wallet.activity.list()).filter((e) => e.status === 'pending' && e.chainId === chainId);
  for (const entry of pending) {
    let settled = false;
    for (const hash of [entry.hash, ...(entry.replaced ?? [])]) {
      const receipt = (await wallet.rpc('eth_getTransactionReceipt', [hash]).catch(() => null)) as { status?: unknown } | null;
      if (!receipt || typeof receipt.status !== 'string') continue;
      await wallet.activity.settle(hash, receipt.status === '0x1' ? 'confirmed' : 'failed');
      settled = true;
      break;
    }
    // Written before a send that this worker is no longer making (it was stopped mid-send):
    // the node says whether it took the transaction. Never sent again: the dApp was told it failed.
    if (!settled && entry.unacknowledged && !wallet.activity.sending(entry.hash)) {
      const fate = await unacknowledgedFate(wallet.rpc, entry.hash);
      if (fate === 'never') {
        await (entry.replaced?.length ? wallet.activity.withdraw(entry.hash) : wallet.activity.settle(entry.hash, 'dropped'));
        continue;
      }
      if (fate === 'taken') await wallet.activity.acknowledge(entry.hash);
    }
    // No receipt for any of its transactions, yet the account's mined nonce has passed this one:
    // another transaction took the nonce (a reorg, or one sent elsewhere). It will never be mined.
    if (!settled && entry.nonce >= 0) {
      const mined = await wallet.rpc('eth_getTransactionCount', [entry.from, 'latest']).catch(() => undefined);
      const used = typeof mined === 'string' && /^0x[0-9a-fA-F]+$/.test(mined) && Number(mined) > entry.nonce;
      // Only when the node knows none of them: a receipt that failed to load is not a drop.
      const known = used
        ? await Promise.all([entry.hash, ...(entry.replaced ?? [])].map((h) => wallet.rpc('eth_getTransactionByHash', [h]).catch(() => 'unknown')))
        : [];
      if (used && known.every((t) => t === null)) await wallet.activity.settle(entry.hash, 'dropped');
    }
  }
}

/** Incoming transfers of the tokens the portfolio tracks, to each of the user's accounts on the active network. */
async function scanIncoming(wallet: Wallet, chainId: number): Promise<void> {
  const settings = await wallet.settings.get();
  const registry = wallet.registry();
  const payers = wallet.dividendDistributors[chainId] ?? [];
  await wallet.incoming.refresh({
    chainId,
    rpc: wallet.rpc,
    accounts: (await wallet.visibleAccounts()).map((a) => a.address),
    tokens: portfolioTokens(registry, settings.watchedTokens, chainId).map((t) => t.address),
    isPayout: (token, from) => isIssuerPayout(registry, payers, chainId, token, from),
  });
}

export function activityCommands({ wallet, state }: CommandContext): HandlerGroup<ActivityCommands> {
  const replace = async (hash: string, kind: 'speed-up' | 'cancel') => {
    const lower = hash.toLowerCase();
    const entry = (await wallet.activity.list()).find((e) => e.hash.toLowerCase() === lower);
    if (!entry) throw new WalletError('activity.unknown', 'That transaction is not in Activity.');
    return { hash: await wallet.signing.replace(WALLET_ORIGIN, entry, kind) };
  };
  return {
    'activity.refresh': async () => {
      await wallet.ready();
      const chainId = (await wallet.settings.get()).activeChainId;
      await settlePending(wallet, chainId);
      // Issuer requests under way are read again here too, locked or not (a step waits for the unlock): a payout is noted in Activity once it arrives.
      await wallet.issuers.track().catch(() => undefined);
      if (wallet.keys.isUnlocked()) await scanIncoming(wallet, chainId);
      return null;
    },
    'activity.speedUp': async ({ hash }) => replace(hash, 'speed-up'),
    'activity.cancel': async ({ hash }) => replace(hash, 'cancel'),
    'contacts.set': async ({ address, name }) => {
      if (!wallet.keys.isUnlocked()) throw new WalletError('wallet.locked', 'Unlock the wallet to name an address.');
      if (name) {
        if ((await wallet.keys.listAccounts()).some((a) => a.address.toLowerCase() === address.toLowerCase()))
          throw new WalletError('contacts.own_account', 'That is one of your accounts: rename it in Settings instead.');
        const problem = await contactNameProblem({ keys: wallet.keys, registry: wallet.registry }, name);
        if (problem) throw new WalletError('contacts.lookalike', problem);
        if (name.length > MAX_CONTACT_NAME) throw new WalletError('contacts.bad_name', `Keep the name to ${MAX_CONTACT_NAME} characters or fewer.`);
      }
      await wallet.contacts.set(address, name);
      return state();
    },
  };
}

/** What the activity screen shows besides the sent transactions, for the UI state. */
export async function activityView(
  wallet: Wallet,
  activity: readonly { chainId: number; to?: string }[],
  unlocked: boolean,
): Promise<Pick<UiState, 'incoming' | 'incomingNotice' | 'activityLabels' | 'contacts'>> {
  const incoming: IncomingView[] = unlocked
    ? (await wallet.incoming.list()).map((e) => {
        const info = wallet.tokens.shown(e.chainId, (a) => wallet.tokens.info(e.chainId, a))(e.token as Address);
        return { ...e, symbol: info?.symbol ?? 'unknown token', decimals: info?.decimals ?? 0 };
      })
    : [];
  const named = [...activity.map((e) => ({ chainId: e.chainId, address: e.to })), ...incoming.map((e) => ({ chainId: e.chainId, address: e.from }))];
  const chains = [...new Set(named.map((e) => e.chainId))];
  const labels = await Promise.all(
    chains.map(
      async (chainId) =>
        [
          chainId,
          await wallet.labelsFor(
            chainId,
            named.filter((e) => e.chainId === chainId).map((e) => e.address),
          ),
        ] as const,
    ),
  );
  const chainId = (await wallet.settings.get()).activeChainId;
  return {
    incoming,
    incomingNotice: unlocked ? wallet.incoming.notice(chainId) : undefined,
    activityLabels: Object.fromEntries(labels),
    contacts: unlocked ? await wallet.contacts.all() : {},
  };
}
