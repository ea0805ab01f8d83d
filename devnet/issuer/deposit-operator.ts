import { type Address, encodeFunctionData, type Hex, parseAbi, type PublicClient } from 'viem';
import { sendTransaction } from '../chain.ts';
import type { ChainDeployment } from '../deploy/index.ts';
import { kycRegistryAbi, usdcAbi } from '../abis.ts';
import type { MarketStatus } from './market-hours.ts';
import { depositRedemptionFee, tokenPrice, usdcForTokens } from './pricing.ts';

const transferEvent = parseAbi(['event Transfer(address indexed from, address indexed to, uint256 value)']);

export type DepositOperatorOptions = {
  client: PublicClient;
  deployment: ChainDeployment;
  marketStatus(): MarketStatus;
  /** Milliseconds a deposit waits after it is seen before it is paid (the devnet's stand-in for T+3). */
  delayMs?: number;
  pollMs?: number;
  log?(message: string): void;
};

export type DepositOperator = { stop(): Promise<void>; pollOnce(): Promise<void> };

type Deposit = { key: string; token: Address; from: Address; amount: bigint; seenAt: number };

/**
 * The Backed-style issuer's back office: watches its tokens arriving at the registered deposit
 * address and, for a sender that is a pre-approved (KYC'd) wallet, pays the value at the feed
 * price less the redemption fee in USDC from the payout address once the market is open and the
 * delay has passed. A deposit from any other wallet is kept and never paid out, as with the real
 * issuer. A chain rewound by evm_revert is noticed and scanned again.
 */
export function startDepositOperator(options: DepositOperatorOptions): DepositOperator {
  const { client, deployment } = options;
  const issuer = deployment.issuers.find((i) => i.kind === 'deposit');
  const delay = options.delayMs ?? 1_500;
  const pending = new Map<string, Deposit>();
  const handled = new Set<string>();
  let nextBlock = 0n;
  let lastHead: { number: bigint; hash: Hex } | undefined;
  let stopped = false;
  let running: Promise<void> = Promise.resolve();

  async function pollOnce(): Promise<void> {
    if (!issuer?.depositAddress || !issuer.payoutAddress) return;
    const head = await client.getBlock();
    if (lastHead && (await client.getBlock({ blockNumber: lastHead.number }).catch(() => undefined))?.hash !== lastHead.hash) {
      nextBlock = head.number > 256n ? head.number - 256n : 0n;
      handled.clear();
      pending.clear();
    }
    lastHead = { number: head.number, hash: head.hash };
    if (nextBlock <= head.number) {
      const logs = await client.getLogs({
        address: issuer.tokens as Address[],
        event: transferEvent[0],
        args: { to: issuer.depositAddress as Address },
        fromBlock: nextBlock,
        toBlock: head.number,
      });
      for (const log of logs) {
        const key = `${log.transactionHash}:${log.logIndex}`;
        if (handled.has(key) || pending.has(key)) continue;
        pending.set(key, { key, token: log.address, from: log.args.from as Address, amount: log.args.value as bigint, seenAt: Date.now() });
      }
      nextBlock = head.number + 1n;
    }
    for (const deposit of [...pending.values()]) {
      if (Date.now() - deposit.seenAt < delay || options.marketStatus() === 'closed') continue;
      try {
        await payOut(deposit);
        pending.delete(deposit.key);
        handled.add(deposit.key);
      } catch (error) {
        options.log?.(`deposit operator: ${deposit.key} not paid yet: ${(error as Error).message}`);
      }
    }
  }

  async function payOut(deposit: Deposit): Promise<void> {
    const approved = await client.readContract({
      address: deployment.contracts.KycRegistry as Address,
      abi: kycRegistryAbi,
      functionName: 'isVerified',
      args: [deposit.from],
    });
    if (!approved) {
      options.log?.(`deposit operator: ${deposit.from} is not a pre-approved wallet; its deposit is not paid out`);
      return;
    }
    const token = deployment.tokens.find((t) => t.address.toLowerCase() === deposit.token.toLowerCase());
    if (!token) return;
    const value = usdcForTokens(deposit.amount, await tokenPrice(client, token), false);
    const payout = value - depositRedemptionFee(value);
    if (payout <= 0n) return;
    const data = encodeFunctionData({ abi: usdcAbi, functionName: 'transfer', args: [deposit.from, payout] });
    await sendTransaction(
      client,
      { from: issuer!.payoutAddress as Address, to: deployment.contracts.USDC as Address, data },
      'deposit payout',
      usdcAbi,
    );
  }

  const pollMs = options.pollMs ?? 200;
  const tick = async () => {
    if (stopped) return;
    running = pollOnce().catch((error: Error) => options.log?.(`deposit operator: ${error.message}`));
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
