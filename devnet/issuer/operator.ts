import { type Address, encodeFunctionData, type Hex, type PublicClient } from 'viem';
import { sendTransaction } from '../chain.ts';
import type { ChainDeployment } from '../deploy/index.ts';
import { orderProcessorAbi, orderStatus } from '../abis.ts';
import type { MarketStatus } from './market-hours.ts';
import { tokenPrice, tokensForUsdc, usdcForTokens } from './pricing.ts';

export type OperatorOptions = {
  client: PublicClient;
  deployment: ChainDeployment;
  operator: Address;
  marketStatus(): MarketStatus;
  pollMs?: number;
  log?(message: string): void;
};

export type OperatorLoop = { stop(): Promise<void>; pollOnce(): Promise<void> };

/**
 * Watches the order processor and settles each new order at the feed price: cancels it if the
 * requester asked to, fills it while the market is open, and otherwise keeps it for later.
 * A chain rewound by evm_revert is noticed (the last block seen changed) and its recent blocks
 * are scanned again.
 */
export function startOperatorLoop(options: OperatorOptions): OperatorLoop {
  const { client, deployment } = options;
  const processor = deployment.contracts.OrderProcessor as Address;
  const pending = new Set<bigint>();
  let nextBlock = 0n;
  let lastHead: { number: bigint; hash: Hex } | undefined;
  let stopped = false;
  let running: Promise<void> = Promise.resolve();

  async function pollOnce(): Promise<void> {
    const head = await client.getBlock();
    if (lastHead && (await rewound(lastHead))) nextBlock = head.number > 256n ? head.number - 256n : 0n;
    lastHead = { number: head.number, hash: head.hash };
    if (nextBlock <= head.number) {
      const logs = await client.getContractEvents({
        address: processor,
        abi: orderProcessorAbi,
        eventName: 'OrderCreated',
        fromBlock: nextBlock,
        toBlock: head.number,
      });
      for (const log of logs) pending.add(log.args.id as bigint);
      nextBlock = head.number + 1n;
    }
    for (const id of [...pending]) {
      try {
        if (await settle(id)) pending.delete(id);
      } catch (error) {
        options.log?.(`operator: order ${id} not settled yet: ${(error as Error).message}`);
      }
    }
  }

  /** True when the block last seen is gone or different: evm_revert (or a reorg) rewound the chain. */
  async function rewound(seen: { number: bigint; hash: Hex }): Promise<boolean> {
    const block = await client.getBlock({ blockNumber: seen.number }).catch(() => undefined);
    return block?.hash !== seen.hash;
  }

  /** Returns true once nothing is left to do for the order. */
  async function settle(id: bigint): Promise<boolean> {
    const state = await client.readContract({ address: processor, abi: orderProcessorAbi, functionName: 'getOrder', args: [id] });
    if (state.status !== orderStatus.active) return true;
    if (state.cancelRequested) {
      await operatorCall('cancelOrder', [id, "cancelled at the requester's request"]);
      return true;
    }
    if (options.marketStatus() === 'closed') return false;
    const token = deployment.tokens.find((t) => t.address.toLowerCase() === state.order.assetToken.toLowerCase());
    if (!token) return false;
    const price = await tokenPrice(client, token);
    const { sell, assetTokenQuantity, paymentTokenQuantity } = state.order;
    const assetAmount = sell ? assetTokenQuantity : tokensForUsdc(paymentTokenQuantity, price);
    const paymentAmount = sell ? usdcForTokens(assetTokenQuantity, price, false) : paymentTokenQuantity;
    await operatorCall('fillOrder', [id, assetAmount, paymentAmount]);
    return true;
  }

  async function operatorCall(functionName: 'fillOrder' | 'cancelOrder', args: readonly unknown[]) {
    const data = encodeFunctionData({ abi: orderProcessorAbi, functionName, args } as never);
    await sendTransaction(client, { from: options.operator, to: processor, data }, functionName, orderProcessorAbi);
  }

  const pollMs = options.pollMs ?? 200;
  const tick = async () => {
    if (stopped) return;
    running = pollOnce().catch((error: Error) => options.log?.(`operator: ${error.message}`));
    await running;
    if (!stopped) timer = setTimeout(tick, pollMs);
  };
  let timer: NodeJS.Timeout = setTimeout(tick, 0);

  return {
    pollOnce,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
