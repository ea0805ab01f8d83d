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
  const hash = await u.writeContract({address: router, abi: uniswapV2RouterAbi, functionName:'swapExactTokensForTokens', args:[500_000_000n, 0n, [usdc, t.address], user, 10n**12n]});
  const r = await publicClient.waitForTransactionReceipt({hash});
  console.log(r.status, r.gasUsed);
  const tx = await publicClient.getTransaction({hash}); console.log('gas limit', tx.gas);
  const trace = await publicClient.request({method:'debug_traceTransaction', params:[hash,{tracer:'callTracer'}]} as never);
  const walk = (c: any, depth=0) => { if (c.error) console.log(' '.repeat(depth), c.to, c.input.slice(0,10), c.error, c.gas, c.gasUsed); for (const x of c.calls ?? []) walk(x, depth+1); };
  walk(trace);
} finally { await d.stop(); }
