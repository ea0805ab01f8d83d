import {
  type Abi,
  type Address,
  type ContractFunctionArgs,
  type ContractFunctionName,
  createPublicClient,
  decodeErrorResult,
  encodeDeployData,
  encodeFunctionData,
  getContractAddress,
  type Hex,
  http,
  type PublicClient,
  toHex,
} from 'viem';
import type { Artifact } from './compile.ts';

export function createDevnetClient(rpcUrl: string): PublicClient {
  return createPublicClient({ transport: http(rpcUrl, { retryCount: 0 }) });
}

/**
 * Sends transactions from one unlocked anvil account and returns once each is mined (anvil
 * automines, so that is one or two quick polls). A revert fails loudly, at the gas estimate or
 * from the receipt. Contract addresses follow from the tracked nonce.
 */
export type Sender = {
  address: Address;
  deploy(label: string, artifact: Artifact, args?: readonly unknown[]): Promise<Address>;
  write<const abi extends Abi, name extends ContractFunctionName<abi, 'nonpayable' | 'payable'>>(
    to: Address,
    abi: abi,
    functionName: name,
    args: ContractFunctionArgs<abi, 'nonpayable' | 'payable', name>,
    value?: bigint,
  ): Promise<Hex>;
};

export async function createSender(client: PublicClient, address: Address): Promise<Sender> {
  let nonce = await client.getTransactionCount({ address, blockTag: 'pending' });
  const send = async (label: string, tx: { to?: Address; data: Hex; value?: bigint }, abi: Abi) => {
    const hash = await sendTransaction(client, { from: address, nonce, ...tx }, label, abi);
    nonce += 1;
    return hash;
  };
  return {
    address,
    async deploy(label, artifact, args = []) {
      const data = encodeDeployData({ abi: artifact.abi, bytecode: artifact.bytecode, args });
      const deployed = getContractAddress({ from: address, nonce: BigInt(nonce) });
      await send(`deploy ${label}`, { data }, artifact.abi);
      return deployed;
    },
    async write(to, abi, functionName, args, value) {
      const data = encodeFunctionData({ abi, functionName, args } as never);
      return send(`${functionName} on ${to}`, { to, data, value }, abi);
    },
  };
}

/**
 * Gas for a transaction estimated at `estimate`. Costs depend on the block timestamp (Uniswap's
 * price accumulators, fee clocks): a transaction estimated in one second and mined in the next
 * can need a few thousand gas more, so exact estimates fail now and then. Wallets pad the same way.
 */
export const withGasMargin = (estimate: bigint) => (estimate * 5n) / 4n + 25_000n;

/** Sends from an unlocked anvil account (nonce chosen by anvil unless given) and waits until mined. */
export async function sendTransaction(
  client: PublicClient,
  tx: { from: Address; to?: Address; data: Hex; value?: bigint; nonce?: number },
  label: string,
  abi: Abi,
): Promise<Hex> {
  const call = { from: tx.from, to: tx.to, data: tx.data, value: tx.value ? toHex(tx.value) : undefined };
  let hash: Hex;
  try {
    const estimate = BigInt((await client.request({ method: 'eth_estimateGas', params: [call] } as never)) as Hex);
    const gas = withGasMargin(estimate);
    const nonce = tx.nonce === undefined ? undefined : toHex(tx.nonce);
    const params = { ...call, gas: toHex(gas), nonce };
    hash = (await client.request({ method: 'eth_sendTransaction', params: [params] } as never)) as Hex;
  } catch (error) {
    throw new Error(`devnet: ${label} failed: ${describeRevert(error, abi)}`, { cause: error });
  }
  const receipt = await waitForReceipt(client, hash);
  if (receipt.status !== '0x1') throw new Error(`devnet: ${label} reverted: ${await traceFailure(client, hash, abi)}`);
  return hash;
}

/** Why a mined transaction failed, from anvil's call tracer. */
async function traceFailure(client: PublicClient, hash: Hex, abi: Abi): Promise<string> {
  try {
    const trace = (await client.request({
      method: 'debug_traceTransaction',
      params: [hash, { tracer: 'callTracer' }],
    } as never)) as { error?: string; output?: Hex; gas?: Hex; gasUsed?: Hex };
    const reason = trace.output && trace.output.length >= 10 ? describeRevert({ data: trace.output }, abi) : '';
    return `${trace.error ?? 'reverted'} ${reason} (gas ${Number(trace.gasUsed)} of ${Number(trace.gas)}, tx ${hash})`;
  } catch {
    return `tx ${hash}`;
  }
}

/** Polls for a receipt; anvil mines right after accepting a transaction, so this returns fast. */
export async function waitForReceipt(client: PublicClient, hash: Hex): Promise<{ status: Hex }> {
  for (let attempt = 0; attempt < 5_000; attempt++) {
    const receipt = (await client.request({ method: 'eth_getTransactionReceipt', params: [hash] })) as {
      status: Hex;
    } | null;
    if (receipt) return receipt;
    await new Promise((resolve) => setTimeout(resolve, attempt < 10 ? 1 : 10));
  }
  throw new Error(`devnet: transaction ${hash} was not mined`);
}

function describeRevert(error: unknown, abi: Abi): string {
  const text = error instanceof Error ? error.message : String(error);
  const data = findRevertData(error);
  if (data) {
    try {
      const decoded = decodeErrorResult({ abi, data });
      return `${decoded.errorName}(${(decoded.args ?? []).map(String).join(', ')})`;
    } catch {
      return `${text} (revert data ${data})`;
    }
  }
  return text;
}

function findRevertData(error: unknown): Hex | undefined {
  let current: unknown = error;
  while (current && typeof current === 'object') {
    const data = (current as { data?: unknown }).data;
    if (typeof data === 'string' && data.startsWith('0x') && data.length >= 10) return data as Hex;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}
