import { type Address, getAddress } from 'viem';
import type { IntentDraft } from './decoders/decoder';
import type { AssetMovement, Delivery, IntentBody, IntentWarning } from './types';

const MAX_MENTIONED = 256;

function uniqueAddresses(addresses: Address[]): Address[] {
  return [...new Set(addresses.map((a) => getAddress(a)))];
}

function uniqueWarnings(warnings: IntentWarning[]): IntentWarning[] {
  return warnings.filter((w, i) => warnings.findIndex((o) => o.code === w.code && o.message === w.message) === i);
}

const erc20Tokens = (movements: (AssetMovement | Delivery)[]) => movements.flatMap((m) => (m.token === 'native' ? [] : [m.token]));

/** Fills in the defaults and derives the list of every token involved. */
export function finishIntent(draft: Omit<IntentDraft, 'kind'>): IntentBody {
  const assetsOut = draft.assetsOut ?? [];
  const assetsIn = draft.assetsIn ?? [];
  const approvals = draft.approvals ?? [];
  const deliveries = draft.deliveries ?? [];
  const traded = uniqueAddresses(draft.traded ?? []);
  const mentioned = uniqueAddresses(draft.mentioned ?? []).slice(0, MAX_MENTIONED);
  return {
    summary: draft.summary,
    assetsOut,
    assetsIn,
    approvals,
    tokens: uniqueAddresses([
      ...erc20Tokens(assetsOut),
      ...erc20Tokens(assetsIn),
      ...approvals.map((a) => a.token),
      ...erc20Tokens(deliveries),
      ...traded,
      ...(draft.tokens ?? []),
    ]),
    warnings: uniqueWarnings(draft.warnings ?? []),
    ...(deliveries.length > 0 ? { deliveries } : {}),
    ...(traded.length > 0 ? { traded } : {}),
    ...(mentioned.length > 0 ? { mentioned } : {}),
    ...(draft.sources?.length ? { sources: draft.sources } : {}),
  };
}
