/** Sending from the popup, the activity list and the approval window's decisions. */
import { encodeFunctionData, erc20Abi, getAddress } from 'viem';
import { WalletError } from '../errors';
import { parseAmount } from '../tokens';
import type { CommandContext, HandlerGroup } from './handlers';

/** The origin the wallet's own requests carry in approvals and activity. */
export const WALLET_ORIGIN = 'Sharekeep';

type SendCommands = 'send.submit' | 'send.checkRecipient' | 'activity.refresh' | 'activity.speedUp' | 'activity.cancel' | 'approvals.decide';

export function sendCommands({ wallet }: CommandContext): HandlerGroup<SendCommands> {
  const replace = async (hash: string, kind: 'speed-up' | 'cancel') => {
    const lower = hash.toLowerCase();
    const entry = (await wallet.activity.list()).find((e) => e.hash.toLowerCase() === lower);
    if (!entry) throw new WalletError('activity.unknown', 'That transaction is not in Activity.');
    return { hash: await wallet.signing.replace(WALLET_ORIGIN, entry, kind) };
  };
  return {
    'send.submit': async ({ from, to, amount: amountText, token, decimals: claimedDecimals }) => {
      const decimals = token ? (wallet.tokens.info((await wallet.settings.get()).activeChainId, token)?.decimals ?? claimedDecimals ?? 18) : 18;
      const parsed = parseAmount(amountText, decimals);
      if (!parsed.ok) throw new WalletError('send.bad_amount', parsed.reason);
      const amount = parsed.value;
      if (amount <= 0n) throw new WalletError('send.bad_amount', 'Enter an amount above zero.');
      const tx = token
        ? { from, to: token, value: 0n, data: encodeFunctionData({ abi: erc20Abi, functionName: 'transfer', args: [to, amount] }) }
        : { from, to, value: amount };
      return { hash: await wallet.signing.submit(WALLET_ORIGIN, tx) };
    },
    'send.checkRecipient': async ({ from, to }) => {
      const previous = await wallet.activity.recipients(from);
      const seen = previous.includes(to.toLowerCase());
      // Address poisoning: a new address sharing the first and last characters of one used before.
      const lookalike = seen
        ? undefined
        : previous.find((a) => a.slice(0, 6) === to.toLowerCase().slice(0, 6) && a.slice(-4) === to.toLowerCase().slice(-4));
      // A contract may not be able to move what it receives (tokens sent to a token contract are lost).
      const code = await wallet.rpc('eth_getCode', [to, 'latest']).catch(() => undefined);
      const contract = typeof code === 'string' ? code !== '0x' && !/^0xef0100[0-9a-fA-F]{40}$/.test(code) : null;
      const name = (await wallet.labelsFor((await wallet.settings.get()).activeChainId, [to]))[to.toLowerCase()];
      return { seen, lookalike: lookalike ? getAddress(lookalike) : undefined, contract, ...(name ? { name } : {}) };
    },
    'activity.refresh': async () => {
      // Pending transactions on the active network get their receipt's verdict: the entry's
      // latest transaction or any it replaced (same nonce), whichever was mined.
      const chainId = (await wallet.settings.get()).activeChainId;
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
          const known = await wallet.rpc('eth_getTransactionByHash', [entry.hash]).catch(() => 'unknown');
          if (known === null) {
            await (entry.replaced?.length ? wallet.activity.withdraw(entry.hash) : wallet.activity.settle(entry.hash, 'dropped'));
            continue;
          }
          if (typeof known === 'object') await wallet.activity.acknowledge(entry.hash);
        }
        // No receipt for any of its transactions, yet the account's mined nonce has passed this one:
        // another transaction took the nonce (a reorg, or one sent elsewhere). It will never be mined.
        if (!settled && entry.nonce >= 0) {
          const mined = await wallet.rpc('eth_getTransactionCount', [entry.from, 'latest']).catch(() => undefined);
          const used = typeof mined === 'string' && /^0x[0-9a-fA-F]+$/.test(mined) && Number(mined) > entry.nonce;
          // Only when the node knows none of them: a receipt that failed to load is not a drop.
          const known = used
            ? await Promise.all(
                [entry.hash, ...(entry.replaced ?? [])].map((h) => wallet.rpc('eth_getTransactionByHash', [h]).catch(() => 'unknown')),
              )
            : [];
          if (used && known.every((t) => t === null)) await wallet.activity.settle(entry.hash, 'dropped');
        }
      }
      return null;
    },
    'activity.speedUp': async ({ hash }) => replace(hash, 'speed-up'),
    'activity.cancel': async ({ hash }) => replace(hash, 'cancel'),
    'approvals.decide': async ({ id, approved, data, block }) => {
      const found = wallet.approvals.decide(id, { approved, data, block: block === true });
      if (!found) throw new WalletError('approvals.gone', 'That request is no longer waiting.');
      return null;
    },
  };
}
