import { startDevnet } from '../index.ts';
import { devnetClients, tokenOf, accountOf, contractOf } from '../test-kit.ts';
import { erc20Abi, maxUint256 } from 'viem';
import { uniswapV2RouterAbi } from '../abis.ts';
const d = await startDevnet({});
try {
  const { publicClient, wallet } = devnetClients(d.deployment);
  const u = wallet('user'); const user = accountOf(d.deployment,'user');
  const t = tokenOf(d.deployment,'AMZNr'); const usdc = contractOf(d.deployment,'USDC'); const router = contractOf(d.deployment,'UniswapV2Router02');
  for (const a of [usdc, t.address]) await publicClient.waitForTransactionReceipt({hash: await u.writeContract({address:a, abi: erc20Abi, functionName:'approve', args:[router, maxUint256]})});
  for (const path of [[usdc, t.address],[t.address, usdc]]) {
    try { await publicClient.simulateContract({account: user, address: router, abi: uniswapV2RouterAbi, functionName:'swapExactTokensForTokens', args:[path[0]===usdc ? 500_000_000n : 10n**18n, 0n, path, user, 10n**12n]}); console.log('ok', path); }
    catch (e) { console.log("fail", (e as Error).message); }
  }
} finally { await d.stop(); }
