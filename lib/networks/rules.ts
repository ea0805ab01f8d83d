/**
 * The rules every added network obeys, whoever proposes it (a dApp's wallet_addEthereumChain or
 * the user by hand): the RPC URL, the name, the native symbol.
 */
import { BUILT_IN_NETWORKS } from '../chains';
import { symbolSkeleton } from '../names';

// The extension pages' connect-src allows plain http to exactly these hosts (CSP cannot name [::1]).
const LOOPBACK = new Set(['127.0.0.1', 'localhost']);

/** Why an RPC URL cannot be used, or undefined: https, or plain http to this machine only. */
export function rpcUrlProblem(raw: string): string | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'Enter a full http(s) URL.';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'Enter a full http(s) URL.';
  if (url.username || url.password) return 'RPC URLs may not carry a user name or password.';
  if (url.protocol === 'http:' && !LOOPBACK.has(url.hostname)) return 'RPC URLs must use https (plain http only for this machine).';
  return undefined;
}

/** The name's confusable skeleton (lib/names), letters and digits only: "Еthereum" (Cyrillic Е) reads as Ethereum. */
function skeleton(name: string): string {
  return symbolSkeleton(name).replace(/[^\p{L}\p{N}]/gu, '');
}

/**
 * A proposed name that reads like a built-in network's (for another chain id) is refused: a
 * site could otherwise add "Ethereum" pointing at its own node.
 */
export function imitatedNetwork(name: string, chainId: number): string | undefined {
  const wanted = skeleton(name);
  if (!wanted) return undefined;
  const twin = BUILT_IN_NETWORKS.find(
    (n) => n.chainId !== chainId && [skeleton(n.name), `${skeleton(n.name)}${skeleton('mainnet')}`].includes(wanted),
  );
  return twin?.name;
}

export const NATIVE_SYMBOL = /^[A-Za-z0-9.]{1,12}$/;

/**
 * The explorer of an added network, from the site's blockExplorerUrls: the first https URL with no
 * credentials, as its origin and path; anything else is not kept (Activity then links nowhere).
 */
export function explorerUrl(candidates: unknown): string | undefined {
  if (!Array.isArray(candidates)) return undefined;
  for (const candidate of candidates.slice(0, 4)) {
    if (typeof candidate !== 'string' || candidate.length > 2048) continue;
    try {
      const url = new URL(candidate);
      if (url.protocol !== 'https:' || url.username || url.password) continue;
      return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
    } catch {}
  }
  return undefined;
}
