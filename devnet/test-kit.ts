import {
  type Abi,
  type Address,
  type ContractFunctionArgs,
  type ContractFunctionName,
  createPublicClient,
  createTestClient,
  createWalletClient,
  defineChain,
  http,
  type PublicClient,
  type TestClient,
  type TransactionReceipt,
} from 'viem';
import { withGasMargin } from './chain.ts';
import type { Deployment, DevnetToken } from './types.ts';

/** Helpers for tests that drive a running devnet (integration and e2e suites). */
export function devnetClients(deployment: Deployment) {
  const chain = defineChain({
    id: deployment.chainId,
    name: 'Sharekeep devnet',
    nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
    rpcUrls: { default: { http: [deployment.rpcUrl] } },
    contracts: { multicall3: { address: deployment.contracts.Multicall3 as Address } },
  });
  const transport = http(deployment.rpcUrl, { retryCount: 0 });
  const publicClient: PublicClient = createPublicClient({ chain, transport, pollingInterval: 50 });
  const testClient: TestClient = createTestClient({ chain, transport, mode: 'anvil' });
  /** A wallet client for an unlocked anvil account (signing happens in anvil). */
  const wallet = (role: string) => createWalletClient({ chain, transport, account: accountOf(deployment, role) });
  /**
   * Sends a contract call from an unlocked account and waits for the receipt. A call that would
   * revert rejects with the contract's reason; gas gets the same margin as the devnet's own sends.
   */
  const write = async <const abi extends Abi, name extends ContractFunctionName<abi, 'nonpayable' | 'payable'>>(
    role: string,
    request: {
      address: Address;
      abi: abi;
      functionName: name;
      args: ContractFunctionArgs<abi, 'nonpayable' | 'payable', name>;
    },
  ): Promise<TransactionReceipt> => {
    const account = accountOf(deployment, role);
    const gas = await publicClient.estimateContractGas({ ...request, account } as never);
    const hash = await wallet(role).writeContract({ ...request, gas: withGasMargin(gas) } as never);
    return publicClient.waitForTransactionReceipt({ hash });
  };
  return { chain, publicClient, testClient, wallet, write };
}

export function accountOf(deployment: Deployment, role: string): Address {
  const account = deployment.accounts.find((a) => a.role === role);
  if (!account) throw new Error(`devnet has no account with role ${role}`);
  return account.address as Address;
}

export function tokenOf(deployment: Deployment, symbol: string): DevnetToken & { address: Address } {
  const token = deployment.tokens.find((t) => t.symbol === symbol);
  if (!token) throw new Error(`devnet has no token ${symbol}`);
  return token as DevnetToken & { address: Address };
}

export const contractOf = (deployment: Deployment, name: string): Address => {
  const address = deployment.contracts[name];
  if (!address) throw new Error(`devnet has no contract ${name}`);
  return address as Address;
};

/** Runs evm_snapshot and returns a function that reverts to it. */
export async function snapshot(testClient: TestClient): Promise<() => Promise<void>> {
  const id = await testClient.snapshot();
  return async () => {
    await testClient.revert({ id });
  };
}

/** Moves chain time forward and mines a block so views see the new time. */
export async function advanceTime(testClient: TestClient, seconds: number): Promise<void> {
  await testClient.increaseTime({ seconds });
  await testClient.mine({ blocks: 1 });
}

/** Polls until check() returns a value other than undefined (operator fills are asynchronous). */
export async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
