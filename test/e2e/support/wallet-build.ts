// A wallet build of its own for a test that needs the devnet described differently (e.g. an issuer
// behind a proxy), or the store registry on a local node standing in for a public chain, made the
// way global-setup makes the shared one, in a temporary folder.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Deployment } from '../../../devnet/types.ts';
import type { RegistryData } from '../../../lib/registry/index.ts';
import { ROOT } from './paths.ts';

export interface WalletBuild {
  /** The unpacked extension. */
  dir: string;
  remove(): void;
}

/** Builds with `variable` naming a file that holds `definition` (see wxt.config.ts). */
function buildWith(variable: 'SHAREKEEP_DEVNET' | 'SHAREKEEP_LOCAL_CHAIN', definition: unknown, browser: 'chrome' | 'firefox'): WalletBuild {
  const workDir = mkdtempSync(join(tmpdir(), 'sharekeep-build-'));
  const file = join(workDir, 'definition.json');
  writeFileSync(file, JSON.stringify(definition));
  const outDir = join(workDir, 'output');
  const env = { ...process.env, [variable]: file, SHAREKEEP_OUT_DIR: outDir };
  execFileSync('npx', ['wxt', 'build', ...(browser === 'firefox' ? ['-b', 'firefox'] : [])], { cwd: ROOT, stdio: 'ignore', env });
  return { dir: join(outDir, `${browser}-mv3`), remove: () => rmSync(workDir, { recursive: true, force: true }) };
}

export const buildWalletFor = (deployment: Deployment, browser: 'chrome' | 'firefox'): WalletBuild =>
  buildWith('SHAREKEEP_DEVNET', deployment, browser);

/**
 * The store build (the bundled registry) whose network `chainId` is the node at `rpcUrl`, with
 * `registry` added to the bundled entries; its other networks start turned off, so it asks that node only.
 */
export const buildLocalChainWallet = (
  localChain: { chainId: number; rpcUrl: string; registry: RegistryData },
  browser: 'chrome' | 'firefox',
): WalletBuild => buildWith('SHAREKEEP_LOCAL_CHAIN', localChain, browser);
