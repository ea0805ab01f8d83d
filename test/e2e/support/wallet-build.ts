// A wallet build of its own for a test that needs the devnet described differently (e.g. an issuer
// behind a proxy), made the way global-setup makes the shared one, in a temporary folder.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Deployment } from '../../../devnet/types.ts';
import { ROOT } from './paths.ts';

export interface WalletBuild {
  /** The unpacked extension. */
  dir: string;
  remove(): void;
}

export function buildWalletFor(deployment: Deployment, browser: 'chrome' | 'firefox'): WalletBuild {
  const workDir = mkdtempSync(join(tmpdir(), 'sharekeep-build-'));
  const deploymentFile = join(workDir, 'deployment.json');
  writeFileSync(deploymentFile, JSON.stringify(deployment));
  const outDir = join(workDir, 'output');
  const env = { ...process.env, SHAREKEEP_DEVNET: deploymentFile, SHAREKEEP_OUT_DIR: outDir };
  execFileSync('npx', ['wxt', 'build', ...(browser === 'firefox' ? ['-b', 'firefox'] : [])], { cwd: ROOT, stdio: 'ignore', env });
  return { dir: join(outDir, `${browser}-mv3`), remove: () => rmSync(workDir, { recursive: true, force: true }) };
}
