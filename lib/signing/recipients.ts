/**
 * Which recipients of a request's token transfers are contracts: a registry token sent to a
 * pool or pair is a sale, not a gift, and the guard judges it so. Asked only for transfers of
 * tokens the registry knows; an unanswered question counts as a contract (fail closed).
 */
import type { Address } from 'viem';
import type { RpcCall } from '../chains';
import type { Intent } from '../intent';
import type { TokenLookup } from '../tokens';

/** EIP-7702 delegated accounts carry code but are people's accounts. */
const DELEGATION_PREFIX = '0xef0100';

export async function contractRecipients(rpc: RpcCall, tokens: TokenLookup, chainId: number, intent: Intent): Promise<Address[]> {
  const recipients = new Set<Address>();
  for (const d of intent.deliveries ?? []) {
    if (d.reason === 'transfer' && d.token !== 'native' && tokens.policy(chainId, d.token)) recipients.add(d.to);
  }
  const checked = await Promise.all(
    [...recipients].map(async (to) => {
      try {
        const code = await rpc('eth_getCode', [to, 'latest']);
        const isContract = typeof code !== 'string' || (code !== '0x' && !code.toLowerCase().startsWith(DELEGATION_PREFIX));
        return isContract ? to : undefined;
      } catch {
        return to;
      }
    }),
  );
  return checked.filter((to): to is Address => to !== undefined);
}
