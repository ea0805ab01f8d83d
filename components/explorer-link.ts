/**
 * The block explorer page of a transaction, when the network names an explorer: only an
 * http(s) explorer is linked (a stored network could carry anything), and never with a referrer.
 */
export function explorerTxUrl(explorer: string | undefined, hash: string): string | undefined {
  if (!explorer || !/^https?:\/\/[^\s/]+/i.test(explorer)) return undefined;
  return `${explorer.replace(/\/+$/, '')}/tx/${hash}`;
}
