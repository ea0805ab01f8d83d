import { type ChildProcess, spawn } from 'node:child_process';
import { devnetChainId, devnetMnemonic } from './catalog.ts';
import { anvilBinary } from './paths.ts';

export type AnvilProcess = { rpcUrl: string; process: ChildProcess; stop(): Promise<void> };

export interface AnvilOptions {
  /** Another chain id than the devnet's, e.g. 1 for a local stand-in of Ethereum. */
  chainId?: number;
  /** More anvil flags (gas and code-size limits). */
  extraArgs?: readonly string[];
}

/** Starts anvil on 127.0.0.1 with the devnet chain id (or `options.chainId`) and mnemonic, and waits until it answers. */
export async function startAnvil(port: number, quiet = true, options: AnvilOptions = {}): Promise<AnvilProcess> {
  const args = ['--host', '127.0.0.1', '--port', String(port), '--chain-id', String(options.chainId ?? devnetChainId), ...(options.extraArgs ?? [])];
  args.push('--mnemonic', devnetMnemonic, '--accounts', '10', '--balance', '10000');
  if (quiet) args.push('--silent');
  const child = spawn(anvilBinary, args, { stdio: ['ignore', quiet ? 'ignore' : 'inherit', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<never>((_, reject) => {
    child.once('exit', (code) => reject(new Error(`devnet: anvil exited (code ${code}): ${stderr.trim()}`)));
    child.once('error', (error) => reject(new Error(`devnet: could not start anvil: ${error.message}`)));
  });
  exited.catch(() => {});
  const rpcUrl = `http://127.0.0.1:${port}`;
  // If this process exits without calling stop(), take anvil down with it.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const stop = () => {
    process.off('exit', killOnExit);
    return stopChild(child);
  };
  try {
    await Promise.race([waitForRpc(rpcUrl), exited]);
  } catch (error) {
    await stop();
    throw error;
  }
  return { rpcUrl, process: child, stop };
}

async function waitForRpc(rpcUrl: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(rpcUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_chainId', params: [] }),
      });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`devnet: anvil did not answer on ${rpcUrl}`);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 3_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
