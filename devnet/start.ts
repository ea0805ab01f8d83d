import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startDevnet } from './index.ts';
import { devnetDir } from './paths.ts';

// `npm run devnet [-- --port N]`: runs the devnet until Ctrl-C.
const portFlag = process.argv.indexOf('--port');
const port = portFlag >= 0 ? Number(process.argv[portFlag + 1]) : 8545;
if (!Number.isInteger(port) || port <= 0 || port > 65_535) {
  console.error('usage: npm run devnet -- [--port N]');
  process.exit(2);
}

const started = Date.now();
let stopDevnet: (() => Promise<void>) | undefined;
let stopping = false;
const shutdown = async () => {
  if (stopping) return;
  stopping = true;
  // before startup finished, exiting is enough: anvil is killed on process exit
  await stopDevnet?.();
  process.exit(0);
};
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, shutdown);

try {
  const { deployment, stop } = await startDevnet({ port, issuerPort: 8787, dappPort: 8788, quiet: true });
  stopDevnet = stop;
  const file = join(devnetDir, 'deployment.json');
  writeFileSync(file, `${JSON.stringify(deployment, null, 2)}\n`);
  console.log(`devnet ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(`  rpc             ${deployment.rpcUrl}  (chain id ${deployment.chainId})`);
  console.log(`  issuer service  ${deployment.issuerServiceUrl}`);
  console.log(`  demo dApp       ${deployment.dappUrl}`);
  console.log(`  deployment      ${file}`);
  console.log(`  test mnemonic   ${deployment.mnemonic}  (account 0 holds every stock)`);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
