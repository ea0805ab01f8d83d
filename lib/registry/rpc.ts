/** The one thing lib/registry and lib/portfolio need from a node: EIP-1193 `request`. */
export interface RpcRequester {
  request(args: { method: string; params?: readonly unknown[] }): Promise<unknown>;
}

/** Reads `eth_chainId` and returns it as a number; throws on an answer that is not a quantity. */
export async function readChainId(rpc: RpcRequester): Promise<number> {
  const answer = await rpc.request({ method: 'eth_chainId' });
  if (typeof answer !== 'string' || !/^0x[0-9a-fA-F]+$/.test(answer)) throw new Error('eth_chainId returned no quantity');
  return Number.parseInt(answer, 16);
}
