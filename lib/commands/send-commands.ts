/** Sending from the popup and the approval window's decisions. */
import { encodeFunctionData, erc20Abi, getAddress } from 'viem';
import { WalletError } from '../errors';
import { contactLabel } from '../signing';
import { parseAmount } from '../tokens';
import type { CommandContext, HandlerGroup } from './handlers';

/** The origin the wallet's own requests carry in approvals and activity. */
export const WALLET_ORIGIN = 'Sharekeep';

type SendCommands = 'send.submit' | 'send.checkRecipient' | 'approvals.decide';

export function sendCommands({ wallet }: CommandContext): HandlerGroup<SendCommands> {
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
      // A name from the address book says who the user thinks it is, not what the wallet knows it to be.
      const contact = (await wallet.contacts.all())[to.toLowerCase()];
      const fromBook = contact !== undefined && name === contactLabel(contact);
      return {
        seen,
        lookalike: lookalike ? getAddress(lookalike) : undefined,
        contract,
        ...(name ? { name } : {}),
        ...(fromBook ? { contact } : {}),
      };
    },
    'approvals.decide': async ({ id, approved, data, block }) => {
      const found = wallet.approvals.decide(id, { approved, data, block: block === true });
      if (!found) throw new WalletError('approvals.gone', 'That request is no longer waiting.');
      return null;
    },
  };
}
