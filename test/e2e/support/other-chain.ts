// A second anvil on another chain id: empty (the "unknown chain" a dApp asks to add), or a fork
// of the devnet (the same contracts and balances at the same addresses, under its own chain id).
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as { port: number };
  await new Promise((ok) => server.close(ok));
  return port;
}

export async function startOtherChain(chainId: number, options: { forkUrl?: string } = {}): Promise<{ rpcUrl: string; process: ChildProcess }> {
  const port = await freePort();
  const fork = options.forkUrl ? ['--fork-url', options.forkUrl] : [];
  const child = spawn(
    'node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil',
    ['--host', '127.0.0.1', '--port', String(port), '--chain-id', String(chainId), ...fork, '--silent'],
    { stdio: 'ignore' },
  );
  const rpcUrl = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i++) {
    const answered = await fetch(rpcUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"jsonrpc":"2.0","id":1,"method":"eth_chainId","params":[]}',
    }).then(
      (r) => r.ok,
      () => false,
    );
    if (answered) return { rpcUrl, process: child };
    await new Promise((ok) => setTimeout(ok, 50));
  }
  child.kill('SIGKILL');
  throw new Error('second anvil did not start');
}
